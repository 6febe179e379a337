/// One typical measure of the programme catalogue (`Seeds/programmes/catalogue.json`): the
/// task it serves (1-based, of its factor's tasks), its text, a term pattern within the school
/// year (`SchoolYearTerm`), the responsible role, the expected result and the indicator.
public struct ProgrammeMeasure: Sendable, Hashable, Codable {
    public var task: Int
    public var text: String
    /// «октябрь», «сентябрь–октябрь», «декабрь, май», «ежеквартально», «ежемесячно»,
    /// «в течение учебного года».
    public var term: String
    public var responsible: String
    public var result: String
    public var indicator: String

    public init(task: Int, text: String, term: String, responsible: String, result: String, indicator: String) {
        (self.task, self.text, self.term, self.responsible, self.result, self.indicator) =
            (task, text, term, responsible, result, indicator)
    }
}
