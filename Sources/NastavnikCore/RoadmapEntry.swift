/// One activity row of a roadmap file, with the direction it stands under.
public struct RoadmapEntry: Hashable, Sendable {
    public var number: String?
    public var direction: String?
    public var text: String
    public var term: String
    public var responsible: String?
    public var result: String?
    public var schoolCode: String?
    /// The indicator of the measure (an anti-risk programme's column «Показатель»; issue 21).
    public var indicator: String? = nil
    /// The term read into dates within the roadmap's period.
    public var parsed: ParsedTerm

    public init(
        number: String?, direction: String?, text: String, term: String, responsible: String?,
        result: String?, schoolCode: String?, parsed: ParsedTerm = .unreadable
    ) {
        self.number = number
        self.direction = direction
        self.text = text
        self.term = term
        self.responsible = responsible
        self.result = result
        self.schoolCode = schoolCode
        self.parsed = parsed
    }

    /// The people and bodies named as responsible, one by one: «УО, Федотова Н.Э.» → two.
    public var responsibleNames: [String] {
        PersonName.names(in: responsible)
    }
}
