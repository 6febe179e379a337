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

    func isStrong(in topic: String) -> Bool {
        diagnosed && !deficits.contains(CellValue.fold(topic)) && strength > 0
    }
}
