import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// A database acting for someone (the web server for a logged-in user) records each change in
/// the audit log under that person's name, and a mark made on a stale version is refused.
@Suite struct ActingWriteTests {
    let database: NastavnikDatabase
    let today = LocalDate(year: 2026, month: 6, day: 1)!

    /// A file with one roadmap of three terms, opened as the server opens it («сервер»).
    init() throws {
        let path = try temporaryDirectory("nastavnik-acting").appendingPathComponent("db.sqlite").path
        database = try NastavnikDatabase(path: path, actor: AuditActor(name: "сервер"))
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO roadmap (id, roadmap_key, title) VALUES (1, 'rm', 'Карта')")
            try db.execute(
                sql: "INSERT INTO activity (id, roadmap_id, position, text, term) VALUES (1, 1, 1, 'Семинар', 'май')")
            for id in 1...3 {
                try db.execute(
                    sql:
                        "INSERT INTO activity_occurrence (id, activity_id, sequence, end_date) VALUES (?, 1, ?, '2026-05-31')",
                    arguments: [id, id])
            }
        }
    }

    /// The audit log's entries of the status history, oldest first.
    func historyEntries() throws -> [AuditEntry] {
        try database.auditEntries(AuditFilter(table: "occurrence_status_change"), limit: nil).sorted { $0.id < $1.id }
    }

    func mark(
        _ db: NastavnikDatabase, _ id: Int64, by name: String?, evidence: String? = "Приказ № 1",
        expectedVersion: Int64? = nil
    ) throws {
        try db.markOccurrence(
            id: id, status: .done, date: today, evidence: evidence, note: nil, by: name, today: today,
            expectedVersion: expectedVersion)
    }

    @Test func aChangeMadeForSomeoneIsTheirsAndTheConnectionKeepsItsOwnActor() throws {
        let web = database.acting(as: AuditActor(name: "Иванова И.И. (ivanova)", command: "веб: отметка срока 1"))
        try mark(web, 1, by: "Иванова И.И.")
        // A refused change leaves the actor as it was.
        #expect(throws: StoreError.self) { try mark(web, 2, by: "Иванова И.И.", evidence: nil) }
        try mark(database, 2, by: nil)
        let entries = try historyEntries()
        #expect(entries.map(\.actor) == ["Иванова И.И. (ivanova)", "сервер"])
        #expect(entries.map(\.command) == ["веб: отметка срока 1", nil])
        let statusChanges = try database.auditEntries(AuditFilter(table: "activity_occurrence"), limit: nil)
        #expect(Set(statusChanges.map(\.actor)) == ["Иванова И.И. (ivanova)", "сервер"])
    }

    /// An import made for someone (the web's upload) is theirs in the log; the connection keeps its
    /// own actor and its page cache afterwards.
    @Test func anImportMadeForSomeoneIsTheirs() throws {
        let web = database.acting(as: AuditActor(name: "Петрова П.П. (petrova)", command: "веб: загрузка schools.csv"))
        let cache = try database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        try web.importTransaction(dryRun: false) { session in
            (commit: true, value: try session.upsertSchool(School(code: "S1", name: "Школа № 1")))
        }
        try database.importTransaction(dryRun: false) { session in
            (commit: true, value: try session.upsertSchool(School(code: "S2", name: "Школа № 2")))
        }
        let entries = try database.auditEntries(AuditFilter(table: "school"), limit: nil).sorted { $0.id < $1.id }
        #expect(entries.map(\.actor) == ["Петрова П.П. (petrova)", "сервер"])
        #expect(entries.first?.command == "веб: загрузка schools.csv")
        #expect(
            try database.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
                == cache)
    }

    @Test func twoUsersWritingAtOnceEachKeepTheirName() async throws {
        let users = ["Петров", "Сидорова"]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for round in 0..<20 {
                let name = users[round % 2]
                let web = database.acting(as: AuditActor(name: name, command: "веб: отметка срока \(round % 3 + 1)"))
                group.addTask { try self.mark(web, Int64(round % 3 + 1), by: name) }
            }
            try await group.waitForAll()
        }
        let entries = try historyEntries()
        #expect(entries.count == 20)
        // Each history row names who recorded it; the log's entry for it must name the same person.
        for entry in entries {
            #expect(entry.newValues["recorded_by"] == .text(entry.actor), "\(entry)")
        }
    }

    @Test func aMarkOnAStaleVersionIsRefusedNamingWhoChangedItAndWhen() throws {
        let opened = try database.occurrenceVersion(id: 1)
        #expect(opened == 0)
        try mark(database, 1, by: "Петров П.П.", expectedVersion: opened)
        let now = try database.occurrenceVersion(id: 1)
        #expect(now != opened)
        #expect {
            try mark(database, 1, by: "Сидорова", expectedVersion: opened)
        } throws: { error in
            let stale = error as? StaleRecordError
            return stale?.by == "Петров П.П."
                && stale?.errorDescription?.hasPrefix("Запись изменена пользователем Петров П.П. в ") == true
                && stale?.errorDescription?.hasSuffix("; откройте её заново.") == true
        }
        #expect(try database.occurrenceHistory(id: 1).map(\.by) == ["Петров П.П."])
        // The version it now has is accepted.
        try mark(database, 1, by: "Сидорова", expectedVersion: now)
        #expect(try database.occurrenceHistory(id: 1).count == 2)
    }

    @Test func theMomentOfAStaleRecordIsReadOnThisComputersClock() {
        let text = StaleRecordError(by: "Петров", at: "2026-12-05T07:15:00Z").errorDescription ?? ""
        #expect(
            text.wholeMatch(of: /Запись изменена пользователем Петров в \d\d\.12\.2026 \d\d:\d\d; откройте её заново\./)
                != nil)
        #expect(
            StaleRecordError(by: nil, at: "").errorDescription
                == "Запись изменена пользователем без имени; откройте её заново.")
    }
}
