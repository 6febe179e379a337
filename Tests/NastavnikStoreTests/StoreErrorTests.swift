import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The store's refusals come as thrown `StoreError`s (one error channel), with the Russian
/// sentences the commands print.
@Suite struct StoreErrorTests {
    let dir: URL
    let path: String

    /// A file with two namesakes without personnel numbers, one numbered worker and one roadmap
    /// occurrence, written outside the store as an older program would have left it.
    init() throws {
        dir = try temporaryDirectory("nastavnik-errors")
        path = dir.appendingPathComponent("db.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator().migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа');
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind) VALUES
                      (1, 'id:T1', 'T1', 'Иванова Анна', 1, 'учитель', 'pedagogical'),
                      (2, 'n:1', NULL, 'Петрова Мария', 1, 'учитель', 'pedagogical'),
                      (3, 'n:2', NULL, 'Петрова Мария', 1, 'учитель', 'pedagogical');
                    INSERT INTO roadmap (id, roadmap_key, title) VALUES (1, 'rm', 'Дорожная карта');
                    INSERT INTO activity (id, roadmap_id, position, text, term) VALUES (1, 1, 1, 'Семинар', 'май 2026');
                    INSERT INTO activity_occurrence (id, activity_id, sequence, start_date, end_date) VALUES (1, 1, 1, '2026-05-01', '2026-05-31');
                    """)
        }
        try queue.close()
        chmod(path, 0o600)
    }

    func open() throws -> NastavnikDatabase { try NastavnikDatabase(path: path) }

    @Test func aStaffCardOfNobodyOrOfANamesakeIsRefused() throws {
        let db = try open()
        #expect(try db.staffCard(id: "T1").member.fullName == "Иванова Анна")
        #expect(throws: StoreError.notFound(what: "работник", key: "T9")) { try db.staffCard(id: "T9") }
        #expect(throws: StoreError.invalid("Имя «Петрова Мария» носят 2 работников; укажите табельный номер.")) {
            try db.staffCard(id: "Петрова Мария")
        }
    }

    @Test func anUnknownRoadmapOrOccurrenceIsRefused() throws {
        let db = try open()
        let today = LocalDate(year: 2026, month: 6, day: 1)!
        #expect(try db.occurrences(OccurrenceFilter(roadmap: "rm"), asOf: today).map(\.id) == [1])
        #expect(throws: StoreError.notFound(what: "дорожная карта", key: "нет")) {
            try db.occurrences(OccurrenceFilter(roadmap: "нет"), asOf: today)
        }
        #expect(throws: StoreError.notFound(what: "срок мероприятия №", key: "9")) {
            try db.markOccurrence(
                id: 9, status: .done, date: today, evidence: "Приказ", note: nil, by: nil, today: today)
        }
        #expect(
            throws: StoreError.invalid("Для отметки «выполнено» укажите документ-основание: --evidence «Приказ № …».")
        ) {
            try db.markOccurrence(id: 1, status: .done, date: today, evidence: nil, note: nil, by: nil, today: today)
        }
        // A refused mark records nothing; an accepted one returns the status it replaced.
        #expect(try db.occurrenceHistory(id: 1).isEmpty)
        #expect(
            try db.markOccurrence(
                id: 1, status: .done, date: today, evidence: "Приказ № 1", note: nil, by: nil, today: today) == .planned
        )
        #expect(try db.occurrenceHistory(id: 1).map(\.status) == [.done])
    }

    @Test func forgettingNobodyOrANamesakeChangesNothing() throws {
        let db = try open()
        let date = LocalDate(year: 2026, month: 6, day: 1)!
        #expect(throws: StoreError.notFound(what: "работник с табельным номером или ФИО", key: "T9")) {
            try db.forget(staff: "T9", on: date)
        }
        #expect(throws: StoreError.invalid("Имя «Петрова Мария» носят 2 работников; укажите табельный номер.")) {
            try db.forget(staff: "Петрова Мария", on: date)
        }
        #expect(!FileManager.default.fileExists(atPath: NastavnikDatabase.erasureRegisterPath(for: path)))
        try db.forget(staff: "T1", on: date)
        #expect(try db.staffCard(id: "T1").member.fullName == "Сведения удалены (T1)")
        #expect(FileManager.default.fileExists(atPath: NastavnikDatabase.erasureRegisterPath(for: path)))
    }

    @Test func aCopyThatCannotBeRestoredSaysWhy() throws {
        let missing = dir.appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.invalid("Файл «\(missing)» не найден.")) {
            try NastavnikDatabase.checkRestorable(missing)
        }
        let foreign = dir.appendingPathComponent("foreign.sqlite").path
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: StoreError.invalid("«\(foreign)» — не база Наставника: нет журнала миграций.")) {
            try NastavnikDatabase.checkRestorable(foreign)
        }
        #expect(try NastavnikDatabase.checkRestorable(path).sorted() == NastavnikDatabase.knownMigrations.sorted())
    }

    /// SQLite's errors read in Russian by their code; a constraint by its extended code.
    @Test func sqliteErrorsReadInRussian() {
        func what(_ code: ResultCode) -> String { DatabaseError(resultCode: code).russianDescription }
        #expect(
            DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked").russianDescription
                == "Ошибка базы данных: база данных занята другой программой или другим пользователем; повторите команду позже "
                + "(код SQLite 5; сообщение SQLite: «database is locked»).")
        #expect(what(.SQLITE_LOCKED).contains("занята другой программой"))
        #expect(what(.SQLITE_AUTH).contains("нет прав на эту операцию"))
        #expect(what(.SQLITE_CONSTRAINT_PRIMARYKEY).contains("такая запись уже есть"))
        #expect(what(.SQLITE_CONSTRAINT_FOREIGNKEY).contains("ссылается на отсутствующую"))
        #expect(what(.SQLITE_CONSTRAINT_CHECK).contains("не проходит проверку"))
        #expect(what(.SQLITE_CONSTRAINT_TRIGGER).contains("нарушает правила целостности"))
        #expect(what(.SQLITE_MISMATCH).contains("nastavnik doctor"))
        #expect(what(.SQLITE_RANGE).hasPrefix("Ошибка базы данных: база данных вернула ошибку (код SQLite 25"))
    }

    /// What the command line prints for a refusal is the error's own Russian sentence.
    @Test func theRefusalReadsInRussian() {
        let error = StoreError.notFound(what: "работник", key: "T9")
        #expect(russianStoreErrorDescription(error) == "Не найдено в базе данных: работник «T9».")
    }
}
