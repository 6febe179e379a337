import NastavnikCore
import NastavnikStore

/// The oracle of the dashboard's counts: what it counted before its count functions, from a
/// line per person — `trainingStatus(outOfComplianceBy:)` grouped by school, every diagnostic
/// record through `StaffPopulation.countedResults` and `DiagnosticFigures`, every participant
/// and participation through `Coverage.compute`.
struct LineByLineCounts {
    /// Overdue people per school code.
    var overdue: [String: Int]
    /// The counted results (each person's latest with consent by the date).
    var results: [DiagnosticRecord]
    var thresholds: [Competence: Double]
    /// `DiagnosticFigures`'s deficit counts of the counted results.
    var deficits: [String: Int]
    /// Per target, the reached people per school code (schools with nobody reached left out).
    var reached: [CoverageTarget: [String: Int]]

    init(_ database: NastavnikDatabase, asOf date: LocalDate) throws {
        overdue = Dictionary(
            grouping: try database.trainingStatus(asOf: date, outOfComplianceBy: date), by: \.schoolCode
        ).mapValues(\.count)
        let campaigns = try database.campaigns().filter { $0.date <= date }
        thresholds = try database.thresholds(instrument: campaigns.last?.instrument ?? "*")
        results = StaffPopulation.countedResults(try database.diagnosticRecords(), upTo: date)
        deficits =
            DiagnosticFigures(
                results.map {
                    ScoredTeacher(
                        key: $0.staffRowID, schoolCode: $0.schoolCode, schoolName: $0.schoolName, scores: $0.scores,
                        deficits: $0.deficits)
                }, thresholds: thresholds
            ).deficits
        let schools = try database.indicatorSchools()
        let staff = try database.participantStaff()
        let participations = try database.participations()
        let year = StaffIndicators.schoolYear(containing: date)
        var reached: [CoverageTarget: [String: Int]] = [:]
        for target in CoverageTarget.allCases {
            let lines = Coverage.compute(
                schools: schools, staff: staff, participations: participations, period: year.lowerBound...date,
                counts: target.counts)
            reached[target] = Dictionary(
                uniqueKeysWithValues: lines.filter { $0.reached > 0 }.map { ($0.code, $0.reached) })
        }
        self.reached = reached
    }

    /// The per-school diagnostic counts of the counted results, in the order of the codes.
    var diagnosticCounts: [SchoolDiagnosticCounts] {
        Dictionary(grouping: results, by: \.schoolCode).sorted { $0.key < $1.key }.map { code, results in
            var scored: [Competence: Int] = [:]
            var above: [Competence: Int] = [:]
            for c in Competence.allCases {
                let scores = results.compactMap { $0.scores[c] }
                scored[c] = scores.count
                if let t = thresholds[c] { above[c] = scores.filter { $0 > t }.count }
            }
            return SchoolDiagnosticCounts(schoolCode: code, diagnosed: results.count, scored: scored, above: above)
        }
    }

    /// The counted results above the competence's threshold, of the schools `codes` when given.
    func above(_ c: Competence, in codes: Set<String>? = nil) -> Int {
        guard let t = thresholds[c] else { return 0 }
        return results.filter { r in (codes?.contains(r.schoolCode) ?? true) && (r.scores[c].map { $0 > t } ?? false) }
            .count
    }
}
