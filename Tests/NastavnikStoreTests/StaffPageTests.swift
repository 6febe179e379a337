import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The staff page's read model (issue 19) on a real SQLite file: each search key, each filter,
/// the orders, the paging and the total, the copy made again after a change, pseudonymisation
/// and erasure — and `staff` without a new index (the bulk load rebuilds every one it has).
@Suite struct StaffPageTests {
    static let asOf = LocalDate(year: 2026, month: 9, day: 1)!
    static let snils = SNILS(number: 112_233_445, check: SNILS.checkNumber(of: 112_233_445)!)!
    let path: String
    let db: NastavnikDatabase

    /// Five people in two schools (B's code sorts before A's name order would): trained in time,
    /// never trained, early-career with deficits, a director overdue whose old deficit a later
    /// diagnostic cleared, and a bookkeeper.
    init() throws {
        path = try temporaryDirectory("nastavnik-staff-page").appendingPathComponent("db.sqlite").path
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

    func page(_ configure: (inout StaffQuery) -> Void = { _ in }, asOf: LocalDate = Self.asOf) throws -> StaffPage {
        var query = StaffQuery()
        configure(&query)
        return try db.staffPage(query, asOf: asOf)
    }

    func ids(asOf: LocalDate = Self.asOf, _ configure: (inout StaffQuery) -> Void) throws -> [String] {
        try page(configure, asOf: asOf).rows.compactMap(\.staffID)
    }

    @Test func everyoneBySchoolAndNameWithTheirTermsAndDeficits() throws {
        let page = try page()
        #expect(page.total == 5 && page.totalIsExact)
        // School A, then B; within a school by name as `staff list` orders it (binary: «Ё» first).
        #expect(page.rows.map(\.staffID) == ["T1", "T2", "T5", "T3", "T4"])
        let ivanov = try #require(page.rows.first { $0.staffID == "T1" })
        #expect(ivanov.schoolCode == "A" && ivanov.schoolName == "Школа № 1" && ivanov.position == "Учитель")
        #expect(ivanov.lastTrainingEnd == LocalDate(year: 2025, month: 5, day: 1))
        #expect(ivanov.dueBy == LocalDate(year: 2028, month: 5, day: 1) && !ivanov.overdue)
        let yolkin = try #require(page.rows.first { $0.staffID == "T3" })
        #expect(yolkin.deficits == ["Дифференциация", "Оценивание"] && yolkin.earlyCareer)
        #expect(yolkin.dueBy == LocalDate(year: 2028, month: 1, day: 1))
        // The latest diagnostic found none: the old deficit does not count.
        #expect(page.rows.first { $0.staffID == "T4" }?.deficits == [])
        #expect(page.rows.first { $0.staffID == "T4" }?.overdue == true)
        let bookkeeper = try #require(page.rows.first { $0.staffID == "T5" })
        #expect(bookkeeper.dueBy == nil && !bookkeeper.overdue && bookkeeper.positionKind == .other)
    }

    @Test func byNameAcrossSchools() throws {
        #expect(try ids { $0.order = .name } == ["T3", "T1", "T4", "T2", "T5"])
        #expect(
            try ids {
                $0.order = .name
                $0.pageSize = 2
                $0.page = 2
            } == ["T4", "T2"])
    }

    @Test func searchByAnyWordsBeginningCaseAndYoAside() throws {
        #expect(try ids { $0.search = StaffSearch("иван") } == ["T1", "T2", "T3", "T4"])
        #expect(try ids { $0.search = StaffSearch("ЕЛКИН") } == ["T3"])
        #expect(try ids { $0.search = StaffSearch("семенова ал") } == ["T2"])
        #expect(try ids { $0.search = StaffSearch("ив пет") } == ["T1", "T4"])
        #expect(try ids { $0.search = StaffSearch("ван") } == [])
        #expect(try page { $0.search = StaffSearch("иван") }.totalIsExact)
    }

    /// A person two of whose words begin with the search is one row, counted once.
    @Test func aNameWithTheBeginningTwiceIsOnePerson() throws {
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind)
                    VALUES (6, 'id:T6', 'T6', 'Иванов Иван Иванович', 2, 'Учитель', 'pedagogical')
                    """)
        }
        let found = try page { $0.search = StaffSearch("иван") }
        #expect(found.rows.compactMap(\.staffID) == ["T1", "T2", "T3", "T6", "T4"])
        #expect(found.total == 5 && found.totalIsExact)
        #expect(try ids { $0.search = StaffSearch("иван иванович") } == ["T6"])
    }

    @Test func searchByPersonnelNumberAndSNILSExactly() throws {
        #expect(try ids { $0.search = StaffSearch("T4") } == ["T4"])
        #expect(try ids { $0.search = StaffSearch("T") } == [])
        // A name has no digits: a text with one is a number only.
        #expect(try ids { $0.search = StaffSearch("Иванов 1") } == [])
        #expect(try ids { $0.search = StaffSearch(Self.snils.formatted) } == ["T1"])
        let digits = Self.snils.formatted.filter(\.isNumber)
        #expect(try ids { $0.search = StaffSearch(digits) } == ["T1"])
        #expect(try ids { $0.search = StaffSearch(String(digits.dropLast())) } == [])
    }

    @Test func eachFilterAndTheirCombination() throws {
        #expect(try ids { $0.schoolCode = "A" } == ["T1", "T2", "T5"])
        // Never trained since 2010, and trained in 2020: both terms have passed; other staff have none.
        #expect(try ids { $0.overdue = true } == ["T2", "T4"])
        #expect(try page { $0.overdue = true }.total == 2)
        #expect(try ids { $0.deficit = "оценивание" } == ["T3"])
        #expect(try ids { $0.deficit = "Старый дефицит" } == [])
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
                $0.search = StaffSearch("иван")
                $0.kind = .pedagogical
            } == ["T3"])
        #expect(try page { $0.schoolCode = "Z" }.total == 0)
    }

    /// On a day before a training ended the kept term is not the answer: the trainings up to
    /// that day are, as `training status` reads them.
    @Test func anEarlierDayReadsTheTrainingsUpToIt() throws {
        let day = LocalDate(year: 2022, month: 1, day: 1)!
        // Петров's term (to 2023-01-15) had not passed; Иванов's training of 2025 had not ended.
        #expect(try ids(asOf: day) { $0.overdue = true } == ["T1", "T2"])
        let status = try db.trainingStatus(asOf: day).filter(\.overdue).compactMap(\.staffID).sorted()
        #expect(status == ["T1", "T2"])
        #expect(try page({ $0.schoolCode = "A" }, asOf: day).rows.first?.lastTrainingEnd == nil)
    }

    @Test func pagingKeepsTheTotalAndTheOrder() throws {
        let first = try page { $0.pageSize = 2 }
        #expect(first.total == 5 && first.pageCount == 3 && first.hasNextPage)
        #expect(first.rows.map(\.staffID) == ["T1", "T2"])
        let last = try page {
            $0.pageSize = 2
            $0.page = 3
        }
        #expect(last.rows.map(\.staffID) == ["T4"] && last.total == 5 && !last.hasNextPage)
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
        #expect(filtered.rows.map(\.staffID) == ["T4"] && filtered.total == 2 && filtered.totalIsExact)
        #expect(throws: StoreError.self) { try page { $0.pageSize = 501 } }
    }

    /// A change made through Nastavnik is on the next page: the copy is made again once, and
    /// not again while nothing changes.
    @Test func theCopyFollowsChangesAndIsMadeOnlyWhenTheyHappen() throws {
        #expect(try db.refreshStaffSearch())
        #expect(try !db.refreshStaffSearch())
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind, teaching_since)
                    VALUES (6, 'id:T6', 'T6', 'Абрамова Ольга', 1, 'Учитель', 'pedagogical', '2026-08-01')
                    """)
        }
        #expect(try ids { $0.schoolCode = "A" } == ["T6", "T1", "T2", "T5"])
        #expect(try ids { $0.search = StaffSearch("ольга") } == ["T6"])
        #expect(try ids { $0.earlyCareer = true } == ["T3"])
        // Early-career needs both conditions by default; with «любое условие» her 0 years count.
        try db.setSetting(Settings.earlyCareerConditions, "любое условие")
        #expect(try ids { $0.earlyCareer = true } == ["T6", "T3"])
        // A training recorded later moves Семёнова out of the overdue.
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status)
                    VALUES ('t2', 2, 1, '2026-03-01', '2026-04-01', 'completed')
                    """)
        }
        #expect(try ids { $0.overdue = true } == ["T4"])
        #expect(try !db.refreshStaffSearch())
    }

    /// Pseudonymised, the page shows pseudonyms and refuses to search by name or СНИЛС (which
    /// would tell who is on record); a personnel number is found.
    @Test func pseudonymisedPagesShowNoNames() throws {
        _ = try db.refreshStaffSearch()
        let hidden = try NastavnikDatabase(path: path, pseudonymize: true)
        let page = try hidden.staffPage(StaffQuery(), asOf: Self.asOf)
        #expect(page.total == 5)
        #expect(page.rows.allSatisfy { $0.fullName.hasPrefix("Работник ") })
        #expect(try hidden.staffPage(StaffQuery(text: "T4"), asOf: Self.asOf).rows.map(\.staffID) == ["T4"])
        #expect(throws: StoreError.self) { try hidden.staffPage(StaffQuery(text: "Иванов"), asOf: Self.asOf) }
        #expect(throws: StoreError.self) {
            try hidden.staffPage(StaffQuery(text: Self.snils.formatted), asOf: Self.asOf)
        }
    }

    /// `staff forget` takes the name's words out of the copy at once, and the name is not found.
    @Test func anErasedNameIsNotFound() throws {
        #expect(try ids { $0.search = StaffSearch("семенова") } == ["T2"])
        #expect(
            try db.reader.read { db in
                try String.fetchOne(db, sql: "SELECT words FROM staff_search WHERE staff_row = 2")
            } == " семенова алена ивановна")
        let counted = "SELECT people FROM staff_search_word_count WHERE word = 'семенова'"
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: counted) } == 1)
        try db.forget(staff: "T2", on: Self.asOf)
        #expect(
            try db.reader.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM staff_search_word WHERE word = 'семенова'")
            } == 0)
        #expect(try db.reader.read { db in try Int.fetchOne(db, sql: counted) } == 0)
        #expect(
            try db.reader.read { db in
                try String.fetchOne(db, sql: "SELECT words FROM staff_search WHERE staff_row = 2")
            } == nil)
        #expect(try ids { $0.search = StaffSearch("семенова") } == [])
        #expect(try ids { $0.search = StaffSearch("T2") } == ["T2"])
    }

    /// The search adds no index to `staff`: the bulk load rebuilds each of them (the reverted
    /// `staff_by_name` cost the import 27 %). The copy's tables are not in the audit log.
    @Test func staffKeepsItsIndexesAndTheCopyIsNotLogged() throws {
        _ = try db.refreshStaffSearch()
        #expect(try db.staffIndexNames() == ["staff_by_school", "staff_person_key", "staff_snils"])
        let logged = try db.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE table_name LIKE 'staff_search%'")
        }
        #expect(logged == 0)
    }

    /// Each kind of query reads the copy's indexes, not every person: the plan of the page's
    /// selection names the index, and no statement scans `staff`.
    @Test func aNameSearchReadsTheWordsAndNotEveryName() throws {
        _ = try db.refreshStaffSearch()
        let plan = try db.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT ss.ord FROM (SELECT DISTINCT ord FROM staff_search_word
                    WHERE word >= 'иван' AND word < 'иван' || char(1114111)) AS m
                    CROSS JOIN staff_search ss ON ss.ord = m.ord ORDER BY ss.ord
                    """
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("staff_search_word") && $0.contains("word>? AND word<?") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN ss") }, "\(plan)")
    }
}

/// The rows of `query`'s pages read one after another while one follows (at most 100), and the
/// last page read.
func everyPage(of db: NastavnikDatabase, _ query: StaffQuery, asOf date: LocalDate) throws
    -> (rows: [StaffPageRow], last: StaffPage)
{
    var rows: [StaffPageRow] = []
    var query = query
    var page: StaffPage
    repeat {
        page = try db.staffPage(query, asOf: date)
        rows += page.rows
        query.page += 1
    } while page.hasNextPage && query.page <= 100
    return (rows, page)
}

/// The staff page against `training status` on a few thousand generated people: the overdue it
/// finds, and its count, are the status's overdue, on several days.
@Suite struct StaffPageAgreesWithTrainingStatusTests {
    @Test func theOverdueAreTheStatussOverdue() throws {
        let path = try temporaryDirectory("nastavnik-staff-page-many").appendingPathComponent("db.sqlite").path
        let db = try NastavnikDatabase(path: path)
        try db.writer.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
                    INSERT INTO school (id, code, name) SELECT i, printf('S%02d', i), printf('Школа %d', i) FROM n;
                    INSERT INTO course (id, course_key, title, provider, hours) VALUES (1, 'k1', 'КПК', 'ИРО', 36), (2, 'k2', 'Кратко', 'ИРО', 8);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind, teaching_since, birth_date)
                    SELECT i, printf('id:P%05d', i), printf('P%05d', i),
                           'Фам' || char(1072 + i % 7) || ' Им' || char(1072 + i % 5) || ' Н' || char(1072 + i % 32)
                               || char(1072 + (i / 32) % 32) || char(1072 + (i / 1024) % 32), (i % 20) + 1,
                           'учитель', CASE WHEN i % 25 = 0 THEN 'other' WHEN i % 12 = 0 THEN 'leading' ELSE 'pedagogical' END,
                           CASE WHEN i % 31 = 0 THEN NULL ELSE date('2000-01-01', printf('+%d days', (i * 7919) % 9800)) END,
                           date('1965-01-01', printf('+%d days', (i * 104729) % 14000))
                    FROM n;
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
                    INSERT INTO training (training_key, staff_id, course_id, end_date, status)
                    SELECT printf('t%d', i), ((i * 7919) % 3000) + 1, (i % 2) + 1,
                           date('2019-01-01', printf('+%d days', (i * 104729) % 2860)),
                           CASE WHEN i % 50 = 0 THEN 'studying' ELSE 'completed' END
                    FROM n;
                    """)
        }
        for day in [
            LocalDate(year: 2026, month: 11, day: 22)!, LocalDate(year: 2027, month: 6, day: 1)!,
            LocalDate(year: 2021, month: 3, day: 1)!,
        ] {
            let status = try db.trainingStatus(asOf: day)
            let overdue = status.filter(\.overdue).map(\.rowID)
            // Page after page while one follows: in the order of `training status` (school code, name).
            let (rows, page) = try everyPage(of: db, StaffQuery(overdue: true, pageSize: 500), asOf: day)
            #expect(rows.map(\.rowID) == overdue, "\(day)")
            #expect(page.total == overdue.count && page.totalIsExact, "\(day)")
            let first = try db.staffPage(StaffQuery(overdue: true, pageSize: 500), asOf: day)
            let leading = try db.staffPage(StaffQuery(overdue: true, kind: .leading), asOf: day)
            let leaders = status.filter { $0.overdue && $0.rowID % 12 == 0 && $0.rowID % 25 != 0 }.count
            if day < LocalDate(year: 2026, month: 10, day: 1)! {
                // Before the last training's end each person's trainings are read: the count
                // would read everyone, so the first page says «more than» instead.
                #expect(!first.totalIsExact && first.total == 501)
                #expect(!leading.totalIsExact && leading.total == 51)
            } else {
                #expect(first.total == overdue.count && first.totalIsExact, "\(day)")
                #expect(leading.total == leaders && leading.totalIsExact)
            }
        }
        // Early-career: the rows say what the rule says, and the filter finds exactly them.
        let day = LocalDate(year: 2026, month: 11, day: 22)!
        var all: [StaffPageRow] = []
        for number in 1...6 {
            all += try db.staffPage(StaffQuery(page: number, pageSize: 500), asOf: day).rows
        }
        #expect(all.count == 3000)
        let early = try db.staffPage(StaffQuery(earlyCareer: true, pageSize: 500), asOf: day)
        #expect(early.rows.map(\.rowID) == all.filter(\.earlyCareer).map(\.rowID))
        #expect(!early.rows.isEmpty)
        // A name search finds what the Core match says, exactly counted.
        let named = try db.staffPage(StaffQuery(text: "фамб имв", pageSize: 500), asOf: day)
        #expect(
            named.rows.map(\.rowID)
                == all.filter { StaffSearch.name($0.fullName, matches: ["фамб", "имв"]) }.map(\.rowID))
        #expect(named.total == named.rows.count && named.total > 0)
    }
}

/// A name that begins more words than the page reads and sorts whole (`staffSearchSortLimit`):
/// the page walks the copy in order and tests each name, and still shows exactly the people
/// that match, in order, page after page; the counts per word are the copy's entries.
@Suite struct StaffPageLargeSelectionTests {
    @Test func aCommonNameIsWalkedInOrderAndARareOneReadWhole() throws {
        let path = try temporaryDirectory("nastavnik-staff-page-large").appendingPathComponent("db.sqlite").path
        let db = try NastavnikDatabase(path: path)
        let people = NastavnikDatabase.staffSearchSortLimit + 2_000
        try db.writer.write { db in
            // Every third person is «Иванов(а)»; everyone's patronymic is «Иванович/Ивановна», so
            // «иванов» begins a word of every name; «петр» begins a few.
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
                    INSERT INTO school (id, code, name) SELECT i, printf('S%02d', i), printf('Школа %d', i) FROM n;
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind)
                    SELECT i, printf('id:P%06d', i), printf('P%06d', i),
                           CASE WHEN i % 3 = 0 THEN 'Иванов' ELSE 'Фам' || char(1072 + i % 29) END
                               || CASE WHEN i % 997 = 0 THEN ' Пётр' ELSE ' Им' || char(1072 + i % 17) END
                               || CASE WHEN i % 2 = 0 THEN ' Иванович' ELSE ' Ивановна' END,
                           (i * 7) % 30 + 1, 'учитель', 'pedagogical'
                    FROM n;
                    """, arguments: [people])
        }
        let asOf = LocalDate(year: 2026, month: 9, day: 1)!
        let everyone = try db.reader.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT st.staff_id, st.full_name FROM staff st JOIN school s ON s.id = st.school_id ORDER BY s.code, st.full_name, st.id"
            ).map { ($0["staff_id"] as String, $0["full_name"] as String) }
        }
        for text in ["иванов", "иванов петр", "ивановн фам"] {
            let words = StaffSearch.words(of: text)
            let expected = everyone.filter { StaffSearch.name($0.1, matches: words) }.map(\.0)
            let (rows, _) = try everyPage(of: db, StaffQuery(text: text, pageSize: 500), asOf: asOf)
            #expect(rows.compactMap(\.staffID) == expected, "\(text)")
            let first = try db.staffPage(StaffQuery(text: text), asOf: asOf)
            #expect(first.rows.compactMap(\.staffID) == Array(expected.prefix(StaffQuery.defaultPageSize)), "\(text)")
            if expected.count > NastavnikDatabase.staffSearchSortLimit {
                // Walked in order: the total is «more than» the page.
                #expect(!first.totalIsExact && first.total == StaffQuery.defaultPageSize + 1, "\(text)")
            } else if text == "иванов петр" {
                #expect(first.totalIsExact && first.total == expected.count && expected.count > 0)
            }
        }
        let counts = try db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT word, people FROM staff_search_word_count ORDER BY word")
                .map { "\($0["word"] as String) \($0["people"] as Int)" }
        }
        let entries = try db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT word, count(*) AS n FROM staff_search_word GROUP BY word ORDER BY word")
                .map { "\($0["word"] as String) \($0["n"] as Int)" }
        }
        #expect(counts == entries && counts.contains("иванович \(people / 2)"))
    }
}
