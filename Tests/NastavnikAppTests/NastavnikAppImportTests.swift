import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikStore
import Synchronization
import Testing

/// `importFile`: one file as one transaction, its outcome reported to the progress callback.
@Suite struct NastavnikAppImportTests {
    @Test func importReportsItsStartAndOutcome() async throws {
        let sandbox = try AppSandbox()
        let file = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Школа 1\nS2;Школа 2\n")
        let heard = Mutex<[ImportProgress]>([])
        let outcome = try await sandbox.app.importFile(kind: .schools, path: file, options: ImportOptions()) { event in
            heard.withLock { $0.append(event) }
        }
        #expect(!outcome.failed)
        #expect(outcome.summary.added == 2)
        // The header is line 1, the two rows lines 2 and 3: one report of the rows, after the last.
        #expect(
            heard.withLock { $0 } == [
                .started(path: file, kind: .schools), .rows(path: file, kind: .schools, line: 3),
                .finished(path: file, kind: .schools, outcome: outcome),
            ])
        #expect(try await sandbox.app.schools(status: nil).map(\.code) == ["S1", "S2"])
    }

    @Test func aRefusedFileIsAnOutcomeAndWritesNothing() async throws {
        let sandbox = try AppSandbox()
        // A staff file naming a school that is not on record.
        let file = sandbox.write("staff.csv", "Табельный номер;ФИО;Код ОО;Должность\nT1;Учитель Первый;NOPE;учитель\n")
        let outcome = try await sandbox.app.importFile(kind: .staff, path: file, options: ImportOptions())
        #expect(outcome.failed)
        #expect(!outcome.summary.errors.isEmpty)
        #expect(
            try await sandbox.app.staffList(schoolCode: nil, asOf: LocalDate(year: 2026, month: 6, day: 1)!).isEmpty)
    }

    @Test func aDryRunChecksWithoutWriting() async throws {
        let sandbox = try AppSandbox()
        let file = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Школа 1\n")
        let outcome = try await sandbox.app.importFile(kind: nil, path: file, options: ImportOptions(dryRun: true))
        #expect(outcome.summary.added == 1 && outcome.summary.dryRun)
        #expect(try await sandbox.app.schools(status: nil).isEmpty)
    }

    /// A large file reports how far it has got every `progressEvery` rows, and once at the end.
    @Test func rowsAreReportedAsTheyAreRead() async throws {
        let sandbox = try AppSandbox()
        let rows = (1...5).map { "S\($0);Школа \($0)" }.joined(separator: "\n")
        let file = sandbox.write("schools.csv", "Код ОО;Наименование ОО\n\(rows)\n")
        let lines = Mutex<[Int]>([])
        var options = ImportOptions()
        options.progressEvery = 2
        let outcome = try await sandbox.app.importFile(kind: .schools, path: file, options: options) { event in
            if case .rows(_, _, let line) = event { lines.withLock { $0.append(line) } }
        }
        #expect(outcome.summary.added == 5)
        // Rows on lines 2–6: after the second row (line 3), the fourth (line 5), and the last (line 6).
        #expect(lines.withLock { $0 } == [3, 5, 6])
    }
}
