import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// Every change made through the store is in the audit log: who, when, table and key, old and
/// new values; nothing else is.
@Suite struct AuditTests {
    let dir: URL

    init() throws {
        dir = try temporaryDirectory("nastavnik-audit")
    }

    func open(_ actor: String = "Петрова", pseudonymize: Bool = false) throws -> NastavnikDatabase {
        try NastavnikDatabase(
            path: dir.appendingPathComponent("db.sqlite").path, pseudonymize: pseudonymize,
            actor: AuditActor(name: actor, command: "nastavnik test"))
    }

    func load(_ db: NastavnikDatabase, _ members: [StaffMember], bulk: Bool = false) throws {
        try db.importTransaction(dryRun: false) { (session: ImportSession) throws -> (commit: Bool, value: Void) in
            if session.schoolID(code: "S1") == nil {
                _ = try session.upsertSchool(
                    School(code: "S1", name: "Школа № 1", head: "Директорова Дарья Дмитриевна"))
            }
            if bulk { try session.beginBulk(table: "staff", estimatedRows: 100_000) }
            for (i, member) in members.enumerated() {
                _ = try session.writeStaff(member, schoolID: session.schoolID(code: "S1")!, line: i + 2)
            }
            if bulk { try session.endBulk() }
            return (true, ())
        }
    }

    @Test func insertsUpdatesAndDeletesAreRecordedWithTheirValues() throws {
        let db = try open()
        let member = StaffMember(
            staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель", email: "a@school.ru")
        try load(db, [member])
        var moved = member
        moved.position = "заместитель директора по УВР"
        try load(try open("Сидоров"), [moved])
        // The same values again change nothing, so they are not logged.
        try load(db, [moved])
        try db.writer.write { db in try db.execute(sql: "DELETE FROM staff WHERE staff_id = 'T1'") }

        let entries = try db.auditEntries().filter { $0.table == "staff" }
        #expect(entries.map(\.action) == [.insert, .update, .delete])
        #expect(entries.map(\.actor) == ["Петрова", "Сидоров", "Петрова"])
        #expect(entries.allSatisfy { $0.key == "T1" && $0.staffID == "T1" && $0.command == "nastavnik test" })
        #expect(entries[0].newValues["full_name"] == .text("Иванова Анна"))
        #expect(entries[0].newValues["email"] == .text("a@school.ru"))
        #expect(entries[0].oldValues.isEmpty)
        // An update names only what changed.
        #expect(entries[1].oldValues == ["position": .text("учитель"), "position_kind": .text("pedagogical")])
        #expect(
            entries[1].newValues == [
                "position": .text("заместитель директора по УВР"), "position_kind": .text("leading"),
            ])
        #expect(entries[2].oldValues["position"] == .text("заместитель директора по УВР"))
        #expect(entries[2].newValues.isEmpty)
        #expect(entries[0].timestamp.hasSuffix("Z") && entries[0].timestamp <= entries[2].timestamp)
        // The school and the import log's own rows are there too.
        #expect(try db.auditEntries().contains { $0.table == "school" && $0.key == "S1" && $0.action == .insert })
    }

    @Test func aRolledBackChangeLeavesNoEntry() throws {
        let db = try open()
        try db.writeSchoolsAndRollBack()
        #expect(try db.auditEntries().isEmpty)
    }

    @Test func derivedColumnsAndTheSecretAreNotLogged() throws {
        let db = try open()
        try load(db, [StaffMember(staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель")])
        let before = try db.auditEntries().count
        // The kept last-training column changes by trigger: a consequence, not a change.
        try db.writer.write { db in try db.execute(sql: "UPDATE staff SET last_training_end = '2025-01-01'") }
        #expect(try db.auditEntries().count == before)
        // The pseudonym secret is written on first use by a connection without triggers: it is not
        // in the log (which anyone reading the file could read); the setting people change is.
        _ = try open(pseudonymize: true)
        try db.setSetting(Settings.trainingMinimumHours, "24")
        let settings = try db.auditEntries().filter { $0.table == "setting" }
        #expect(settings.map(\.key) == ["training.minimum_hours"])
        #expect(
            try db.reader.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE new_values LIKE '%pseudonym%'")
            } == 0)
    }

    @Test func aBulkLoadIsOneEntryAndItsPeopleFindIt() throws {
        let db = try open()
        try load(db, [StaffMember(staffID: "T0", fullName: "Первая", schoolCode: "S1", position: "учитель")])
        let members = (1...5).map {
            StaffMember(staffID: "T\($0)", fullName: "Учитель \($0)", schoolCode: "S1", position: "учитель")
        }
        try load(db, members, bulk: true)
        let staffEntries = try db.auditEntries().filter { $0.table == "staff" }
        #expect(staffEntries.map(\.action) == [.insert, .bulkInsert])
        let bulk = staffEntries[1]
        #expect(bulk.newValues == ["rows": .integer(5), "first_row_id": .integer(2), "last_row_id": .integer(6)])
        #expect(bulk.key == "№ 2–6")
        #expect(try db.auditEntries(staffID: "T3").map(\.action) == [.bulkInsert])
        #expect(try db.auditEntries(staffID: "T0").map(\.action) == [.insert])
        // The insert trigger is back: the next single person is logged one by one.
        try load(db, [StaffMember(staffID: "T9", fullName: "Девятый", schoolCode: "S1", position: "учитель")])
        #expect(try db.auditEntries(staffID: "T9").map(\.action) == [.insert])
        // The indexes and triggers are exactly as before the load.
        #expect(try db.staffIndexNames() == ["staff_by_school", "staff_person_key", "staff_snils"])
        let writerTriggers = try db.writer.write { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_temp_master WHERE name = 'audit_staff_insert'")
        }
        #expect(writerTriggers == 1)
        // Made again in the connection's temp schema, never in the file.
        let persistent = try db.reader.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%'")
        }
        #expect(persistent == 0)
    }

    @Test func sinceAndLimit() throws {
        let db = try open()
        try load(db, [StaffMember(staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель")])
        let all = try db.auditEntries()
        #expect(all.count == 2)
        #expect(try db.auditEntries(since: Date().addingTimeInterval(3600)).isEmpty)
        #expect(try db.auditEntries(since: Date().addingTimeInterval(-3600)).count == all.count)
        #expect(try db.auditEntries(limit: 1).map(\.id) == all.suffix(1).map(\.id))
    }

    @Test func aFilterKeepsByWhoTableTimeAndWordsAndPagesNewestFirst() throws {
        let db = try open()
        try load(db, [StaffMember(staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель")])
        try load(
            try open("Сидоров"),
            [StaffMember(staffID: "T2", fullName: "Петров_100% Пётр", schoolCode: "S1", position: "учитель")])
        let all = try db.auditEntries()
        #expect(all.count == 3)
        #expect(try db.auditCount(AuditFilter()) == 3)
        #expect(try db.auditEntries(AuditFilter(), limit: nil).map(\.id) == all.reversed().map(\.id))
        #expect(try db.auditEntries(AuditFilter(), offset: 1, limit: 1).map(\.id) == [all[1].id])
        #expect(try db.auditEntries(AuditFilter(actor: "Сидор"), limit: nil).map(\.key) == ["T2"])
        #expect(try db.auditCount(AuditFilter(table: "school")) == 1)
        #expect(try db.auditCount(AuditFilter(table: "staff", text: "Иванова")) == 1)
        // `%` and `_` are matched as themselves, not as patterns.
        #expect(try db.auditEntries(AuditFilter(text: "_100%"), limit: nil).map(\.key) == ["T2"])
        #expect(try db.auditCount(AuditFilter(text: "1%0")) == 0)
        #expect(try db.auditCount(AuditFilter(staffID: "T1")) == 1)
        #expect(try db.auditCount(AuditFilter(from: Date().addingTimeInterval(3600))) == 0)
        #expect(try db.auditCount(AuditFilter(until: Date().addingTimeInterval(-3600))) == 0)
        #expect(
            try db.auditCount(
                AuditFilter(from: Date().addingTimeInterval(-3600), until: Date().addingTimeInterval(3600))) == 3)
    }

    @Test func forgettingAPersonErasesTheirDataFromTheLog() throws {
        let db = try open()
        try load(
            db,
            [
                StaffMember(
                    staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель",
                    birthDate: LocalDate(year: 1980, month: 1, day: 1), email: "a@school.ru", phone: "+7 900 000-00-00")
            ])
        try db.forget(staff: "T1", on: LocalDate(year: 2026, month: 11, day: 22)!)
        let entries = try db.auditEntries(staffID: "T1")
        #expect(entries.map(\.action) == [.insert, .update])
        let text = try db.reader.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(old_values, '') || coalesce(new_values, '') FROM audit_log")
        }.joined()
        for personal in ["Иванова", "1980-01-01", "a@school.ru", "+7 900"] { #expect(!text.contains(personal)) }
        // What the erasure did is still there: when, by whom, and that the person was forgotten.
        #expect(entries[1].newValues["forgotten_at"] == .text("2026-11-22"))
        #expect(entries[1].actor == "Петрова")
    }

    @Test func pseudonymisedReadsHideNamesInTheLog() throws {
        let db = try open()
        try load(
            db,
            [
                StaffMember(
                    staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель", email: "a@school.ru"
                )
            ])
        let hidden = try open(pseudonymize: true).auditEntries(staffID: "T1")
        #expect(hidden.count == 1)
        guard case .text(let name)? = hidden[0].newValues["full_name"] else {
            Issue.record("no name")
            return
        }
        #expect(name.hasPrefix("Работник "))
        #expect(hidden[0].newValues["email"] == nil)
        #expect(hidden[0].newValues["person_key"] == nil)
        #expect(hidden[0].command == nil)
        #expect(hidden[0].newValues["position"] == .text("учитель"))
        // Without a personnel number, the person's key is their folded name: pseudonymised too.
        try load(db, [StaffMember(fullName: "Сидорова Мария", schoolCode: "S1", position: "учитель")])
        let keys = try open(pseudonymize: true).reader.read { db in
            try String.fetchAll(db, sql: "SELECT person_key FROM staff")
        }
        #expect(keys.count == 2 && !keys.joined().contains("сидорова"))
        // A school's director is personal data too; the school's name is not.
        let school = try #require(try open(pseudonymize: true).auditEntries().first { $0.table == "school" })
        #expect(school.newValues["name"] == .text("Школа № 1"))
        #expect(school.newValues["head"] == nil)
        #expect(
            try db.auditEntries().first { $0.table == "school" }?.newValues["head"]
                == .text("Директорова Дарья Дмитриевна"))
    }

    @Test func mentoringMeetingsAndPlanItemsBelongToTheirPerson() throws {
        let db = try open()
        try load(
            db,
            [
                StaffMember(staffID: "M", fullName: "Наставник", schoolCode: "S1", position: "учитель"),
                StaffMember(staffID: "T", fullName: "Молодой Учитель", schoolCode: "S1", position: "учитель"),
            ])
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO mentorship (id, mentor_id, mentee_id, start_date) VALUES (1, (SELECT id FROM staff WHERE staff_id = 'M'), (SELECT id FROM staff WHERE staff_id = 'T'), '2026-09-01');
                    INSERT INTO mentoring_meeting (mentorship_id, date, note) VALUES (1, '2026-10-01', 'Разбор урока');
                    INSERT INTO development_plan (id, staff_id, school_year, created_at) VALUES (1, (SELECT id FROM staff WHERE staff_id = 'T'), '2026/27', '2026-09-01');
                    INSERT INTO plan_item (plan_id, position, kind, description) VALUES (1, 1, 'selfStudy', 'Самообразование');
                    """)
        }
        #expect(
            try db.auditEntries(staffID: "T").map(\.table) == [
                "staff", "mentorship", "mentoring_meeting", "development_plan", "plan_item",
            ])
        try db.forget(staff: "T", on: LocalDate(year: 2026, month: 11, day: 22)!)
        let meeting = try #require(try db.auditEntries(staffID: "T").first { $0.table == "mentoring_meeting" })
        #expect(meeting.newValues["note"] == nil && meeting.command == nil)
    }

    @Test func aRestoreKeepsTheLogAndSaysSo() throws {
        let path = dir.appendingPathComponent("db.sqlite").path
        let db = try open()
        try load(db, [StaffMember(staffID: "T1", fullName: "Иванова Анна", schoolCode: "S1", position: "учитель")])
        let copy = dir.appendingPathComponent("copy.sqlite").path
        try db.backup(to: copy)
        try load(db, [StaffMember(staffID: "T2", fullName: "Петров Иван", schoolCode: "S1", position: "учитель")])
        let kept = try NastavnikDatabase.restore(
            from: copy, to: path, actor: AuditActor(name: "Администратор", command: "nastavnik restore"))
        let restored = try open()
        #expect(
            try restored.reader.read { db in
                try String.fetchAll(db, sql: "SELECT staff_id FROM staff ORDER BY staff_id")
            } == ["T1"])
        let entries = try restored.auditEntries()
        // T2's addition happened, and was undone by the restore: both are in the log.
        #expect(entries.contains { $0.table == "staff" && $0.key == "T2" && $0.action == .insert })
        let last = try #require(entries.last)
        #expect(last.action == .restore && last.actor == "Администратор" && last.key == "copy.sqlite")
        #expect(last.newValues["kept"] == .text(kept ?? ""))
        #expect(entries.filter { $0.key == "T1" && $0.action == .insert }.count == 1)
    }
}
