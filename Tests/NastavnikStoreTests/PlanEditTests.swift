import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// A plan's items changed by hand (the web's forms): added, changed, removed and marked, each in
/// one transaction, refused on a plan changed since the form was opened (its version: the plan's
/// row and its items'), on a superseded version, and for an item the rules refuse.
@Suite struct PlanEditTests {
    let path: String

    init() throws {
        path = try Self.seeded(
            "nastavnik-plan-edit",
            """
            INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа');
            INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind)
                VALUES (1, 'id:T1', 'T1', 'Учитель Анна', 1, 'учитель', 'pedagogical');
            INSERT INTO development_plan (id, staff_id, school_year, version, created_at)
                VALUES (1, 1, '2026/27', 1, '2026-09-01T00:00:00Z');
            INSERT INTO plan_item (id, plan_id, position, kind, topic, description, deadline, status)
                VALUES (1, 1, 1, 'course', 'оценивание', 'Курсы по оцениванию', '2026-12-20', 'planned'),
                       (2, 1, 2, 'selfStudy', NULL, 'Самообразование', '2027-05-01', 'planned');
            """)
    }

    /// A new database file with `sql` run on it; its path.
    static func seeded(_ prefix: String, _ sql: String) throws -> String {
        let path = try temporaryDirectory(prefix).appendingPathComponent("db.sqlite").path
        try NastavnikDatabase(path: path).writer.write { db in try db.execute(sql: sql) }
        return path
    }

    func database(as name: String) throws -> NastavnikDatabase {
        try NastavnikDatabase(path: path).acting(as: AuditActor(name: name))
    }

    func items() throws -> [PlanItemLine] { try NastavnikDatabase(path: path).plans(planID: 1).first?.items ?? [] }

    let fields = PlanItemFields(
        kind: .openLesson, topic: "смысловое чтение", description: "Посетить 3 открытых урока",
        deadline: LocalDate(year: 2027, month: 3, day: 1)!, expectedResult: "лист посещения")

    @Test func anItemIsAddedChangedMarkedAndRemovedEachOnTheVersionItWasOpenedOn() throws {
        let anna = try database(as: "Анна")
        var version = try anna.planVersion(id: 1).id
        let added = try anna.addPlanItem(plan: 1, fields, expectedVersion: version)
        #expect(try items().map(\.id) == [1, 2, added])
        #expect(try items().last?.description == "Посетить 3 открытых урока")
        #expect(try items().last?.status == .planned)
        version = try anna.planVersion(id: 1).id
        var changed = fields
        changed.description = "Посетить 4 открытых урока"
        try anna.changePlanItem(id: added, changed, expectedVersion: version)
        #expect(try items().last?.description == "Посетить 4 открытых урока")
        version = try anna.planVersion(id: 1).id
        try anna.markPlanItem(
            id: 1, status: .done, evidence: "Удостоверение № 5", date: LocalDate(year: 2026, month: 12, day: 1)!,
            expectedVersion: version)
        #expect(try items().first?.status == .done && items().first?.evidence == "Удостоверение № 5")
        version = try anna.planVersion(id: 1).id
        #expect(try anna.removePlanItem(id: 2, expectedVersion: version) == "Самообразование")
        #expect(try items().map(\.id) == [1, added])
        #expect(try anna.planVersion(id: 1).by == "Анна")
    }

    @Test func aFormOpenedBeforeAnotherChangeIsRefusedAndWritesNothing() throws {
        let anna = try database(as: "Анна")
        let boris = try database(as: "Борис")
        let opened = try anna.planVersion(id: 1).id
        // Boris removes an item: the plan's row changes with it, so the removal shows.
        try boris.removePlanItem(id: 2, expectedVersion: opened)
        #expect(throws: StaleRecordError.self) { try anna.addPlanItem(plan: 1, fields, expectedVersion: opened) }
        #expect(throws: StaleRecordError.self) { try anna.changePlanItem(id: 1, fields, expectedVersion: opened) }
        #expect(throws: StaleRecordError.self) {
            try anna.markPlanItem(id: 1, status: .inProgress, evidence: nil, date: .today(), expectedVersion: opened)
        }
        do {
            try anna.removePlanItem(id: 1, expectedVersion: opened)
        } catch let error as StaleRecordError {
            #expect(error.by == "Борис")
        }
        #expect(try items().map(\.id) == [1])
        #expect(try items().first?.status == .planned && items().first?.description == "Курсы по оцениванию")
        // The command line checks nothing.
        try anna.markPlanItem(id: 1, status: .inProgress, evidence: nil, date: .today())
        #expect(try items().first?.status == .inProgress)
    }

    @Test func theRulesRefuseAnItemAndASupersededPlanAndWriteNothing() throws {
        let anna = try database(as: "Анна")
        var outside = fields
        outside.deadline = LocalDate(year: 2027, month: 9, day: 1)!
        #expect(throws: StoreError.invalid("Срок 01.09.2027 вне учебного года 2026/27 (01.09.2026–31.08.2027).")) {
            try anna.addPlanItem(plan: 1, outside)
        }
        var empty = fields
        empty.description = "  "
        #expect(throws: StoreError.self) { try anna.changePlanItem(id: 1, empty) }
        #expect(throws: StoreError.self) {
            try anna.markPlanItem(id: 1, status: .done, evidence: nil, date: .today())
        }
        #expect(throws: StoreError.notFound(what: "пункт плана №", key: "99")) { try anna.removePlanItem(id: 99) }
        #expect(throws: StoreError.notFound(what: "план №", key: "7")) { try anna.addPlanItem(plan: 7, fields) }
        try anna.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO development_plan (id, staff_id, school_year, version, created_at)
                        VALUES (2, 1, '2026/27', 2, '2026-10-01T00:00:00Z');
                    UPDATE development_plan SET superseded_by = 2 WHERE id = 1;
                    """)
        }
        #expect(
            throws: StoreError.invalid(
                "План № 1 заменён новой версией (план № 2): измените действующий план.")
        ) { try anna.removePlanItem(id: 1) }
        #expect(try items().count == 2)
        #expect(try items().first?.description == "Курсы по оцениванию")
    }
}
