import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// A school's page as of `date`: its card with the history of its statuses, staff by kind,
    /// category and experience, the 3-year share, the deficits of its campaigns, plans,
    /// mentoring pairs and roadmap terms. Reads the school's rows only; a school not on record
    /// is refused.
    public func schoolPage(code: String, asOf date: LocalDate) async throws -> SchoolPage {
        let detail = try await school(code: code, asOf: date)
        var staff = SchoolStaffFigures(code: detail.school.code, name: detail.school.name)
        for line in try database.staff(schoolCode: code, asOf: date) { staff.add(line) }
        (staff.trainingBase, staff.trained) = (detail.trainedBase, detail.trainedCount)
        let proposed = try database.proposedStatuses(schoolCode: code)

        // Each campaign's results as the diagnostics summary counts a campaign (`StaffPopulation`).
        let records = try database.diagnosticRecords(schoolCode: code).filter { $0.campaignDate <= date }
        var campaigns: [Int64: LocalDate] = [:]
        for r in records { campaigns[r.campaignID] = r.campaignDate }
        let deficits = campaigns.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { id, day in
            let counted = StaffPopulation.countedResults(records, campaign: id)
            let byTopic = DiagnosticFigures(
                counted.map { ScoredTeacher(key: $0.staffRowID, scores: $0.scores, deficits: $0.deficits) },
                thresholds: [:]
            ).deficits
            return SchoolPage.DeficitColumn(date: day, diagnosed: counted.count, byTopic: byTopic)
        }

        let own = try database.occurrences(OccurrenceFilter(schoolCode: code), asOf: date)
        let ownIDs = Set(own.map(\.id))
        let concerning = try database.occurrences(OccurrenceFilter(namingSchools: true, openOnly: true), asOf: date)
            .filter { !ownIDs.contains($0.id) }
        var page = SchoolPage(
            asOf: date, detail: detail, statusHistory: try database.statusHistory(schoolCode: code),
            proposedStatuses: proposed.statuses, proposedReason: proposed.reason, staff: staff, deficits: deficits,
            plans: try database.plans(schoolCode: code),
            mentorships: try database.mentorships(activeOn: date, schoolCode: code),
            roadmap: own, concerning: concerning)
        page.programmes = try await programmes(schoolCode: code, asOf: date)
        page.documents = try database.schoolDocuments(schoolCode: code)
        return page
    }
}
