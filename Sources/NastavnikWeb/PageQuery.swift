import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikStore

/// A request's query parameters read and checked: a bad value is a 400 naming the parameter and
/// the value, in Russian.
struct PageQuery {
    let request: Request

    init(_ request: Request) { self.request = request }

    /// A parameter's value, trimmed; `nil` when absent or empty.
    func text(_ name: String) -> String? {
        // Read as a form's body is: a browser's GET form sends a space as «+».
        guard let raw = FormBody(encoded: request.uri.query ?? "")[name] else { return nil }
        let value = raw.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// A checkbox: ticked when `1` (as the filter forms send it), not when absent or empty.
    func flag(_ name: String) throws -> Bool {
        guard let value = text(name) else { return false }
        guard value == "1" else {
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
            throw WebError.badRequest("Параметр \(name): дата «\(value)» не распознана; укажите ДД.ММ.ГГГГ.")
        }
        return date
    }

    /// Years as a period («2022-2024»), as the command line's `--years` reads them.
    func years(_ name: String = "years") throws -> ClosedRange<Int>? {
        guard let value = text(name) else { return nil }
        guard let period = PeriodText.parse(value) else {
            throw WebError.badRequest("Параметр \(name): годы «\(value)» не распознаны; укажите, например, 2022-2024.")
        }
        return period.start.year...period.end.year
    }

    /// The page of a paged list (from 1).
    func page(_ name: String = "page") throws -> Int {
        guard let value = text(name) else { return 1 }
        guard let page = Int(value), page >= 1 else {
            throw WebError.badRequest("Параметр \(name): номер страницы «\(value)» должен быть целым числом от 1.")
        }
        return page
    }

    /// A school's code among `schools` (a select of them offers the choice).
    func school(_ name: String = "school", among schools: [SchoolOverview]) throws -> String? {
        guard let code = text(name) else { return nil }
        guard schools.contains(where: { $0.code == code }) else {
            throw WebError.badRequest("Параметр \(name): школа с кодом «\(code)» не найдена.")
        }
        return code
    }

    /// The schools (for the select) and the `school` parameter checked against them.
    func school(_ app: NastavnikApp) async throws -> (schools: [SchoolOverview], code: String?) {
        let schools = try await app.schools(status: nil)
        return (schools, try school(among: schools))
    }

    /// A campaign of `campaigns` by its number or its date (ДД.ММ.ГГГГ).
    func campaign(_ name: String, among campaigns: [CampaignLine]) throws -> CampaignLine? {
        guard let value = text(name) else { return nil }
        guard let campaign = campaigns.first(where: { String($0.id) == value || $0.date.russian == value }) else {
            throw WebError.badRequest(
                "Параметр \(name): кампания «\(value)» не найдена; укажите номер кампании или её дату (ДД.ММ.ГГГГ).")
        }
        return campaign
    }

    /// The select of the `school` parameter: «все», then each school.
    static func schoolField(_ schools: [SchoolOverview], _ code: String?) -> FilterForm.Field {
        .select("school", "Школа", value: code, choices: schoolChoices(schools))
    }

    /// The choices of a school select: «все», then each school by code and name.
    static func schoolChoices(_ schools: [SchoolOverview]) -> [(String, String)] {
        [("", "все")] + schools.map { ($0.code, "\($0.code) \($0.name)") }
    }

    /// The choices of a campaign select (`first`: the empty choice's label, when there is one).
    static func campaignChoices(_ campaigns: [CampaignLine], first: String?) -> [(String, String)] {
        (first.map { [("", $0)] } ?? [])
            + campaigns.map { (String($0.id), "№ \($0.id) от \($0.date.russian), \($0.instrument)") }
    }
}
