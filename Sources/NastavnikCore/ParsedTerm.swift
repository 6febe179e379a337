import Foundation

/// A term read into dates: its occurrences, and a flag when it is undated or not understood.
public struct ParsedTerm: Hashable, Sendable {
    public var occurrences: [TermOccurrence]
    public var flag: TermFlag?

    public static let unreadable = ParsedTerm(occurrences: [], flag: .unreadable)
}
