import Foundation

/// One dated occurrence of an activity.
public struct TermOccurrence: Hashable, Sendable, Codable {
    public var start: LocalDate
    public var end: LocalDate
    /// Set when the occurrence is one of a series.
    public var recurrence: Recurrence?
    /// «До 25.11.2020»: a deadline rather than a period of work.
    public var isDeadline: Bool = false
}
