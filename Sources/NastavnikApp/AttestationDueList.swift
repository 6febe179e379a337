import NastavnikCore

/// Who must be attested by a date, in the list's order.
public struct AttestationDueList: Sendable, Equatable {
    public var lines: [AttestationDueLine]
    public var asOf: LocalDate
    public var until: LocalDate
}
