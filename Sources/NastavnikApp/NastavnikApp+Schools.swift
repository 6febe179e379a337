import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The schools (those with `status`, or all) with their statuses and curators.
    public func schools(status: SchoolStatus?) async throws -> [SchoolOverview] { try database.schools(status: status) }

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
