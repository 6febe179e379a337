import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `nastavnik audit`: who changed what, when, with the old and new values.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Журнал изменений: кто, когда, какая запись, прежние и новые значения.")

    @Option(name: .long, help: "С какой даты (ДД.ММ.ГГГГ, по местному времени).") var since: LocalDate?
    @Option(name: .long, help: "Только записи о работнике с этим табельным номером.") var staff: String?
    @Option(name: .long, help: "Только последние N записей.") var limit: Int?
    @OptionGroup var output: OutputOptions<PrintFormat.Lists>
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit должен быть больше нуля.") }
    }

    func run() async throws {
        let entries = try await database.app().auditEntries(
            since: since.map(AuditTables.localMidnight), staffID: staff, limit: limit)
        try output.emit([AuditTables.table(entries)], json: AuditTables.json(entries))
    }
}
