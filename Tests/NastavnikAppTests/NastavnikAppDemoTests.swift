import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore
import Synchronization
import Testing

/// The demonstration municipality loaded through the use cases, and the reports built on it.
@Suite struct NastavnikAppDemoTests {
    let asOf = LocalDate(year: 2026, month: 11, day: 22)!

    @Test func demoLoadsEveryFileAndTheReportsBuildOnIt() async throws {
        let sandbox = try AppSandbox()
        let heard = Mutex<[ImportKind?]>([])
        let outcome = try await sandbox.app.loadDemo(seeds: AppSandbox.seeds, asOf: asOf) { progress in
            if case .finished(_, let kind, let outcome) = progress, !outcome.failed {
                heard.withLock { $0.append(kind) }
            }
        }
        let finished = heard.withLock { $0 }
        guard case .loaded(let overview, _, _) = outcome else {
            Issue.record("the demo did not load")
            return
        }
        #expect(Array(finished.prefix(NastavnikApp.demoFiles.count)) == NastavnikApp.demoFiles.map(\.kind))
        #expect(finished.dropFirst(NastavnikApp.demoFiles.count).allSatisfy { $0 == .roadmap })
        #expect(overview.trainingBase > 0)

        let municipal = try await sandbox.app.municipalReport(asOf: asOf)
        #expect(municipal.title == "Методическая поддержка школ муниципалитета")
        let school = try await sandbox.app.schoolReport(code: "SV010", asOf: asOf)
        #expect(school.title.hasSuffix("(SV010)"))
        await #expect(throws: AppError("Школа с кодом «NOPE» не найдена.")) {
            try await sandbox.app.schoolReport(code: "NOPE", asOf: asOf)
        }

        let year = LocalDate(year: 2026, month: 1, day: 1)!...LocalDate(year: 2026, month: 12, day: 31)!
        let roadmap = try await sandbox.app.roadmapReport(period: year, periodText: "2026", roadmap: nil)
        #expect(!roadmap.sections.isEmpty)
        let calendar = try await sandbox.app.roadmapCalendar(roadmap: nil, asOf: asOf)
        #expect(calendar.name == "Дорожные карты" && !calendar.entries.isEmpty)
    }

    @Test func aDatabaseWithWorkingDataIsNotReplaced() async throws {
        let sandbox = try AppSandbox()
        var options = ImportOptions()
        options.importedBy = "Иванова"
        _ = try await sandbox.app.importFile(
            kind: .schools, path: sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), options: options)
        #expect(throws: AppError.self) {
            try NastavnikApp.prepareDemoDatabase(path: sandbox.databasePath, force: false)
        }
        try NastavnikApp.prepareDemoDatabase(path: sandbox.databasePath, force: true)
        #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath))
    }
}
