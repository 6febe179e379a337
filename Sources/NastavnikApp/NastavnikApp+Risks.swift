import NastavnikCore
import NastavnikStore

/// The «500+» risk profiles (issue 21): proposals from the data, levels set or confirmed, the
/// matrix and one school's profile.
extension NastavnikApp {
    /// The day a year's staff, training and diagnostic figures are read on: its last day, or
    /// `today` while the year lasts.
    public static func riskDate(year: Int, today: LocalDate = .today()) -> LocalDate {
        min(LocalDate(year: year, month: 12, day: 31) ?? today, today)
    }

    /// The proposed levels for `year`, per school (or for one), with the factors not proposed.
    public func proposeRisks(year: Int, schoolCode: String? = nil, today: LocalDate = .today()) async throws
        -> [RiskProposer.Outcome]
    {
        if let schoolCode { _ = try requireSchool(schoolCode) }
        let inputs = try database.riskInputs(
            year: year, asOf: Self.riskDate(year: year, today: today), schoolCode: schoolCode)
        let proposer = RiskProposer(settings: try database.settings())
        return inputs.map(proposer.propose)
    }

    /// Records the proposals as `year`'s profile in one transaction; a level imported or set by
    /// hand is kept unless `replace`. Returns the count written and the proposals left aside.
    public func saveRiskProposals(_ outcomes: [RiskProposer.Outcome], year: Int, replace: Bool) async throws -> (
        written: Int, kept: [RiskProposal]
    ) {
        try database.saveRiskProposals(outcomes.flatMap(\.proposals), year: year, replace: replace)
    }

    /// Sets a level by hand; returns the level it had.
    @discardableResult
    public func setRiskLevel(schoolCode: String, year: Int, factor: RiskFactor, level: RiskLevel, note: String?)
        async throws -> RiskLevel?
    {
        _ = try requireSchool(schoolCode)
        return try database.setRiskLevel(schoolCode: schoolCode, year: year, factor: factor, level: level, note: note)
    }

    /// The stored levels: of one year, of schools having a factor at `level` (their whole row
    /// kept, so the matrix shows the rest of their profile), of one school.
    public func riskProfiles(year: Int? = nil, level: RiskLevel? = nil, schoolCode: String? = nil) async throws
        -> [RiskProfileLine]
    {
        let lines = try database.riskProfiles(year: year, schoolCode: schoolCode)
        guard let level else { return lines }
        let matching = Set(lines.filter { $0.level == level }.map { "\($0.schoolCode)|\($0.year)" })
        return lines.filter { matching.contains("\($0.schoolCode)|\($0.year)") }
    }

    /// One school's levels over every year; an unknown school is an error naming its code.
    public func schoolRiskProfile(schoolCode: String) async throws -> [RiskProfileLine] {
        _ = try requireSchool(schoolCode)
        return try database.riskProfiles(schoolCode: schoolCode)
    }

    /// The school with `code`, or a Russian error naming the code.
    private func requireSchool(_ code: String) throws -> SchoolOverview {
        guard let school = try database.schools().first(where: { $0.code == code }) else {
            throw AppError("Школа с кодом «\(code)» не найдена; список школ: nastavnik schools list.")
        }
        return school
    }
}
