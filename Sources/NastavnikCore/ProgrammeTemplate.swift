/// The catalogue's typical anti-risk programme of one risk factor: its goal, its tasks and the
/// measures under them.
public struct ProgrammeTemplate: Sendable, Hashable, Codable {
    public var factor: RiskFactor
    public var goal: String
    public var tasks: [String]
    public var measures: [ProgrammeMeasure]

    public init(factor: RiskFactor, goal: String, tasks: [String], measures: [ProgrammeMeasure]) {
        (self.factor, self.goal, self.tasks, self.measures) = (factor, goal, tasks, measures)
    }

    /// The measures as roadmap entries of the school year starting on 1 September of
    /// `schoolYear`: each under its task (the roadmap's direction), numbered «1.1», «1.2»… by task,
    /// with its term written as officials write it (`SchoolYearTerm`). Nil for a term pattern
    /// the catalogue should not hold (the catalogue's check refuses it first).
    public func entries(schoolYear: Int, schoolCode: String?) -> [RoadmapEntry]? {
        var numbers: [Int: Int] = [:]
        var out: [RoadmapEntry] = []
        for task in tasks.indices {
            for measure in measures where measure.task == task + 1 {
                guard let term = SchoolYearTerm.text(measure.term, schoolYear: schoolYear) else { return nil }
                numbers[task, default: 0] += 1
                var entry = RoadmapEntry(
                    number: "\(task + 1).\(numbers[task]!)", direction: tasks[task], text: measure.text, term: term,
                    responsible: measure.responsible, result: measure.result, schoolCode: schoolCode)
                entry.indicator = measure.indicator
                out.append(entry)
            }
        }
        return out
    }
}
