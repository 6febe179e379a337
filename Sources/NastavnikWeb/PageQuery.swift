import Foundation
import Hummingbird
import NastavnikCore
import NastavnikStore

/// A request's query parameters read and checked: a bad value is a 400 naming the parameter and
/// the value, in Russian.
struct PageQuery {
    let request: Request

    init(_ request: Request) { self.request = request }

    /// A parameter's value, trimmed; `nil` when absent or empty.
    func text(_ name: String) -> String? {
        guard let raw = request.uri.queryParameters[Substring(name)].map(String.init) else { return nil }
        let value = raw.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// A checkbox: ticked when sent as `1` (or `on`, `да`).
    func flag(_ name: String) throws -> Bool {
        guard let value = text(name) else { return false }
        guard ["1", "on", "да", "true"].contains(value.lowercased()) else {
            throw WebError.badRequest("Параметр \(name): ожидается 1 (отмечено), получено «\(value)».")
        }
        return true
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw WebError.badRequest(
                "Параметр \(name): ожидается целое число от \(range.lowerBound) до \(range.upperBound), получено «\(value)»."
            )
        }
        return number
    }

    /// A date written ДД.ММ.ГГГГ (or ГГГГ-ММ-ДД).
    func date(_ name: String) throws -> LocalDate? {
        guard let value = text(name) else { return nil }
        guard let date = LocalDate(parsing: value) else {
            throw WebError.badRequest("Параметр \(name): не удалось прочитать дату «\(value)»; укажите ДД.ММ.ГГГГ.")
        }
        return date
    }

    /// A school's code among `schools` (a select of them offers the choice).
    func school(_ name: String, among schools: [SchoolOverview]) throws -> String? {
        guard let code = text(name) else { return nil }
        guard schools.contains(where: { $0.school.code == code }) else {
            throw WebError.badRequest("Параметр \(name): нет школы с кодом «\(code)».")
        }
        return code
    }

    /// The choices of a school select: «все», then each school by code.
    static func schoolChoices(_ schools: [SchoolOverview]) -> [(String, String)] {
        [("", "все")] + schools.map { ($0.school.code, "\($0.school.code) \($0.school.name)") }
    }

    /// The page of a paged list (from 1).
    func page() throws -> Int { try integer("page", in: 1...1_000_000) ?? 1 }
}
