import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The version of school `code`'s official statuses a form that sets them is opened with.
    public func schoolStatusVersion(code: String) async throws -> Int64 {
        try database.schoolStatusVersion(code: code).id
    }

    /// What is wrong with a change of official statuses, field by field (`OfficialStatusRule`);
    /// `setOfficialStatuses` refuses the same.
    public static func officialStatusProblems(
        statuses: [SchoolStatus], orderNumber: String, orderDate: LocalDate, today: LocalDate
    ) -> [(field: String, message: String)] {
        OfficialStatusRule.problems(statuses: statuses, orderNumber: orderNumber, orderDate: orderDate, today: today)
    }

    /// Sets school `code`'s official statuses by the department's order (its number and date);
    /// with `expectedVersion`, statuses changed since the form was opened are refused
    /// (`StaleRecordError`). Returns the statuses it had.
    @discardableResult
    public func setOfficialStatuses(
        schoolCode code: String, statuses: [SchoolStatus], orderNumber: String, orderDate: LocalDate,
        today: LocalDate = .today(), expectedVersion: Int64? = nil
    ) async throws -> [SchoolStatus] {
        if let problem = Self.officialStatusProblems(
            statuses: statuses, orderNumber: orderNumber, orderDate: orderDate, today: today
        ).first {
            throw AppError(problem.message)
        }
        return try database.setOfficialStatuses(
            schoolCode: code, statuses: statuses,
            order: OfficialStatusRule.orderText(number: orderNumber, date: orderDate), expectedVersion: expectedVersion)
    }

    /// Makes a classification's proposal for school `code` (over `years`, as `classifySchools`)
    /// its official statuses, when the proposal is still `expected` (the one the user saw);
    /// `nil` when it is no longer (the results or the rules changed), and nothing is written.
    /// With `expectedVersion`, as `setOfficialStatuses`. Returns the statuses it had.
    public func acceptProposal(
        schoolCode code: String, years: ClosedRange<Int>?, expected: [SchoolStatus], expectedVersion: Int64? = nil
    ) async throws -> [SchoolStatus]? {
        let proposals = try await classifySchools(years: years, save: false).schools
        guard let school = proposals.first(where: { $0.code == code }) else {
            throw AppError("Школа с кодом «\(code)» не найдена среди классифицированных.")
        }
        guard Set(school.statuses) == Set(expected) else { return nil }
        let reasons = school.reasons.joined(separator: "; ")
        return try database.setOfficialStatuses(
            schoolCode: code, statuses: school.statuses,
            order: "Принято предложение классификации" + (reasons.isEmpty ? "" : ": " + reasons),
            expectedVersion: expectedVersion)
    }
}
