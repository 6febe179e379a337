import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// The municipal report as of `date`: statuses and curators, staff, training, deficits,
    /// mentoring, events and the roadmaps, with the rules in force.
    public func municipalReport(asOf date: LocalDate) async throws -> Report {
        let risks = try database.riskProfiles()
        return MunicipalReportBuilder.build(
            try database.municipalData(asOf: date), asOf: date, indicators: try database.staffIndicators(asOf: date),
            mentorships: try database.mentorships(activeOn: date), events: try database.events(),
            minimumHours: try database.trainingRule().minimumHours,
            earlyCareer: EarlyCareerRule(settings: try database.settings()),
            targets: try await indicatorSummary(asOf: date), risks: risks,
            programmeGaps: try programmeGaps(profiles: risks, schoolCode: nil, asOf: date))
    }

    /// One school's report as of `date`; a school not on record is refused.
    public func schoolReport(code: String, asOf date: LocalDate) async throws -> Report {
        let data = try database.municipalData(asOf: date, schoolCode: code)
        guard let school = data.schools.first else { throw AppError("Школа с кодом «\(code)» не найдена.") }
        let risks = try database.riskProfiles(schoolCode: code)
        return SchoolReportBuilder.build(
            data, school: school, asOf: date, indicators: try database.staffIndicators(asOf: date, schoolCode: code),
            mentorships: try database.mentorships(activeOn: date), events: try database.events(),
            minimumHours: try database.trainingRule().minimumHours,
            earlyCareer: EarlyCareerRule(settings: try database.settings()),
            risks: risks, programmeGaps: try programmeGaps(profiles: risks, schoolCode: code, asOf: date),
            programmes: try await programmes(schoolCode: code, asOf: date),
            documents: try database.schoolDocuments(schoolCode: code))
    }

    /// The staff indicators (trained, above thresholds, covered) by school and in total.
    public func staffIndicators(asOf date: LocalDate, schoolCode: String?) async throws -> StaffIndicators {
        try database.staffIndicators(asOf: date, schoolCode: schoolCode)
    }
}

extension NastavnikApp {
    /// A number that grows with every change of the data (`NastavnikDatabase.changeStamp`): a
    /// front end keeps a costly overview until it changes.
    public func changeStamp() async throws -> Int64 { try database.changeStamp() }
}
