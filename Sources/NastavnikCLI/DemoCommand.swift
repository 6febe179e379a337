import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Создать демонстрационную базу: вымышленный муниципалитет и пять дорожных карт из приказов.",
        discussion: "Загружает всё из каталога Seeds/ (demo/ и roadmaps/) в новую базу и печатает краткий обзор."
    )

    @Option(name: .long, help: "Каталог Seeds (по умолчанию ./Seeds или рядом с программой).")
    var seeds: String?

    @Flag(name: .long, help: "Заменить существующую базу, даже если она не демонстрационная.")
    var force = false

    @Option(name: .long, help: "Дата обзора (ДД.ММ.ГГГГ); по умолчанию сегодня.")
    var asOf: LocalDate?

    @OptionGroup var database: DatabaseOptions

    /// The demo files in the order their references need, with their kinds.
    static let demoFiles: [(String, ImportKind)] = [
        ("schools.csv", .schools), ("staff.csv", .staff), ("courses.csv", .courses), ("trainings.csv", .trainings),
        ("diagnostics-2025.csv", .diagnostics), ("diagnostics.csv", .diagnostics), ("results.csv", .results),
        ("social.csv", .social), ("curators.csv", .curators), ("mentoring.csv", .mentoring),
    ]

    struct RoadmapIndexEntry: Decodable {
        var file: String
        var title: String
        var municipality: String?
        var period: String?
        var order: String?
    }

    func run() throws {
        let started = Date()
        let seedsDir = try DemoCommand.locateSeeds(seeds)
        let path = database.path
        try DemoCommand.prepareFresh(path: path, force: force)
        let db = try database.open(.write)
        let importer = Importer(database: db)
        let date = asOf ?? .today()
        // The demo's files are as of the day they are read (their dates are checked against it:
        // nothing in the future, no one under 18); `--as-of` dates the overview and the roadmaps.
        var options = ImportOptions(today: max(date, .today()), importedBy: "demo")

        let demoDir = (seedsDir as NSString).appendingPathComponent("demo")
        for (file, kind) in DemoCommand.demoFiles {
            let filePath = (demoDir as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: filePath) else {
                throw UserError("В каталоге Seeds нет файла demo/\(file).")
            }
            try ImportCommand.perform(importer: importer, file: filePath, kind: kind, options: options, format: .table, quiet: true)
        }

        let roadmapDir = (seedsDir as NSString).appendingPathComponent("roadmaps")
        var roadmapWarnings: [String] = []
        let indexPath = (roadmapDir as NSString).appendingPathComponent("index.json")
        let index = try JSONDecoder().decode([RoadmapIndexEntry].self, from: Data(contentsOf: URL(fileURLWithPath: indexPath)))
        options.today = date
        for entry in index {
            options.roadmap = RoadmapOptions(title: entry.title, orderRef: entry.order)
            if let period = entry.period, let range = PeriodText.parse(period) {
                options.roadmap.periodStart = range.start
                options.roadmap.periodEnd = range.end
            }
            let filePath = (roadmapDir as NSString).appendingPathComponent(entry.file)
            // The seeds' own slips (a term over before their order was signed) are warnings: shown
            // after the overview as part of it, not as a failure.
            let summary = try ImportCommand.perform(importer: importer, file: filePath, kind: .roadmap, options: options,
                                                    format: .table, quiet: true, showWarnings: false)
            roadmapWarnings += summary.warnings.map { "  " + $0.formatted(file: entry.file) }
        }

        let rule = try db.trainingRule()
        let overview = try db.overview(asOf: date, rule: rule)
        Console.current.out(DemoCommand.describe(overview, path: path, asOf: date, minimumHours: rule.minimumHours,
                                                 seconds: Date().timeIntervalSince(started)))
        if !roadmapWarnings.isEmpty {
            Console.current.out("\nСроки в текстах приказов, которые стоит проверить (\(roadmapWarnings.count)):\n"
                                + roadmapWarnings.joined(separator: "\n") + "\n")
        }
    }

    /// Finds Seeds/: the option, `./Seeds`, or a `Seeds` beside a parent of the executable.
    static func locateSeeds(_ option: String?) throws -> String {
        let fm = FileManager.default
        func isSeeds(_ dir: String) -> Bool {
            fm.fileExists(atPath: (dir as NSString).appendingPathComponent("demo/schools.csv"))
        }
        if let option {
            guard isSeeds(option) else { throw UserError("В каталоге «\(option)» нет демонстрационных данных (demo/schools.csv).") }
            return option
        }
        var candidates = [fm.currentDirectoryPath + "/Seeds"]
        if let env = ProcessInfo.processInfo.environment["NASTAVNIK_SEEDS"] { candidates.insert(env, at: 0) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Seeds").path)
            dir.deleteLastPathComponent()
        }
        guard let found = candidates.first(where: isSeeds) else {
            throw UserError("Не найден каталог Seeds с демонстрационными данными; укажите его: --seeds КАТАЛОГ.")
        }
        return found
    }

    /// Removes an earlier demo database; refuses to touch one with other data unless forced.
    static func prepareFresh(path: String, force: Bool) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return }
        if !force {
            // Data that did not come from the demo (imported by a person, or entered otherwise) is kept.
            if try NastavnikDatabase(path: path).dataProvenance().hasWorkingData {
                throw UserError("База «\(path)» уже содержит рабочие данные; демонстрационная база её не заменит. Укажите другой файл (--db) или --force.")
            }
        }
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            try fm.removeItem(atPath: path + suffix)
        }
    }

    /// `minimumHours`: the rule in force (setting `training.minimum_hours`), said in the text.
    static func describe(_ o: DatabaseOverview, path: String, asOf date: LocalDate, minimumHours: Double, seconds: Double) -> String {
        var out = "Демонстрационная база создана: \(path) (\(Cell.russianNumber(seconds, decimals: 1)) с).\n\nЗагружено:\n"
        let width = o.counts.map { TextTableRenderer.width($0.table) }.max() ?? 0
        for (title, count) in o.counts {
            out += "  " + title + String(repeating: " ", count: width - TextTableRenderer.width(title)) + "  \(count)\n"
        }
        out += "\nШколы по статусам:\n"
        for (status, count) in o.statusCounts {
            out += "  \(status.russianShort) — \(status.russianTitle): \(count)\n"
        }
        out += "  без статуса: \(o.schoolsWithoutStatus)\n"
        let share = o.trainingBase == 0 ? 0 : Double(o.untrained) * 100 / Double(o.trainingBase)
        out += "\nБез повышения квалификации за последние 3 года (на \(date.russian), курсы от \(Cell.russianNumber(minimumHours, decimals: 0)) ч): "
        out += "\(o.untrained) из \(o.trainingBase) педагогических и руководящих работников (\(Cell.russianNumber(share, decimals: 1)) %).\n"
        let worst = o.untrainedBySchool.filter { $0.untrained > 0 }
            .sorted { Double($0.untrained) / Double($0.base) > Double($1.untrained) / Double($1.base) }.prefix(5)
        if !worst.isEmpty {
            out += "Больше всего таких в школах:\n"
            for s in worst {
                out += "  \(s.code) \(s.name): \(s.untrained) из \(s.base)\n"
            }
        }
        out += "\nДальше: nastavnik schools list · nastavnik schools show SV001 · nastavnik staff list --school SV001 · nastavnik staff show SV-0001\n"
        return out
    }
}
