import Foundation
import NastavnikCore

/// One value of a report, typed so that every format can render it properly: numbers stay
/// numbers in JSON and XLSX, dates become ISO in JSON and `ДД.ММ.ГГГГ` in tables.
public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number shown with `decimals` digits after the comma.
    case number(Double, decimals: Int)
    /// A percentage, stored as percent (12.5 means 12,5 %).
    case percent(Double)
    case date(LocalDate)
    case bool(Bool)
    case list([String])
    case empty

    public init(_ text: String?) { self = text.map { .text($0) } ?? .empty }
    public init(_ value: Int?) { self = value.map { .integer($0) } ?? .empty }
    public init(_ date: LocalDate?) { self = date.map { .date($0) } ?? .empty }

    /// The text a person reads: Russian decimal comma, `ДД.ММ.ГГГГ`, `да`/`нет`.
    public var display: String {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        case .number(let v, let decimals): Cell.russianNumber(v, decimals: decimals)
        case .percent(let v): Cell.russianNumber(v, decimals: 1) + " %"
        case .date(let d): d.russian
        case .bool(let b): b ? "да" : "нет"
        case .list(let items): items.joined(separator: ", ")
        case .empty: ""
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .integer, .number, .percent: true
        default: false
        }
    }

    public static func russianNumber(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value).replacingOccurrences(of: ".", with: ",")
    }
}
