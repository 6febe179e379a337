import Foundation

/// Why a term has no dates, or carries a caveat.
public enum TermFlag: String, Codable, Sendable, CaseIterable {
    /// «Постоянно», «в течение всего периода»: the activity runs throughout.
    case continuous
    /// «По графику», «по мере готовности», «в рамках соглашения»: dates come from elsewhere.
    case bySchedule
    /// Not understood: kept verbatim, never dated.
    case unreadable

    public var russian: String {
        switch self {
        case .continuous: "постоянно"
        case .bySchedule: "по графику / по мере необходимости"
        case .unreadable: "срок не распознан"
        }
    }
}
