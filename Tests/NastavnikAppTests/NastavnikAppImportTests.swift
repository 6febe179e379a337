import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikStore
import Testing

/// `importFile`: one file as one transaction, its outcome reported to the progress callback.
@Suite struct NastavnikAppImportTests {
    @Test func importReportsItsStartAndOutcome() async throws {
        let sandbox = try AppSandbox()
        let file = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Школа 1\nS2;Школа 2\n")
        var heard: [ImportProgress] = []
        let outcome = try await sandbox.app.importFile(kind: .schools, path: file, options: ImportOptions()) {
            heard.append($0)
        }
        #expect(!outcome.failed)
        #expect(outcome.summary.added == 2)
        #expect(
            heard == [.started(path: file, kind: .schools), .finished(path: file, kind: .schools, outcome: outcome)])
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
}
