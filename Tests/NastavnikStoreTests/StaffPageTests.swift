import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The staff page's read model (issue #19) on a real SQLite file: each search key, each filter,
/// the paging and the total, and the indexes each filter reads.
@Suite struct StaffPageTests {
    static let asOf = LocalDate(year: 2026, month: 9, day: 1)!
    static let snils = SNILS(number: 112_233_445, check: SNILS.checkNumber(of: 112_233_445)!)!
    let db: NastavnikDatabase

    /// Five people in two schools: trained in time, never trained, early-career with a deficit,
    /// a director overdue whose old deficit a later diagnostic cleared, and a bookkeeper.
    init() throws {
        let path = try temporaryDirectory("nastavnik-staff-page").appendingPathComponent("db.sqlite").path
        db = try NastavnikDatabase(path: path)
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO school (id, code, name) VALUES (1, 'A', 'Школа № 1'), (2, 'B', 'Школа № 2');
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind, birth_date, teaching_since, snils)
                    VALUES (1, 'id:T1', 'T1', 'Иванов Пётр Сергеевич', 1, 'Учитель', 'pedagogical', NULL, '2010-01-01', ?),
                           (2, 'id:T2', 'T2', 'Семёнова Алёна Ивановна', 1, 'Учитель', 'pedagogical', '1980-01-01', '2010-01-01', NULL),
                           (3, 'id:T3', 'T3', 'Ёлкин Иван', 2, 'Учитель', 'pedagogical', '2000-01-01', '2025-01-01', NULL),
                           (4, 'id:T4', 'T4', 'Петров Иван', 2, 'Директор', 'leading', '1970-01-01', '2000-01-01', NULL),
                           (5, 'id:T5', 'T5', 'Сидорова Анна', 1, 'Бухгалтер', 'other', NULL, NULL, NULL);
                    INSERT INTO course (id, course_key, title, provider, hours) VALUES (1, 'k1', 'КПК', 'ИРО', 72);
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status)
                    VALUES ('t1', 1, 1, '2025-04-01', '2025-05-01', 'completed'),
                           ('t4', 4, 1, '2020-01-01', '2020-01-15', 'completed');
                    INSERT INTO diagnostic_campaign (id, date) VALUES (1, '2025-03-01'), (2, '2026-03-01');
                    INSERT INTO diagnostic_result (id, campaign_id, staff_id) VALUES (1, 1, 4), (2, 2, 4), (3, 2, 3);
                    INSERT INTO deficit (staff_id, topic, diagnostic_result_id)
                    VALUES (4, 'Старый дефицит', 1), (3, 'Оценивание', 3), (3, 'Дифференциация', 3);
                    """, arguments: [Self.snils.formatted])
        }
    }

    func page(_ configure: (inout StaffQuery) -> Void = { _ in }) throws -> StaffPage {
        var query = StaffQuery(asOf: Self.asOf)
        configure(&query)
        return try db.staffPage(query)
    }

    func ids(_ configure: (inout StaffQuery) -> Void) throws -> [String] {
        try page(configure).rows.compactMap(\.staffID)
    }

    @Test func everyoneByNameWithTheirTermsAndDeficits() throws {
        let page = try page()
        #expect(page.total == 5)
        #expect(page.rows.map(\.staffID) == ["T3", "T1", "T4", "T2", "T5"])
        let ivanov = try #require(page.rows.first { $0.staffID == "T1" })
        #expect(ivanov.schoolCode == "A" && ivanov.schoolName == "Школа № 1" && ivanov.position == "Учитель")
        #expect(ivanov.lastTrainingEnd == LocalDate(year: 2025, month: 5, day: 1))
        #expect(ivanov.dueBy == LocalDate(year: 2028, month: 5, day: 1))
        let yolkin = try #require(page.rows.first { $0.staffID == "T3" })
        #expect(yolkin.deficits == ["Дифференциация", "Оценивание"])
        #expect(yolkin.dueBy == LocalDate(year: 2028, month: 1, day: 1))
        // The latest diagnostic found none: the old deficit does not count.
        #expect(page.rows.first { $0.staffID == "T4" }?.deficits == [])
        #expect(page.rows.first { $0.staffID == "T5" }?.dueBy == nil)
    }

    @Test func searchByAnyWordsBeginningCaseAndYoAside() throws {
        #expect(try ids { $0.search = "иван" } == ["T3", "T1", "T4", "T2"])
        #expect(try ids { $0.search = "ЕЛКИН" } == ["T3"])
        #expect(try ids { $0.search = "семенова ал" } == ["T2"])
        #expect(try ids { $0.search = "Пётр" } == ["T1", "T4"])
        #expect(try ids { $0.search = "ван" } == [])
    }

    @Test func searchByPersonnelNumberAndSNILSExactly() throws {
        #expect(try ids { $0.search = "T4" } == ["T4"])
        // A name has no digits: a text with one is a number only.
        #expect(try ids { $0.search = "Иванов 1" } == [])
        #expect(try ids { $0.search = Self.snils.formatted } == ["T1"])
        let digits = Self.snils.formatted.filter(\.isNumber)
        #expect(try ids { $0.search = digits } == ["T1"])
        #expect(try ids { $0.search = String(digits.dropLast()) } == [])
    }

    @Test func eachFilterAndTheirCombination() throws {
        #expect(try ids { $0.schoolCode = "A" } == ["T1", "T2", "T5"])
        // Never trained since 2010, and trained in 2020: both terms have passed; other staff have none.
        #expect(try ids { $0.overdue = true } == ["T4", "T2"])
        #expect(try ids { $0.deficit = true } == ["T3"])
        #expect(try ids { $0.earlyCareer = true } == ["T3"])
        #expect(try ids { $0.kind = .leading } == ["T4"])
        #expect(try ids { $0.kind = .other } == ["T5"])
        #expect(
            try ids {
                $0.schoolCode = "A"
                $0.overdue = true
            } == ["T2"])
        #expect(
            try ids {
                $0.schoolCode = "B"
                $0.search = "иван"
                $0.kind = .pedagogical
            } == ["T3"])
        // On an earlier day Петров's term (to 2023-01-15) had not passed, and Иванов's training of
        // 2025 had not yet ended (his term ran from 2010).
        #expect(
            try ids {
                $0.overdue = true
                $0.asOf = LocalDate(year: 2022, month: 1, day: 1)!
            } == ["T1", "T2"])
        #expect(try page { $0.schoolCode = "Z" }.total == 0)
    }

    @Test func pagingKeepsTheTotalAndTheOrder() throws {
        let first = try page { $0.pageSize = 2 }
        #expect(first.total == 5 && first.pageCount == 3)
        #expect(first.rows.map(\.staffID) == ["T3", "T1"])
        #expect(
            try ids {
                $0.pageSize = 2
                $0.page = 2
            } == ["T4", "T2"])
        let last = try page {
            $0.pageSize = 2
            $0.page = 3
        }
        #expect(last.rows.map(\.staffID) == ["T5"] && last.total == 5)
        let past = try page {
            $0.pageSize = 2
            $0.page = 4
        }
        #expect(past.rows.isEmpty && past.total == 5)
        let filtered = try page {
            $0.overdue = true
            $0.pageSize = 1
            $0.page = 2
        }
        #expect(filtered.rows.map(\.staffID) == ["T2"] && filtered.total == 2)
    }

    /// Each filter reads an index: no table is scanned row by row, and the order comes from the
    /// name index, never from a sort of everyone.
    @Test(arguments: [
        ("", "staff_by_name"), ("school", "staff_by_school"), ("number", "staff_person_key"),
        ("snils", "staff_snils"), ("deficit", "diagnostic_result_staff"), ("overdue", "training_staff"),
        ("kind", "staff_by_name"), ("early", "staff_early_career"), ("name", "staff_by_name"),
    ])
    func eachFilterUsesAnIndex(filter: String, index: String) throws {
        var query = StaffQuery(asOf: Self.asOf)
        switch filter {
        case "school": query.schoolCode = "A"
        case "number": query.search = "T1"
        case "snils": query.search = Self.snils.formatted.filter(\.isNumber)
        case "deficit": query.deficit = true
        case "overdue": query.overdue = true
        case "kind": query.kind = PositionKind.leading
        case "early": query.earlyCareer = true
        case "name": query.search = "иван"
        default: break
        }
        let plan = try db.reader.read { db in
            NastavnikDatabase.addStaffPageFunctions(
                db, rule: TrainingRule(), early: EarlyCareerRule(), asOf: Self.asOf)
            let statement = try SQLRequest(literal: NastavnikDatabase.staffPageSQL(query, rule: TrainingRule()))
                .makePreparedRequest(db).statement
            return try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains(index) }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN st") && !$0.contains("INDEX") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN staff") && !$0.contains("INDEX") }, "\(plan)")
        // The page is read in name order from an index (a sort of everyone would say so here).
        #expect(
            plan.contains {
                $0.hasPrefix("SCAN st USING INDEX staff_by_name") || $0.contains("INDEX staff_by_school (school_id=?)")
            }
                || filter == "number" || filter == "snils", "\(plan)")
    }

    @Test func aV9DatabaseGainsTheNameIndexAndKeepsItsStaff() throws {
        let upgraded = try upgradedDatabase(
            from: "v9-staff-snils",
            sql: """
                INSERT INTO staff (person_key, staff_id, full_name, school_id, position, position_kind)
                    VALUES ('id:T1', 'T1', 'Иванова Анна', 1, 'учитель', 'pedagogical');
                """)
        #expect(try upgraded.appliedMigrations().contains("v11-staff-search"))
        #expect(try upgraded.staffIndexNames().contains("staff_by_name"))
        #expect(try upgraded.staffPage(StaffQuery(search: "анна", asOf: Self.asOf)).rows.map(\.staffID) == ["T1"])
    }
}
