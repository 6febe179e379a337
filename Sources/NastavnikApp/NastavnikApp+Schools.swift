import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The schools (those with `status`, or all) with their statuses and curators.
    public func schools(status: SchoolStatus?) async throws -> [SchoolOverview] { try database.schools(status: status) }

    /// The schools (with `status`, when given) whose code or name contains `search` (case, «ё»
    /// and spaces do not matter); every school for an empty search.
    public func schools(status: SchoolStatus?, matching search: String) async throws -> [SchoolOverview] {
        let schools = try database.schools(status: status)
        let needle = CellValue.fold(search)
        guard !needle.isEmpty else { return schools }
        return schools.filter { CellValue.fold($0.code).contains(needle) || CellValue.fold($0.name).contains(needle) }
    }

    /// One school's card as of `date`; a school not on record is refused.
    public func school(code: String, asOf date: LocalDate) async throws -> SchoolDetail {
        guard let detail = try database.school(code: code, asOf: date) else {
            throw AppError("Школа с кодом «\(code)» не найдена.")
        }
        return detail
    }

    /// Proposes statuses by the Ставрополь method over `years` (the last three when nil) with
    /// the rules in the settings as `adjust` changes them; `save` stores the proposals (apart
    /// from the official statuses). Returns the rules applied, every school's classification
    /// and the rating.
    public func classifySchools(
        years: ClosedRange<Int>?, adjust: (inout ClassificationRules) -> Void = { _ in },
        save: Bool
    ) async throws -> (rules: ClassificationRules, schools: [SchoolClassification], rating: [String: Int]) {
        var rules = ClassificationRules(settings: try database.settings())
        adjust(&rules)
        let schools = rules.classify(try database.classificationData(years: years))
        if save {
            try database.saveProposedStatuses(
                schools.map { ($0.code, $0.statuses, $0.reasons.joined(separator: "; ")) })
        }
        return (rules, schools, SchoolClassification.rating(schools))
    }
}
