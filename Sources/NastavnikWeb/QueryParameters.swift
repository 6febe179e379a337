import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikStore

/// The query parameters the methodologists' pages share (a school, a campaign, a date), each
/// checked against what exists: a wrong value is a 400 naming the parameter and the value.
enum QueryParameters {
    /// A parameter's trimmed value; `nil` when absent or empty.
    static func text(_ request: Request, _ name: String) -> String? {
        guard let raw = request.uri.queryParameters[Substring(name)].map(String.init) else { return nil }
        let value = raw.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// The `school` parameter: the code of a school of `schools`.
    static func school(_ request: Request, among schools: [SchoolOverview], name: String = "school") throws
        -> String?
    {
        guard let code = text(request, name) else { return nil }
        guard schools.contains(where: { $0.code == code }) else {
            throw WebError.badRequest("Параметр \(name): школа с кодом «\(code)» не найдена.")
        }
        return code
    }

    /// The schools (for the select) and the `school` parameter checked against them.
    static func school(_ request: Request, _ app: NastavnikApp) async throws -> (
        schools: [SchoolOverview], code: String?
    ) {
        let schools = try await app.schools(status: nil)
        return (schools, try school(request, among: schools))
    }

    /// The select of the `school` parameter: «все», then each school.
    static func schoolField(_ schools: [SchoolOverview], _ code: String?) -> FilterForm.Field {
        .select("school", "Школа", value: code, choices: schoolChoices(schools))
    }

    /// The choices of a school select: «все», then each school by code and name.
    static func schoolChoices(_ schools: [SchoolOverview]) -> [(String, String)] {
        [("", "все")] + schools.map { ($0.code, "\($0.code) \($0.name)") }
    }

    /// A campaign parameter: a campaign of `campaigns` by its number or its date (ДД.ММ.ГГГГ).
    static func campaign(_ request: Request, _ name: String, among campaigns: [CampaignLine]) throws
        -> CampaignLine?
    {
        guard let value = text(request, name) else { return nil }
        guard let campaign = campaigns.first(where: { String($0.id) == value || $0.date.russian == value }) else {
            throw WebError.badRequest(
                "Параметр \(name): кампания «\(value)» не найдена; укажите номер кампании или её дату (ДД.ММ.ГГГГ).")
        }
        return campaign
    }

    /// The choices of a campaign select (`first`: the empty choice's label, when there is one).
    static func campaignChoices(_ campaigns: [CampaignLine], first: String?) -> [(String, String)] {
        (first.map { [("", $0)] } ?? [])
            + campaigns.map { (String($0.id), "№ \($0.id) от \($0.date.russian), \($0.instrument)") }
    }

    /// A date parameter (ДД.ММ.ГГГГ or ГГГГ-ММ-ДД).
    static func date(_ request: Request, _ name: String) throws -> LocalDate? {
        guard let value = text(request, name) else { return nil }
        guard let date = LocalDate(parsing: value) else {
            throw WebError.badRequest("Параметр \(name): дата «\(value)» не распознана; укажите её как ДД.ММ.ГГГГ.")
        }
        return date
    }

    /// A whole number parameter within `range`.
    static func integer(_ request: Request, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = text(request, name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw WebError.badRequest(
                "Параметр \(name): «\(value)» — ожидается целое число от \(range.lowerBound) до \(range.upperBound).")
        }
        return number
    }

    /// A checkbox parameter: absent, empty or `1`.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let value = text(request, name) else { return false }
        guard value == "1" else {
            throw WebError.badRequest("Параметр \(name): «\(value)» — ожидается 1 (отмечено) или ничего.")
        }
        return true
    }
}
