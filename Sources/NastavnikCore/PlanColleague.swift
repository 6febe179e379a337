/// A colleague who might mentor or open a lesson.
public struct PlanColleague: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var schoolID: Int64
    public var subjects: [String]
    public var category: QualificationCategory?
    /// Topics this colleague has a deficit in (from the latest diagnostic).
    public var deficits: Set<String>
    /// Sum of the colleague's scores relative to the thresholds; higher is stronger.
    public var strength: Double
    public var diagnosed: Bool

    public init(
        id: Int64, name: String, schoolID: Int64, subjects: [String], category: QualificationCategory?,
        deficits: Set<String>, strength: Double, diagnosed: Bool
    ) {
        self.id = id
        self.name = name
        self.schoolID = schoolID
        self.subjects = subjects
        self.category = category
        self.deficits = deficits
        self.strength = strength
        self.diagnosed = diagnosed
    }

    func isStrong(in topic: String) -> Bool {
        diagnosed && !deficits.contains(CellValue.fold(topic)) && strength > 0
    }
}
