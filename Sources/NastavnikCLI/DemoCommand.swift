import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikSeeds
import NastavnikStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Создать демонстрационную базу: вымышленный муниципалитет и пять дорожных карт из приказов.",
        discussion: "Загружает всё из каталога Seeds/ (demo/ и roadmaps/) в новую базу и печатает краткий обзор."
    )

    @Option(name: .long, help: "Каталог Seeds (по умолчанию ./Seeds или данные, установленные вместе с программой).")
    var seeds: String?
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
                DemoOverviewText.describe(
                    overview, path: path, asOf: date, minimumHours: minimumHours,
                    seconds: Date().timeIntervalSince(started)))
            if !roadmapWarnings.isEmpty {
                Console.current.out(
                    "\nСроки в текстах приказов, которые стоит проверить (\(roadmapWarnings.count)):\n"
                        + roadmapWarnings.joined(separator: "\n") + "\n")
            }
        }
    }

    /// Finds Seeds/: the option, `$NASTAVNIK_SEEDS`, `./Seeds`, the seeds bundled beside the
    /// executable (an installed binary with its resource bundle), or a `Seeds` beside a parent of
    /// the executable (a checkout).
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
        if let bundled = DemoSeeds.directory { candidates.append(bundled) }
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
}
