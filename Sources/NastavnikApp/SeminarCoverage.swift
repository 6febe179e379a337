import NastavnikCore

/// Coverage of the staff by events over a period, per school, with the target it is held against.
public struct SeminarCoverage: Sendable, Equatable {
    public var period: ClosedRange<LocalDate>
    public var lines: [CoverageLine]
    /// The codes of the schools that need support (НОР, ЗПР, ЗУР, ШНСУ).
    public var supportedCodes: Set<String>
    public var target: CoverageTarget?
    /// The kind chosen, when one was.
    public var kind: EventKind?
}
