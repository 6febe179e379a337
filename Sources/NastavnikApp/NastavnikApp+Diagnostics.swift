import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// The diagnostics campaigns loaded.
    public func diagnosticCampaigns() async throws -> [CampaignLine] { try database.campaigns() }

    /// The thresholds of `instrument` («*»: the default for all), after setting `competence`'s
    /// to `threshold` when both are given.
    public func diagnosticThresholds(
        instrument: String, setting competence: Competence? = nil, to threshold: Double? = nil,
        maxScore: Double? = nil
    ) async throws -> [Competence: Double] {
        if let competence, let threshold {
            try database.setThreshold(
                instrument: instrument, competence: competence, threshold: threshold, maxScore: maxScore)
        }
        return try database.thresholds(instrument: instrument)
    }

    /// A campaign's summary (`campaign` by number or date; nil: each teacher's latest result, as
    /// the indicators count them) by school and for the municipality, or for one school.
    public func diagnosticsSummary(schoolCode: String?, campaign: String?) async throws -> DiagnosticsTables.Summary {
        guard let c = try database.campaign(campaign) else {
            throw AppError(campaign.map { "Кампания «\($0)» не найдена (--campaign)." } ?? "Диагностика не загружена.")
        }
        if let schoolCode, try !database.schools().contains(where: { $0.code == schoolCode }) {
            throw AppError("Школа с кодом «\(schoolCode)» не найдена (--school).")
        }
        let thresholds = try database.thresholds(instrument: c.instrument)
        // Who counts is decided in one place for this summary and the indicators.
        let results = StaffPopulation.countedResults(
            try database.diagnosticRecords(schoolCode: schoolCode), campaign: campaign == nil ? nil : c.id)
        let teachers = results.map {
            ScoredTeacher(
                key: $0.staffRowID, schoolCode: $0.schoolCode, schoolName: $0.schoolName, scores: $0.scores,
                deficits: $0.deficits)
        }
        let summary = DiagnosticSummary(teachers, thresholds: thresholds, withMunicipality: schoolCode == nil)
        return DiagnosticsTables.summary(
            summary, campaign: c, thresholds: thresholds, latest: campaign == nil, school: schoolCode)
    }

    /// The change between campaigns `from` and `to` (by number or date) for the teachers who
    /// took both, with consent: by teacher, by school and for the municipality.
    public func diagnosticsDynamics(from: String, to: String, schoolCode: String?) async throws
        -> DiagnosticsTables.Dynamics
    {
        guard let a = try database.campaign(from) else { throw AppError("Кампания «\(from)» не найдена.") }
        guard let b = try database.campaign(to) else { throw AppError("Кампания «\(to)» не найдена.") }
        let thresholds = try database.thresholds(instrument: b.instrument)
        let first = Dictionary(
            uniqueKeysWithValues: try database.results(campaignID: a.id, schoolCode: schoolCode).filter(\.consent)
                .map { ($0.staffRowID, $0) })
        let both = try database.results(campaignID: b.id, schoolCode: schoolCode).filter {
            $0.consent && first[$0.staffRowID] != nil
        }
        let pairs = both.map { r in
            (
                before: ScoredTeacher(key: r.staffRowID, scores: first[r.staffRowID]!.scores, deficits: []),
                after: ScoredTeacher(
                    key: r.staffRowID, schoolCode: r.schoolCode, schoolName: r.schoolName, scores: r.scores,
                    deficits: [])
            )
        }
        let dynamics = DiagnosticDynamics(pairs, thresholds: thresholds, withMunicipality: schoolCode == nil)
        return DiagnosticsTables.dynamics(dynamics, both: both, first: first, from: a, to: b, thresholds: thresholds)
    }
}
