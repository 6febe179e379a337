import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Создать демонстрационную базу: вымышленный муниципалитет и пять дорожных карт из приказов.",
        discussion: "Загружает всё из каталога Seeds/ (demo/ и roadmaps/) в новую базу и печатает краткий обзор."
    )

    @Option(name: .long, help: "Каталог Seeds (по умолчанию ./Seeds или рядом с программой).") var seeds: String?
    @Flag(name: .long, help: "Заменить существующую базу, даже если она не демонстрационная.") var force = false
    @Option(name: .long, help: "Дата обзора (ДД.ММ.ГГГГ); по умолчанию сегодня.") var asOf: LocalDate?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let started = Date()
        let seedsDir = try DemoCommand.locateSeeds(seeds)
        let path = database.path
        try NastavnikApp.prepareDemoDatabase(path: path, force: force)
        let date = asOf ?? .today()
        // Each file's warnings and errors as it is loaded; the roadmaps' warnings come after the overview.
        let outcome = try await database.app(.write).loadDemo(seeds: seedsDir, asOf: date) { progress in
            guard case .finished(_, let kind, let outcome) = progress else { return }
            try? ImportCommand.show(outcome, format: .table, quiet: true, showWarnings: kind != .roadmap)
        }
        switch outcome {
        case .failed: throw ExitCode(1)
        case .loaded(let overview, let minimumHours, let roadmapWarnings):
            Console.current.out(
                DemoCommand.describe(
                    overview, path: path, asOf: date, minimumHours: minimumHours,
                    seconds: Date().timeIntervalSince(started)))
            if !roadmapWarnings.isEmpty {
                Console.current.out(
                    "\nСроки в текстах приказов, которые стоит проверить (\(roadmapWarnings.count)):\n"
                        + roadmapWarnings.joined(separator: "\n") + "\n")
            }
        }
    }

    /// Finds Seeds/: the option, `./Seeds`, or a `Seeds` beside a parent of the executable.
    static func locateSeeds(_ option: String?) throws -> String {
        let fm = FileManager.default
        func isSeeds(_ dir: String) -> Bool {
            fm.fileExists(atPath: (dir as NSString).appendingPathComponent("demo/schools.csv"))
        }
        if let option {
            guard isSeeds(option) else {
                throw UserError("В каталоге «\(option)» нет демонстрационных данных (demo/schools.csv).")
            }
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

    /// `minimumHours`: the rule in force (setting `training.minimum_hours`), said in the text.
    static func describe(
        _ o: DatabaseOverview, path: String, asOf date: LocalDate, minimumHours: Double, seconds: Double
    ) -> String {
        var out =
            "Демонстрационная база создана: \(path) (\(Cell.russianNumber(seconds, decimals: 1)) с).\n\nЗагружено:\n"
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
        out +=
            "\nБез повышения квалификации за последние 3 года (на \(date.russian), курсы от \(Cell.russianNumber(minimumHours, decimals: 0)) ч): "
        out +=
            "\(o.untrained) из \(o.trainingBase) педагогических и руководящих работников (\(Cell.russianNumber(share, decimals: 1)) %).\n"
        let worst = o.untrainedBySchool.filter { $0.untrained > 0 }
            .sorted { Double($0.untrained) / Double($0.base) > Double($1.untrained) / Double($1.base) }.prefix(5)
        if !worst.isEmpty {
            out += "Больше всего таких в школах:\n"
            for s in worst {
                out += "  \(s.code) \(s.name): \(s.untrained) из \(s.base)\n"
            }
        }
        out +=
            "\nДальше: nastavnik schools list · nastavnik schools show SV001 · nastavnik staff list --school SV001 · nastavnik staff show SV-0001\n"
        return out
    }
}
