import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikStore

extension NastavnikApp {
    /// The demo's data files (in `Seeds/demo/`) in the order their references need, with their kinds.
    public static let demoFiles: [(file: String, kind: ImportKind)] = [
        ("schools.csv", .schools), ("staff.csv", .staff), ("courses.csv", .courses), ("trainings.csv", .trainings),
        ("diagnostics-2025.csv", .diagnostics), ("diagnostics.csv", .diagnostics), ("results.csv", .results),
        ("social.csv", .social), ("curators.csv", .curators), ("mentoring.csv", .mentoring),
        ("risks.csv", .risks),
    ]

    /// One roadmap of `Seeds/roadmaps/index.json`.
    struct DemoRoadmap: Decodable {
        var file: String
        var title: String
        var municipality: String?
        var period: String?
        var order: String?
    }

    /// Removes an earlier demo database at `path` (with its -wal and -shm); refuses to replace
    /// one holding working data — imported by a person, or entered otherwise — unless `force`.
    public static func prepareDemoDatabase(path: String, force: Bool) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return }
        if !force {
            if try NastavnikDatabase(path: path).dataProvenance().hasWorkingData {
                throw AppError(
                    "База «\(path)» уже содержит рабочие данные; демонстрационная база её не заменит. Укажите другой файл (--db) или --force."
                )
            }
        }
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            try fm.removeItem(atPath: path + suffix)
        }
    }

    /// Loads the demonstration municipality from `seeds` (`demo/` and `roadmaps/`) into this
    /// (fresh) database: the data files as of the day they are read, the roadmaps and the
    /// overview as of `date`. Stops at the first refused file.
    public func loadDemo(
        seeds: String, asOf date: LocalDate, today: LocalDate = .today(),
        progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
    ) async throws -> DemoOutcome {
        // The demo's files are checked against the day they are read (nothing in the future,
        // no one under 18); `date` dates the overview and the roadmaps.
        var options = ImportOptions(today: max(date, today), importedBy: "demo")
        let demoDir = (seeds as NSString).appendingPathComponent("demo")
        for (file, kind) in NastavnikApp.demoFiles {
            let path = (demoDir as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else {
                throw AppError("В каталоге Seeds нет файла demo/\(file).")
            }
            let outcome = try await importFile(kind: kind, path: path, options: options, progress: progress)
            if outcome.failed { return .failed(outcome) }
        }
        let roadmapDir = (seeds as NSString).appendingPathComponent("roadmaps")
        let index = try JSONDecoder().decode(
            [DemoRoadmap].self,
            from: Data(contentsOf: URL(fileURLWithPath: (roadmapDir as NSString).appendingPathComponent("index.json"))))
        options.today = date
        var warnings: [String] = []
        for entry in index {
            options.roadmap = RoadmapOptions(title: entry.title, orderRef: entry.order)
            if let period = entry.period, let range = PeriodText.parse(period) {
                options.roadmap.periodStart = range.start
                options.roadmap.periodEnd = range.end
            }
            let outcome = try await importFile(
                kind: .roadmap, path: (roadmapDir as NSString).appendingPathComponent(entry.file),
                options: options, progress: progress)
            if outcome.failed { return .failed(outcome) }
            // The seeds' own slips (a term over before their order was signed) are part of the overview, not a failure.
            warnings += outcome.summary.warnings.map { "  " + $0.formatted(file: entry.file) }
        }
        try await loadDemoIndicatorPlan(demoDir: demoDir)
        try await loadDemoRiskProfiles(asOf: date)
        // Issue 21: two anti-risk programmes of supported schools, with their development documents.
        if case .failed(let outcome)? = try await loadDemoProgrammes(seeds: seeds, options: options) {
            return .failed(outcome)
        }
        let rule = try database.trainingRule()
        return .loaded(
            try database.overview(asOf: date, rule: rule), minimumHours: rule.minimumHours, roadmapWarnings: warnings)
    }

    /// The «500+» profiles of the demo's supported schools for 2024 and 2025: `risks.csv` gives
    /// the two factors measured by the schools' questionnaires (1 and 4); the eight the demo's
    /// data speak to are proposed from those data and confirmed, as `risks propose --save` does,
    /// so the profile agrees with the figures (and with the programmes drafted for it).
    func loadDemoRiskProfiles(asOf date: LocalDate) async throws {
        let supported = Set(
            try database.schools().filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code))
        for year in [2024, 2025] {
            let outcomes = try await proposeRisks(year: year, today: date).filter { supported.contains($0.schoolCode) }
            _ = try await saveRiskProposals(outcomes, year: year, replace: false)
        }
    }
}
