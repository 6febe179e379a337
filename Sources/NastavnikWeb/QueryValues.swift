import Foundation
import Hummingbird
import NastavnikCore

/// A page's query parameters read and checked: a wrong value is a 400 naming the parameter and the value.
enum QueryValues {
    /// The parameter's text, trimmed; `nil` when absent or empty.
    static func text(_ request: Request, _ name: String) -> String? {
        guard let raw = request.uri.queryParameters[Substring(name)].map(String.init) else { return nil }
        let text = raw.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    /// A checkbox: ticked when `1` (as the filter forms send it), not when absent or empty.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let value = text(request, name) else { return false }
        guard value == "1" else {
            throw WebError.badRequest("Параметр \(name): ожидается 1 (флажок отмечен), получено «\(value)».")
        }
        return true
    }

    /// A date as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД.
    static func date(_ request: Request, _ name: String) throws -> LocalDate? {
        guard let value = text(request, name) else { return nil }
        guard let date = LocalDate(parsing: value) else {
            throw WebError.badRequest("Параметр \(name): дата «\(value)» не распознана; укажите ДД.ММ.ГГГГ.")
        }
        return date
    }

    /// Years as a period («2022-2024»), as the command line's `--years` reads them.
    static func years(_ request: Request, _ name: String = "years") throws -> ClosedRange<Int>? {
        guard let value = text(request, name) else { return nil }
        guard let period = PeriodText.parse(value) else {
            throw WebError.badRequest("Параметр \(name): годы «\(value)» не распознаны; укажите, например, 2022-2024.")
        }
        return period.start.year...period.end.year
    }

    /// A page number of a long list, from 1.
    static func page(_ request: Request, _ name: String = "page") throws -> Int {
        guard let value = text(request, name) else { return 1 }
        guard let page = Int(value), page >= 1 else {
            throw WebError.badRequest("Параметр \(name): номер страницы «\(value)» должен быть целым числом от 1.")
        }
        return page
    }
}
