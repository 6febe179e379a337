import Crypto
import Foundation
import GRDB
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikTestSupport
import Testing

@testable import NastavnikApp
@testable import NastavnikRegion
@testable import NastavnikStore

/// Pushes into a real PostgreSQL server (issue 22): the first push, a re-push, exact
/// differences, a deleted school, a teacher who moves, a push broken half-way, two at once, and
/// the refusals.
@Suite(.serialized) struct RegionPushTests {
    let fixture: RegionFixture

    init() throws { fixture = try RegionFixture() }

    /// The live rows of a municipality in a regional table.
    func live(_ url: RegionURL, _ table: String, _ oktmo: String = "81615000") async throws -> Int {
        try await RegionTestServer.count(
            url,
            """
            SELECT count(*)::text FROM nastavnik.\(table) t JOIN nastavnik.municipality m ON m.id = t.municipality_id
            WHERE m.oktmo = '\(oktmo)' AND t.deleted_at IS NULL
            """)
    }

    func sqliteCount(_ app: NastavnikApp, _ sql: String) throws -> Int {
        try DatabaseQueue(path: app.database.path!).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func aFirstPushAddsEveryRowAndARepushWithNothingChangedChangesNothing() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let first = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(first.added > 0 && first.changed == 0 && first.deleted == 0 && first.unchanged == 0)
        #expect(!first.repeated && !first.dryRun)
        // Every school, worker and training arrived, by its natural key.
        #expect(try await live(url, "school") == (try sqliteCount(app, "SELECT count(*) FROM school")))
        #expect(try await live(url, "person") == (try sqliteCount(app, "SELECT count(*) FROM staff")))
        #expect(try await live(url, "training") == (try sqliteCount(app, "SELECT count(*) FROM training")))
        #expect(try await live(url, "course") == (try sqliteCount(app, "SELECT count(*) FROM course")))
        #expect(try await live(url, "need") > 0)
        #expect(try await live(url, "indicator") > 0)
        #expect(try await live(url, "pairing") == (try sqliteCount(app, "SELECT count(*) FROM curator_pairing")))
        let total = try await RegionTestServer.count(url, "SELECT sum(added)::text FROM nastavnik.batch")
        #expect(total == first.added)

        let second = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(second.batch != first.batch)
        #expect(second.added == 0 && second.changed == 0 && second.deleted == 0)
        #expect(second.unchanged == first.added)
        #expect(try await app.regionPushes().map(\.batch) == [second.batch, first.batch])
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.batch") == 2)
    }

    @Test func aRepushOfUnchangedDataBuildsNoSnapshotAndAnyChangeMakesItBuildOne() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let built = Stages()
        func push(dryRun: Bool = false, asOf: LocalDate = RegionFixture.asOf, personalData: Bool = false)
            async throws -> RegionReceipt
        {
            try await app.regionPush(url, asOf: asOf, personalData: personalData, dryRun: dryRun) { stage in
                if case .built = stage { await built.add() }
            }
        }
        let first = try await push()
        #expect(await built.count == 1)
        // Nothing written since: the region records the batch without a snapshot or a row sent.
        let dry = try await push(dryRun: true)
        let second = try await push()
        #expect(await built.count == 1)
        #expect(dry.dryRun && dry.tables == second.tables && dry.unchanged == first.added)
        #expect(second.unchanged == first.added && second.added + second.changed + second.deleted == 0)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.batch") == 2)
        // The same batch and counts as a push that builds its snapshot makes.
        let quick = try await push(dryRun: true)
        try RegionFixture.sqlite(app) { try $0.execute(sql: "UPDATE region_push SET data_version = NULL") }
        let rebuilt = try await push(dryRun: true)
        #expect(await built.count == 2)
        #expect(rebuilt.sha256 == quick.sha256 && rebuilt.tables == quick.tables)
        // Another day or the personal data: the snapshot is built.
        _ = try await push(dryRun: true, asOf: RegionFixture.asOf.adding(days: 1))
        _ = try await push(dryRun: true, personalData: true)
        #expect(await built.count == 4)
        // A change by another program (sqlite3 here) is counted by the triggers: built and sent.
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "UPDATE school SET name = name || ' (переименована)' WHERE code = 'SV001'")
        }
        let third = try await push()
        #expect(await built.count == 5)
        // The school's row, and its needs, which carry its name (r4).
        let needs = try await RegionTestServer.count(
            url, "SELECT count(*)::text FROM nastavnik.need WHERE school_code = 'SV001' AND deleted_at IS NULL")
        #expect(needs > 0)
        #expect(third.changed == 1 + needs && third.unchanged == first.added - 1 - needs)
        #expect(third.tables.first { $0.table == "school" }?.changed == 1)
        // A region that lost the batch since (restored, say) gets the snapshot again.
        _ = try await push()
        try await RegionTestServer.execute(url, "UPDATE nastavnik.municipality SET state_sha = 'x'")
        let fifth = try await push()
        #expect(await built.count == 6)
        #expect(fifth.unchanged == first.added && fifth.changed == 0)
    }

    /// Counts the pushes that built a snapshot.
    actor Stages {
        private(set) var count = 0
        func add() { count += 1 }
    }

    @Test func aBatchWhoseAnswerWasLostIsAnsweredWithItsStoredReceipt() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let first = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        // The answer is lost: the municipality never recorded the push.
        try RegionFixture.sqlite(app) { try $0.execute(sql: "DELETE FROM region_push") }
        let again = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(again.repeated)
        #expect(again.batch == first.batch)
        #expect(again.added == first.added && again.changed == 0 && again.unchanged == 0)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.batch") == 1)
        #expect(try await app.regionPushes().map(\.batch) == [first.batch])
    }

    @Test func aPushAfterChangesCountsExactlyTheDifferencesAndMarksADeletedSchool() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        _ = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        // One school renamed; one school with its staff (and their records) gone; one course added.
        let gone = try await DatabaseQueue(path: app.database.path!).read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT code FROM school s WHERE NOT EXISTS (SELECT 1 FROM curator_pairing p WHERE p.school_id = s.id OR p.curator_school_id = s.id)
                    ORDER BY (SELECT count(*) FROM staff WHERE school_id = s.id) LIMIT 1
                    """)!
        }
        let goneStaff = try sqliteCount(
            app, "SELECT count(*) FROM staff WHERE school_id = (SELECT id FROM school WHERE code = '\(gone)')")
        let goneTrainings = try sqliteCount(
            app,
            "SELECT count(*) FROM training WHERE staff_id IN (SELECT id FROM staff WHERE school_id = (SELECT id FROM school WHERE code = '\(gone)'))"
        )
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "UPDATE school SET name = name || ' (переименована)' WHERE code = 'SV001'")
            let ids = "(SELECT id FROM staff WHERE school_id = (SELECT id FROM school WHERE code = '\(gone)'))"
            for table in [
                "training", "diagnostic_result", "deficit", "event_participant", "event_presenter",
                "lesson_observation",
            ] {
                try db.execute(sql: "DELETE FROM \(table) WHERE staff_id IN \(ids)")
            }
            try db.execute(sql: "DELETE FROM mentorship WHERE mentor_id IN \(ids) OR mentee_id IN \(ids)")
            try db.execute(sql: "DELETE FROM development_plan WHERE staff_id IN \(ids)")
            try db.execute(sql: "UPDATE activity_responsible SET staff_id = NULL WHERE staff_id IN \(ids)")
            try db.execute(sql: "DELETE FROM staff WHERE school_id = (SELECT id FROM school WHERE code = '\(gone)')")
            try db.execute(sql: "DELETE FROM school WHERE code = '\(gone)'")
            try db.execute(
                sql:
                    "INSERT INTO course (course_key, code, title, provider, hours) VALUES ('новый|курс', 'NEW-1', 'Новый курс', 'ЦНППМ', 36)"
            )
        }
        let dry = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false, dryRun: true)
        let receipt = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(dry.dryRun && dry.sha256 == receipt.sha256 && dry.tables == receipt.tables)
        func counts(_ r: RegionReceipt, _ table: String) -> RegionReceipt.TableCounts? {
            r.tables.first { $0.table == table }
        }
        for r in [dry, receipt] {
            #expect(counts(r, "school")?.changed == 1)
            #expect(counts(r, "school")?.deleted == 1)
            #expect(counts(r, "school")?.added == 0)
            #expect(counts(r, "person")?.deleted == goneStaff)
            #expect(counts(r, "training")?.deleted == goneTrainings)
            #expect(counts(r, "course")?.added == 1)
        }
        // The deleted school is kept, marked.
        let marked = try await RegionTestServer.texts(
            url, "SELECT (deleted_at IS NOT NULL)::text FROM nastavnik.school WHERE key = '\(gone)'")
        #expect(marked == [["true"]])
        #expect(
            try await RegionTestServer.texts(url, "SELECT name FROM nastavnik.school WHERE key = 'SV001'").first?
                .first??
                .hasSuffix("(переименована)") == true)
        #expect(try await live(url, "school") == (try sqliteCount(app, "SELECT count(*) FROM school")))
    }

    @Test func aRowBackAfterItWasDeletedIsCountedAddedNotChanged() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600007", name: "Проба", asOf: "2026-12-01", personalData: false)
        let schools: [[String?]] = (1...3).map { ["S\($0)", "Школа № \($0)", nil, nil, nil, nil] }
        @Sendable func push(_ rows: [[String?]], after previous: String?) async throws -> RegionReceipt {
            try await RegionDatabase(url: url).push(snapshot, previousBatch: previous) { _, emit in
                try emit(.school, rows)
                for table in RegionTable.all where table != .school { try emit(table, []) }
            }
        }
        let first = try await push(schools, after: nil)
        let gone = try await push(Array(schools[..<2]), after: first.batch)
        let goneCounts: [Int] = [gone.added, gone.changed, gone.deleted, gone.unchanged]
        #expect(goneCounts == [0, 0, 1, 2])
        // S3 back as it was, S2 renamed.
        var back = schools
        back[1][1] = "Школа № 2 (новое имя)"
        let returned = try await push(back, after: gone.batch)
        let returnedCounts: [Int] = [returned.added, returned.changed, returned.deleted, returned.unchanged]
        #expect(returnedCounts == [1, 1, 0, 1])
        #expect(
            try await RegionTestServer.texts(
                url, "SELECT key FROM nastavnik.school WHERE deleted_at IS NULL ORDER BY key") == [
                    ["S1"], ["S2"], ["S3"],
                ])
    }

    @Test func aTableTheRegionHeldNothingOfIsAddedWithItsMunicipalityAndBatch() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600008", name: "Проба", asOf: "2026-12-01", personalData: false)
        let schools: [[String?]] = (1...3).map { ["S\($0)", "Школа № \($0)", nil, nil, nil, nil] }
        let events: [[String?]] = [["E1", "seminar", "Семинар", nil, "2026-11-20", "S1"]]
        @Sendable func push(events: [[String?]], after previous: String?) async throws -> RegionReceipt {
            try await RegionDatabase(url: url).push(snapshot, previousBatch: previous) { _, emit in
                try emit(.school, schools)
                try emit(.event, events)
                for table in RegionTable.all where table != .school && table != .event { try emit(table, []) }
            }
        }
        let first = try await push(events: [], after: nil)
        // The first push left the events' partition empty: the second copies them in, not merges.
        let second = try await push(events: events, after: first.batch)
        let added = second.tables.first { $0.table == "event" }?.added
        #expect(added == 1 && second.changed == 0 && second.deleted == 0 && second.unchanged == 3)
        let id = snapshot.municipalityID.uuidString.lowercased()
        #expect(
            try await RegionTestServer.texts(
                url, "SELECT municipality_id::text, batch_id, key, title, deleted_at::text FROM nastavnik.event")
                == [[id, second.batch, "E1", "Семинар", nil]])
    }

    @Test func aTeacherWhoMovesIsOnePersonLinkedByTheSNILSNeverOverwritten() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let a = try await fixture.demo()
        try RegionFixture.sqlite(a) { db in
            try db.execute(sql: "UPDATE staff SET snils = '112-233-445 95' WHERE staff_id = 'SV-0002'")
        }
        let b = try await fixture.empty("b", oktmo: "81620000", title: "Соседний район")
        let schools = fixture.write(
            "schools.csv",
            "Код ОО;Наименование ОО;Муниципалитет\nNB001;МБОУ «СОШ № 1» соседнего района;Соседний район\n")
        let staff = fixture.write(
            "staff.csv",
            """
            Табельный номер;ФИО;Код ОО;Должность;СНИЛС;Дата начала педагогической деятельности
            NB-1;Ефимова Ольга Петровна;NB001;учитель;11223344595;06.09.2008
            NB-2;Соколов Игорь Андреевич;NB001;учитель;;01.09.2015

            """)
        for (kind, path) in [(ImportKind.schools, schools), (.staff, staff)] {
            _ = try await b.importFile(kind: kind, path: path, options: ImportOptions(today: RegionFixture.asOf))
        }
        _ = try await a.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        _ = try await b.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        // Two rows, one in each municipality, with one link; neither overwrote the other.
        let linked = try await RegionTestServer.texts(
            url,
            """
            SELECT m.oktmo, p.key, p.school_code FROM nastavnik.person p JOIN nastavnik.municipality m ON m.id = p.municipality_id
            WHERE p.link = (SELECT link FROM nastavnik.person WHERE key = 'id:NB-1') ORDER BY m.oktmo
            """)
        #expect(linked == [["81615000", "id:SV-0002", "SV001"], ["81620000", "id:NB-1", "NB001"]])
        // The region counts people, not rows: the mover once.
        let rows = try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.person")
        let people = try await RegionTestServer.count(
            url,
            "SELECT count(DISTINCT coalesce(link, municipality_id::text || key))::text FROM nastavnik.person")
        #expect(people == rows - 1)
        // The region's report counts the mover once, and says how many moved.
        let figures = try await RegionDatabase(url: url).figures(asOf: RegionFixture.asOf.iso)
        #expect(figures.movers == 1)
        #expect(figures.training.count == 2)
        #expect(figures.regionTraining.counted == figures.training.map(\.counted).reduce(0, +) - 1)
        let report = RegionReportBuilder().build(figures)
        #expect(report.sections.map(\.title).contains("Повышение квалификации"))
        // Without personal data the link is not the СНИЛС itself.
        let links = try await RegionTestServer.texts(url, "SELECT link FROM nastavnik.person WHERE link IS NOT NULL")
        #expect(links.allSatisfy { $0[0]?.contains("112") == false && $0[0]?.count == 32 })
    }

    @Test func theOrderHasEachPersonOnceInTheOrderTheServerWouldSortIt() async throws {
        // Two municipalities of the same people: everyone with a СНИЛС is linked across them and
        // must come once, from the one that pushed last; the rest come from both.
        let url = try await RegionTestServer.initializedDatabase()
        let a = try await fixture.demo("a", oktmo: "81615000", title: "Демонстрационный район")
        let b = try await fixture.demo("b", oktmo: "81620000", title: "Второй район")
        for app in [a, b] {
            try RegionFixture.sqlite(app) { db in
                try db.execute(
                    sql: "UPDATE staff SET snils = printf('200-%03d-%03d 00', id / 1000, id % 1000) WHERE id % 3 > 0")
            }
        }
        _ = try await a.regionPush(url, asOf: RegionFixture.asOf, personalData: true)
        _ = try await b.regionPush(url, asOf: RegionFixture.asOf, personalData: true)
        let year = RegionFixture.asOf.year + 1
        let lines = try await RegionDatabase(url: url).orderLines(year: year)
        // The oracle: the query of session 16, joining the people and schools and sorting on the server.
        let expected = try await RegionTestServer.texts(
            url,
            """
            WITH lines AS (
                SELECT n.municipality_id, n.key, n.school_code, n.person_key, n.reason, n.course_title, p.link, p.full_name
                FROM nastavnik.need n
                LEFT JOIN nastavnik.person p ON p.municipality_id = n.municipality_id AND p.key = n.person_key
                    AND p.deleted_at IS NULL
                WHERE n.deleted_at IS NULL AND n.year = \(year)
            ), people AS (
                (SELECT DISTINCT ON (l.link) l.* FROM lines l JOIN nastavnik.municipality m ON m.id = l.municipality_id
                 WHERE l.link IS NOT NULL ORDER BY l.link, m.last_push_at DESC NULLS LAST, l.municipality_id, l.key)
                UNION ALL
                SELECT * FROM lines WHERE link IS NULL
            )
            SELECT m.name, coalesce(n.school_code, ''), s.name, coalesce(n.full_name, n.person_key), n.reason, n.course_title
            FROM people n JOIN nastavnik.municipality m ON m.id = n.municipality_id
            LEFT JOIN nastavnik.school s ON s.municipality_id = n.municipality_id AND s.key = n.school_code
                AND s.deleted_at IS NULL
            ORDER BY m.name COLLATE "C", coalesce(n.school_code, '') COLLATE "C",
                coalesce(n.full_name, n.person_key) COLLATE "C", n.municipality_id, n.key
            """)
        #expect(lines.count > 10)
        #expect(Set(lines.map(\.municipality)) == ["Демонстрационный район", "Второй район"])
        #expect(
            lines.map { [$0.municipality, $0.schoolCode, $0.schoolName, $0.person, $0.reason, $0.courseTitle] }
                == expected)
        // Two in three are linked: those come from b alone.
        #expect(lines.filter { $0.municipality == "Демонстрационный район" }.count < lines.count / 3)
    }

    @Test func theOrdersSortIsByteWiseWithTiesByMunicipalityAndKey() {
        func line(_ municipality: String, _ school: String, _ person: String) -> RegionOrderLine {
            RegionOrderLine(
                municipality: municipality, schoolCode: school, schoolName: nil, person: person, reason: "",
                due: false, courseCode: nil, courseTitle: nil, provider: nil, hours: nil, topics: nil)
        }
        let x = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
        let y = UUID(uuidString: "10000000-0000-0000-0000-000000000001")!
        let z = UUID(uuidString: "00000000-0000-0000-0000-000000000009")!
        // Two municipalities of one name («Я» before «а» byte by byte; Latin before Cyrillic).
        let municipalities = [(id: y, name: "Ярский"), (id: x, name: "Ярский"), (id: z, name: "Z-район")]
        let lines = [
            line("Ярский", "S2", "Иванов"), line("Ярский", "S1", "ёж"), line("Ярский", "S1", "Яков"),
            line("Ярский", "S1", "Яков"), line("Z-район", "", "Б"), line("Ярский", "S1", "Яков"),
        ]
        let keys = [(y, "k1"), (x, "k9"), (y, "k2"), (x, "k3"), (z, "k"), (y, "k1#2")].map {
            (municipality: $0.0, key: $0.1)
        }
        var sorted = lines
        RegionDatabase.sort(&sorted, keys: keys, municipalities: municipalities)
        // «Я» (D0 AF) sorts before «ё» (D1 91); one person in both Ярские: x's (its bytes are
        // smaller) first, then y's by key.
        #expect(sorted == [lines[4], lines[3], lines[5], lines[2], lines[1], lines[0]])
    }

    @Test func theOrdersSortGivesTheSameLinesWhateverTheyCameIn() {
        // Many ties, shuffled 200 times: the lines are moved into place by swaps, and every
        // shuffle must give the order of a plain sort by the bytes.
        let ids = (1...3).map { UUID(uuidString: "00000000-0000-0000-0000-00000000000\($0)")! }
        let municipalities = [(id: ids[0], name: "Б"), (id: ids[1], name: "А"), (id: ids[2], name: "Б")]
        var generator = SeededGenerator(seed: 22)
        let rows = (0..<40).map { n -> (line: RegionOrderLine, key: (municipality: UUID, key: String)) in
            let m = n % 3
            let line = RegionOrderLine(
                municipality: municipalities[m].name, schoolCode: ["S1", "S2", ""][n % 5 % 3], schoolName: nil,
                person: ["Ёж", "Яков", "Анна", "ёж"][n % 4], reason: "\(n)", due: false, courseCode: nil,
                courseTitle: nil, provider: nil, hours: nil, topics: nil)
            return (line, (ids[m], "k\(n)"))
        }
        func bytes(_ row: (line: RegionOrderLine, key: (municipality: UUID, key: String))) -> [[UInt8]] {
            [
                Array(row.line.municipality.utf8), Array(row.line.schoolCode.utf8), Array(row.line.person.utf8),
                withUnsafeBytes(of: row.key.municipality.uuid) { Array($0) }, Array(row.key.key.utf8),
            ]
        }
        let expected = rows.sorted { a, b in
            bytes(a).lexicographicallyPrecedes(bytes(b)) { $0.lexicographicallyPrecedes($1) }
        }.map(\.line.reason)
        for _ in 0..<200 {
            let shuffled = rows.shuffled(using: &generator)
            var sorted = shuffled.map(\.line)
            RegionDatabase.sort(&sorted, keys: shuffled.map(\.key), municipalities: municipalities)
            #expect(sorted.map(\.reason) == expected)
        }
    }

    @Test func withoutPersonalDataNoNameBirthDateOrSNILSLeavesAndWithItTheyDo() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "UPDATE staff SET snils = '112-233-445 95' WHERE staff_id = 'SV-0002'")
        }
        _ = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        let names = try await RegionTestServer.texts(
            url, "SELECT full_name, snils, birth_date::text FROM nastavnik.person")
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { $0[0]?.hasPrefix("Работник ") == true && $0[1] == nil && $0[2] == nil })
        #expect(names.allSatisfy { $0[0] != "Ефимова Ольга Петровна" })
        // The pseudonyms are those `--pseudonymize` shows.
        let shown = try NastavnikDatabase(path: app.database.path!, pseudonymize: true, access: .read)
        let pseudonym = try shown.staff(schoolCode: "SV001", asOf: RegionFixture.asOf)
            .first { $0.staffID == "SV-0002" }?.fullName
        let sent = try await RegionTestServer.texts(
            url, "SELECT full_name FROM nastavnik.person WHERE key = 'id:SV-0002'")
        #expect(sent == [[pseudonym]])

        let personal = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: true)
        // A person's name travels in their needs too (r4): those change with the people.
        #expect(
            personal.changed == (try sqliteCount(app, "SELECT count(*) FROM staff"))
                + personal.tables.filter { ["pairing", "need"].contains($0.table) }.map(\.changed).reduce(0, +))
        #expect(personal.tables.first { $0.table == "need" }.map { $0.changed > 0 } == true)
        #expect(try await RegionPushTests.needsDisagreeingWithTheirPeopleOrSchools(url) == [["0", "0"]])
        let real = try await RegionTestServer.texts(
            url, "SELECT full_name, snils, birth_date::text FROM nastavnik.person WHERE key = 'id:SV-0002'")
        #expect(real == [["Ефимова Ольга Петровна", "112-233-445 95", "1973-12-08"]])
    }

    /// Runs `nastavnik region push` in a process of its own and kills it (SIGKILL) as soon as its
    /// session runs a statement like `pattern`; waits until the server has ended the dropped session
    /// (and rolled its transaction back). Whether it was killed before it ended on its own.
    func pushKilled(_ app: NastavnikApp, _ url: RegionURL, whileRunning pattern: String) async throws -> Bool {
        let process = Process()
        process.executableURL = try RegionTestServer.binary()
        process.arguments = [
            "region", "push", url.revealingPassword, "--db", app.database.path!, "--as-of", RegionFixture.asOf.russian,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let killed = try await RegionDatabase(url: url).withConnection { watcher in
            while process.isRunning {
                var seen = 0
                for try await n in try await watcher.query(
                    """
                    SELECT count(*)::int FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE \(pattern)
                    """, logger: RegionDatabase.logger
                ).decode(Int.self) { seen = n }
                if seen > 0 {
                    kill(process.processIdentifier, SIGKILL)
                    return true
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            return false
        }
        process.waitUntilExit()
        for _ in 0..<500 {
            let sessions = try await RegionTestServer.count(
                url,
                "SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if sessions == 0 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        return killed
    }

    @Test func aPushBrokenHalfWayLeavesTheRegionAsItWasAndTheNextOneCompletes() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let first = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "UPDATE school SET name = name || ' (2)'")
            try db.execute(sql: "DELETE FROM training WHERE id IN (SELECT id FROM training ORDER BY id LIMIT 5)")
        }
        let before = try await RegionTestServer.texts(
            url, "SELECT key, name, row_hash FROM nastavnik.school ORDER BY key")
        // Killed while its session is merging the staged rows: the server rolls the batch back.
        #expect(try await pushKilled(app, url, whileRunning: "%stage_training%"))
        #expect(
            try await RegionTestServer.texts(url, "SELECT key, name, row_hash FROM nastavnik.school ORDER BY key")
                == before)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.batch") == 1)
        #expect(try await app.regionPushes().map(\.batch) == [first.batch])
        let next = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(
            next.tables.first { $0.table == "school" }?.changed == (try sqliteCount(app, "SELECT count(*) FROM school"))
        )
        #expect(next.tables.first { $0.table == "training" }?.deleted == 5)
    }

    @Test func aFirstPushSendsEachTableAsItIsMadeAndADryRunOfItLeavesNothing() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let seen = StageLog()
        let dry = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false, dryRun: true) {
            await seen.add($0)
        }
        #expect(dry.dryRun && dry.added > 0 && dry.changed + dry.deleted + dry.unchanged == 0)
        for table in ["municipality", "batch", "school", "person", "training", "need"] {
            #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.\(table)") == 0)
        }
        // Each table copied once, and the snapshot's rows counted when it is whole.
        var stages = await seen.stages
        #expect(stages.last == .built(rows: dry.added))
        stages.removeLast()
        #expect(Set(stages.map { stage in if case .staged(let table, _) = stage { table } else { "" } }).count == 11)
        #expect(stages.count == 11)
        let real = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(real.tables == dry.tables && real.sha256 == dry.sha256 && !real.repeated)
    }

    @Test func aFirstPushCopiesATableBeforeTheNextIsEvenRead() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600001", name: "Проба", asOf: "2026-12-01", personalData: false)
        let schoolIn = StageLog()
        let receipt = try await RegionDatabase(url: url).push(
            snapshot, previousBatch: nil, progress: { await schoolIn.add($0) },
            tables: { _, emit in
                try emit(.school, [["S1", "Школа № 1", nil, nil, nil, nil]])
                // The other tables only once the school is in the region's table: a push that waited
                // for the whole snapshot before its first COPY would wait here (30 s, then fail).
                var waited = 0
                while await schoolIn.stages.isEmpty, waited < 3000 {
                    try await Task.sleep(for: .milliseconds(10))
                    waited += 1
                }
                guard await schoolIn.stages == [.staged(table: "school", rows: 1)] else {
                    throw RegionError("Школы не отправлены до чтения остальных таблиц.")
                }
                for table in RegionTable.all where table != .school { try emit(table, []) }
            })
        #expect(receipt.added == 1 && receipt.tables.count == RegionTable.all.count)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.school") == 1)
    }

    @Test func theTrainingsAreSentAsTheMunicipalDatabaseHasThem() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        // A person without a personnel number, an hour count with a fraction, a training without
        // a start, and one met twice.
        try RegionFixture.sqlite(app) { db in
            try db.execute(
                sql: """
                    UPDATE staff SET staff_id = NULL, person_key = 'nb:' || lower(full_name) || '|1980-01-01'
                    WHERE id = (SELECT staff_id FROM training ORDER BY id LIMIT 1);
                    UPDATE training SET hours = 1.5 WHERE id = (SELECT max(id) FROM training);
                    UPDATE training SET start_date = NULL WHERE id = (SELECT min(id) + 1 FROM training);
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status)
                    SELECT training_key || '-2', staff_id, course_id, start_date, end_date, status FROM training
                    WHERE id = (SELECT min(id) FROM training);
                    """)
        }
        _ = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        // As the rows were made before they were made from SQLite's bytes: the person's key (a
        // personnel number's, else «p:» and the pseudonym), the course, the start (else the end),
        // numbered when met again; every value as text, whole hours without a fraction.
        let secret = try app.database.pseudonymSecret()
        let expected = try await DatabaseQueue(path: app.database.path!).read { db -> [[String?]] in
            var expected: [[String?]] = []
            var seen: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT st.person_key, CASE WHEN c.code IS NOT NULL THEN 'code:' || c.code ELSE 'key:' || c.course_key END,
                        t.status, t.start_date, t.end_date, coalesce(t.hours, c.hours)
                    FROM training t JOIN staff st ON st.id = t.staff_id JOIN course c ON c.id = t.course_id ORDER BY t.id
                    """)
            {
                let personKey: String = row[0]
                let person =
                    personKey.hasPrefix("id:")
                    ? personKey : "p:" + NastavnikDatabase.pseudonym(of: personKey, secret: secret).dropFirst(9)
                let start: String? = row[3]
                let end: String? = row[4]
                let base = "\(person)|\(row[1] as String)|\(start ?? end ?? "")"
                seen[base, default: 0] += 1
                let hours = (row[5] as Double?).map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
                let values: [String?] = [
                    seen[base] == 1 ? base : base + "#\(seen[base]!)", person, row[1], row[2], start, end, hours,
                ]
                let body = values.map(RegionSnapshot.copyText).joined(separator: "\t")
                expected.append(values + [HexDigest.hex(SHA256.hash(data: Array(body.utf8)).prefix(16))])
            }
            return expected
        }
        let sent = try await RegionTestServer.texts(
            url,
            """
            SELECT key, person_key, course_key, status, start_date::text, end_date::text, hours::text, row_hash
            FROM nastavnik.training ORDER BY key COLLATE "C"
            """)
        #expect(expected.contains { ($0[1] ?? "").hasPrefix("p:") } && expected.contains { $0[6] == "1.5" })
        #expect(expected.contains { ($0[0] ?? "").hasSuffix("#2") })
        #expect(sent == expected.sorted { ($0[0] ?? "").utf8.lexicographicallyPrecedes(($1[0] ?? "").utf8) })
    }

    @Test func theRowsReadForTheRegionAreTheDatabasesValuesAsText() async throws {
        let app = try await fixture.demo()
        // NULLs, a person forgotten, a fractional and a whole number of hours.
        try RegionFixture.sqlite(app) { db in
            try db.execute(
                sql: """
                    UPDATE staff SET snils = NULL, birth_date = NULL, teaching_since = NULL WHERE id = (SELECT min(id) FROM staff);
                    UPDATE staff SET forgotten_at = '2026-01-01' WHERE id = (SELECT max(id) FROM staff);
                    UPDATE course SET hours = 1.5 WHERE id = (SELECT min(id) FROM course);
                    UPDATE course SET hours = 72 WHERE id = (SELECT max(id) FROM course);
                    """)
        }
        var persons: [RegionRows.Person] = []
        var courses: [[String?]] = []
        var tables = 0
        func each(_ part: RegionRows) {
            tables += 1
            switch part {
            case .persons(let rows): persons = rows
            case .courses(let rows): courses = rows
            default: break
            }
        }
        try app.database.regionRows(trainings: { _ in }, each)
        // The same rows through GRDB's own decoding.
        let (expectedPersons, expectedCourses) = try await DatabaseQueue(path: app.database.path!).read { db in
            let persons = try Row.fetchAll(
                db,
                sql: """
                    SELECT st.id, st.person_key, st.full_name, st.snils, st.birth_date, sc.code, st.position, st.position_kind,
                        st.teaching_since, st.last_training_end, st.forgotten_at IS NOT NULL
                    FROM staff st JOIN school sc ON sc.id = st.school_id
                    """
            ).map { row in
                RegionRows.Person(
                    rowID: row[0], personKey: row[1], fullName: row[2], snils: row[3], birthDate: row[4],
                    schoolCode: row[5], position: row[6], positionKind: row[7], teachingSince: row[8],
                    lastTrainingEnd: row[9], forgotten: row[10])
            }
            let courses = try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN code IS NOT NULL THEN 'code:' || code ELSE 'key:' || course_key END,
                        code, title, provider, hours, topics
                    FROM course
                    """
            ).map { row -> [String?] in
                (0..<6).map { i -> String? in
                    let value: DatabaseValue = row[i]
                    switch value.storage {
                    case .int64(let n): return String(n)
                    case .double(let d): return d == d.rounded() ? String(Int64(d)) : String(d)
                    case .string(let text): return text
                    case .null, .blob: return nil
                    }
                }
            }
            return (persons, courses)
        }
        #expect(tables == 8)
        #expect(persons == expectedPersons && persons.count > 100)
        #expect(persons.contains { $0.forgotten } && persons.contains { $0.snils == nil && $0.teachingSince == nil })
        #expect(courses == expectedCourses)
        #expect(courses.contains { $0[4] == "1.5" } && courses.contains { $0[4] == "72" })
    }

    @Test func aFirstPushCopiesATablesFirstRowsBeforeTheRestAreRead() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600009", name: "Проба", asOf: "2026-12-01", personalData: false)
        let receipt = try await RegionDatabase(url: url).push(snapshot, previousBatch: nil) { _, sink in
            var trainings = sink.writer(.training)
            // More than a piece of lines (a quarter of a megabyte).
            try Self.writeTrainings(&trainings)
            // The rest of the table only once the server is copying its first rows: a push that
            // waited for the whole table before its COPY would wait here (30 s, then fail).
            var waited = 0
            while try await RegionTestServer.texts(
                url, "SELECT tuples_processed::text FROM pg_stat_progress_copy WHERE tuples_processed > 0"
            ).isEmpty, waited < 3000 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            guard waited < 3000 else { throw RegionError("Первые строки таблицы не отправлены до её конца.") }
            try trainings.row(["last", "id:P0", "code:K1", "completed", nil, "2026-02-01", "36"])
            trainings.finish()
            for table in RegionTable.all where table != .training { try sink(table, []) }
        }
        #expect(receipt.added == 5_001)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.training") == 5_001)
    }

    @Test func aFirstPushAttachesATableBeforeTheNextIsRead() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600010", name: "Проба", asOf: "2026-12-01", personalData: false)
        let receipt = try await RegionDatabase(url: url).push(snapshot, previousBatch: nil) { _, sink in
            try sink(.training, [["P1|K1|2026-01-01", "id:P1", "code:K1", "completed", nil, "2026-01-01", "36"]])
            // The trainings are the first to attach: their partition's indexes are built while the
            // rest is still read (the attachment holds its lock on the regional table).
            var waited = 0
            while try await RegionTestServer.texts(
                url,
                """
                SELECT 1 FROM pg_locks WHERE relation = 'nastavnik.training'::regclass
                  AND mode = 'ShareUpdateExclusiveLock' AND granted
                """
            ).isEmpty, waited < 3000 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            guard waited < 3000 else { throw RegionError("Раздел обучения не присоединён до чтения остальных таблиц.") }
            for table in RegionTable.all where table != .training { try sink(table, []) }
        }
        #expect(receipt.added == 1)
        #expect(try await partitions(url, of: snapshot.municipalityID)["attached indexes"] == 13)
    }

    @Test func aTableBegunBeforeTheLastOneEndedIsRefusedAndNothingIsWritten() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600011", name: "Проба", asOf: "2026-12-01", personalData: false)
        await #expect(
            throws: RegionError("Таблица «Школы» начата прежде, чем кончилась «Обучение»; данные не отправлены.")
        ) {
            try await RegionDatabase(url: url).push(snapshot, previousBatch: nil) { _, sink in
                var trainings = sink.writer(.training)
                try Self.writeTrainings(&trainings)
                try sink(.school, [["S1", "Школа № 1", nil, nil, nil, nil]])
                trainings.finish()
                for table in RegionTable.all where table != .training && table != .school { try sink(table, []) }
            }
        }
        try await expectNothingWritten(url, snapshot.municipalityID, tables: ["school", "training"])
    }

    @Test func aFirstPushGivenATableTwiceIsRefusedAndNothingIsWritten() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600008", name: "Проба", asOf: "2026-12-01", personalData: false)
        await #expect(throws: RegionError("Таблица «Школы» передана в снимке дважды; данные не отправлены.")) {
            try await RegionDatabase(url: url).push(snapshot, previousBatch: nil) { _, emit in
                try emit(.school, [["S1", "Школа № 1", nil, nil, nil, nil]])
                for table in RegionTable.all { try emit(table, []) }
            }
        }
        try await expectNothingWritten(url, snapshot.municipalityID)
    }

    @Test func aSnapshotCutShortIsRefusedAndNothingIsWritten() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let snapshot = RegionSnapshot(
            municipalityID: UUID(), oktmo: "81600002", name: "Проба", asOf: "2026-12-01", personalData: false)
        // As a cancelled reading ends: some tables made, then the stream over without an error.
        await #expect(throws: RegionError.self) {
            try await RegionDatabase(url: url).push(snapshot, previousBatch: nil) { _, emit in
                try emit(.school, [["S1", "Школа № 1", nil, nil, nil, nil]])
                try emit(.course, [])
            }
        }
        try await expectNothingWritten(url, snapshot.municipalityID)
    }

    @Test func aBatchNoLongerTheLatestIsNotTakenForTheAnswerOfALostPush() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let first = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        // Its answer lost; a school renamed and pushed, that answer lost too; the name put back.
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "DELETE FROM region_push")
            try db.execute(sql: "UPDATE school SET name = name || ' (2)' WHERE code = 'SV001'")
        }
        let renamed = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(renamed.changed > 0 && !renamed.repeated)
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "DELETE FROM region_push")
            try db.execute(sql: "UPDATE school SET name = substr(name, 1, length(name) - 4) WHERE code = 'SV001'")
        }
        // The same snapshot after the same (no) previous batch as the first push: but the region
        // holds the renamed school since, so it is compared and put back, not answered as repeated.
        let back = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(!back.repeated && back.batch != first.batch)
        #expect(back.changed == renamed.changed && back.sha256 == first.sha256)
        let name = try await RegionTestServer.texts(url, "SELECT name FROM nastavnik.school WHERE key = 'SV001'")
        let stored = try await DatabaseQueue(path: app.database.path!).read {
            try String.fetchOne($0, sql: "SELECT name FROM school WHERE code = 'SV001'")
        }
        #expect(name == [[stored]])
    }

    @Test func theNeedsOfYearsBeyondTheBoundsAreRefused() async throws {
        let app = try await fixture.demo()
        #expect(throws: AppError("Год «2101» вне допустимых пределов.")) {
            try app.regionNeedAssignments(asOf: LocalDate(year: 2099, month: 3, day: 1)!)
        }
    }

    /// The stages a push went through, in order.
    actor StageLog {
        private(set) var stages: [RegionDatabase.PushStage] = []
        func add(_ stage: RegionDatabase.PushStage) { stages.append(stage) }
    }

    @Test func aFirstPushBrokenWhileCopyingLeavesTheRegionEmptyAndTheNextOneCompletes() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let dry = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false, dryRun: true)
        // Killed while its session copies a table straight into the region's.
        #expect(try await pushKilled(app, url, whileRunning: "COPY%"))
        for table in ["municipality", "batch", "school", "person", "course", "training", "need"] {
            #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.\(table)") == 0)
        }
        #expect(try await app.regionPushes().isEmpty)
        let next = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(next.tables == dry.tables && next.sha256 == dry.sha256)
        #expect(try await live(url, "training") == (try sqliteCount(app, "SELECT count(*) FROM training")))
    }

    @Test func oneMunicipalityPushingTwiceAtOnceMakesOneBatch() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        async let first = app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        async let second = app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        let (a, b) = try await (first, second)
        // The second waited for the first's lock, then found the same snapshot after the same
        // previous batch: the first's batch, answered with its receipt.
        #expect(a.batch == b.batch && a.repeated != b.repeated)
        #expect(a.added == b.added && a.added > 0)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.batch") == 1)
        #expect(try await live(url, "person") == (try sqliteCount(app, "SELECT count(*) FROM staff")))
        #expect(try await app.regionPushes().map(\.batch).allSatisfy { $0 == a.batch })
    }

    @Test func theNeedsOfThreeYearsAreTheThreeYearsTrainingOrders() async throws {
        let app = try await fixture.demo()
        let asOf = RegionFixture.asOf
        // Each year's order as `training order` draws it up alone; the demo has candidates in more than one year.
        var expected: [(Int, OrderAssignment)] = []
        for year in asOf.year...(asOf.year + 2) {
            expected += try await app.trainingOrder(year: year, asOf: asOf).assignments.map { (year, $0) }
        }
        let needs = try app.regionNeedAssignments(asOf: asOf)
        #expect(needs.count == expected.count && !needs.isEmpty)
        #expect(needs.map(\.year) == expected.map(\.0))
        #expect(needs.map(\.assignment) == expected.map(\.1))
        #expect(Set(needs.map(\.year)).count > 1)
    }

    @Test func theIndicatorsOfEveryYearAreEachYearsOwnReport() async throws {
        let app = try await fixture.demo()
        let asOf = RegionFixture.asOf
        let records = try app.database.indicatorRecords()
        var years = Set(records.baselines.map(\.year) + records.targets.map(\.year) + records.actuals.map(\.year))
        if let latest = try app.latestIndicatorYear(upTo: asOf.year) { years.insert(latest) }
        #expect(years.count > 1)
        // Each year's report as `indicators report --year` draws it up alone, from that year's inputs.
        var expected: [[String?]] = []
        for year in years.sorted() {
            for line in try await app.indicatorReport(year: year) {
                expected.append([
                    "\(line.indicator.code)|\(year)|\(line.schoolCode ?? "")",
                    line.baseline.map { NastavnikApp.number($0.value) }, line.target.map(NastavnikApp.number),
                    line.actual.map(NastavnikApp.number), line.onTrack.map { $0 ? "t" : "f" },
                ])
            }
        }
        let rows = try app.regionIndicatorRows(asOf: asOf)
        #expect(!expected.isEmpty && expected.contains { $0[3] != nil })
        #expect(rows.map { [$0[0], $0[6], $0[7], $0[8], $0[9]] } == expected)
    }

    @Test func aPushAfterTheFirstReadsItsSnapshotBeforeTakingTheMunicipalitysLock() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let id = UUID()
        let snapshot = RegionSnapshot(
            municipalityID: id, oktmo: "81600003", name: "Проба", asOf: "2026-12-01", personalData: false)
        @Sendable func emitAll(_ emit: RegionSnapshot.Sink, school name: String) throws {
            try emit(.school, [["S1", name, nil, nil, nil, nil]])
            for table in RegionTable.all where table != .school { try emit(table, []) }
        }
        let first = try await RegionDatabase(url: url).push(snapshot, previousBatch: nil) { _, emit in
            try emitAll(emit, school: "Школа № 1")
        }
        let lock =
            "SELECT pg_try_advisory_xact_lock(hashtextextended('nastavnik.push.\(id.uuidString.lowercased())', 0))::text"
        let second = try await RegionDatabase(url: url).push(snapshot, previousBatch: first.batch) { _, emit in
            // While the municipal database is still being read, another session can take the
            // municipality's lock: the push has neither it nor an open transaction. (One that
            // locked first would hold it within milliseconds of its start.)
            for _ in 0..<20 {
                guard try await RegionTestServer.texts(url, lock) == [["true"]] else {
                    throw RegionError("Блокировка муниципалитета взята до того, как снимок прочитан.")
                }
                try await Task.sleep(for: .milliseconds(25))
            }
            try emitAll(emit, school: "Школа № 1 (новое имя)")
        }
        #expect(second.changed == 1 && second.added == 0 && !second.repeated)
        #expect(
            try await RegionTestServer.texts(url, "SELECT name FROM nastavnik.school") == [["Школа № 1 (новое имя)"]])
    }

    @Test func aSecondTrainingOfOnePersonCourseAndStartIsNumbered() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        try RegionFixture.sqlite(app) { db in
            try db.execute(
                sql: """
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status)
                    SELECT training_key || '-2', staff_id, course_id, start_date, end_date, status FROM training
                    WHERE id = (SELECT min(id) FROM training)
                    """)
        }
        let receipt = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(
            receipt.tables.first { $0.table == "training" }?.added
                == (try sqliteCount(app, "SELECT count(*) FROM training")))
        let keys = try await RegionTestServer.texts(
            url,
            "SELECT key FROM nastavnik.training WHERE key LIKE '%#%' OR key || '#2' IN (SELECT key FROM nastavnik.training) ORDER BY key"
        )
        #expect(keys.count == 2)
        #expect(keys.count == 2 && keys[1][0] == keys[0][0].map { $0 + "#2" })
    }

    @Test func twoMunicipalitiesPushAtOnce() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let a = try await fixture.demo("a")
        let b = try await fixture.demo("b", oktmo: "81620000", title: "Второй район")
        async let first = a.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        async let second = b.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        let (ra, rb) = try await (first, second)
        #expect(ra.added == rb.added && ra.added > 0)
        #expect(try await live(url, "person", "81615000") == (try await live(url, "person", "81620000")))
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.municipality") == 2)
    }

    @Test func aWrongPasswordOrAnUnreachableServerIsARussianErrorAndNothingIsWritten() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        var wrong = url
        wrong.password = "неверный-пароль-42"
        let refusal = await #expect(throws: RegionError.self) {
            _ = try await app.regionPush(wrong, asOf: RegionFixture.asOf, personalData: false)
        }
        #expect(refusal?.message.contains("не впустила пользователя") == true)
        #expect(refusal?.message.contains("неверный-пароль-42") == false)
        var unreachable = url
        unreachable.port = 1
        unreachable.password = "секрет-99"
        let failure = await #expect(throws: RegionError.self) {
            _ = try await app.regionPush(unreachable, asOf: RegionFixture.asOf, personalData: false)
        }
        #expect(failure?.message.contains("Не удалось соединиться") == true)
        #expect(failure?.message.contains("секрет-99") == false)
        #expect(try await app.regionPushes().isEmpty)
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.municipality") == 0)
    }

    @Test func aRegionWithoutItsSchemaAndADatabaseWithoutIdentityAreRefused() async throws {
        let url = try await RegionTestServer.freshDatabase()
        let app = try await fixture.demo()
        let error = await #expect(throws: RegionError.self) {
            _ = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        }
        #expect(error?.message.contains("region init") == true)
        let anonymous = NastavnikApp(
            database: try NastavnikDatabase(path: fixture.directory.appendingPathComponent("x.sqlite").path))
        await #expect(throws: AppError.self) {
            _ = try await anonymous.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        }
    }

    @Test func aRegionOfTheFirstMigrationIsBroughtUpToDate() async throws {
        let url = try await RegionTestServer.freshDatabase()
        for statement in RegionSchema.bootstrap + RegionSchema.r1Snapshot.statements {
            try await RegionTestServer.execute(url, statement)
        }
        try await RegionTestServer.execute(url, "INSERT INTO nastavnik.region_migration (name) VALUES ('r1-snapshot')")
        #expect(
            try await RegionDatabase(url: url).initialize() == [
                "r2-no-municipality-checks", "r3-bytewise-keys", "r4-need-carries-names",
                "r5-needs-by-year-and-link", "r6-partitions-by-municipality",
            ])
        let receipt = try await fixture.demo().regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(receipt.added > 0 && receipt.changed == 0)
    }

    @Test func theRowsOfARegionBeforePartitionsMoveIntoTheirMunicipalitysPartitions() async throws {
        let url = try await RegionTestServer.freshDatabase()
        // The region as r5 left it.
        let before = RegionSchema.migrations.prefix { $0.name != RegionSchema.r6PartitionsByMunicipality.name }
        for statement in RegionSchema.bootstrap + before.flatMap(\.statements) {
            try await RegionTestServer.execute(url, statement)
        }
        for migration in before {
            try await RegionTestServer.execute(
                url, "INSERT INTO nastavnik.region_migration (name) VALUES ('\(migration.name)')")
        }
        // A municipality pushed under r5: its batch, two schools (one deleted since) and a need.
        let id = UUID()
        let m = id.uuidString.lowercased()
        for statement in [
            "INSERT INTO nastavnik.municipality (id, oktmo, name, last_batch) VALUES ('\(m)', '81600004', 'Проба', 'b1')",
            """
            INSERT INTO nastavnik.batch (id, municipality_id, schema_version, sha256, as_of, personal_data, added,
                changed, deleted, unchanged, counts)
            VALUES ('b1', '\(m)', 5, 'x', '2026-12-01', false, 3, 0, 0, 0, '{}')
            """,
            """
            INSERT INTO nastavnik.school (municipality_id, key, name, row_hash, batch_id, deleted_at)
            VALUES ('\(m)', 'S1', 'Школа № 1', 'h1', 'b1', NULL), ('\(m)', 'S2', 'Школа № 2', 'h2', 'b1', now())
            """,
            """
            INSERT INTO nastavnik.need (municipality_id, key, year, link, full_name, row_hash, batch_id)
            VALUES ('\(m)', '2027|id:1', 2027, 'L1', 'Иванова', 'h3', 'b1')
            """,
        ] {
            try await RegionTestServer.execute(url, statement)
        }
        #expect(try await RegionDatabase(url: url).initialize() == ["r6-partitions-by-municipality"])
        let schools = RegionDatabase.partitionName(.school, municipality: id)
        #expect(
            try await RegionTestServer.texts(
                url, "SELECT key, name, (deleted_at IS NOT NULL)::text FROM nastavnik.\(schools) ORDER BY key")
                == [["S1", "Школа № 1", "false"], ["S2", "Школа № 2", "true"]])
        #expect(
            try await RegionTestServer.texts(url, "SELECT key, link, full_name FROM nastavnik.need")
                == [["2027|id:1", "L1", "Иванова"]])
        // Every table partitioned, with a partition of the municipality each.
        #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM pg_partitioned_table") == 11)
        #expect(try await partitions(url, of: id) == ["tables": 11, "attached indexes": 13, "unattached indexes": 0])
        // The keys stay unique per municipality through the partition's index.
        await #expect(throws: (any Error).self) {
            try await RegionTestServer.execute(
                url,
                "INSERT INTO nastavnik.school (municipality_id, key, row_hash, batch_id) VALUES ('\(m)', 'S1', 'h', 'b2')"
            )
        }
    }

    /// 5,000 trainings, more than one piece of lines (a quarter of a megabyte).
    static func writeTrainings(_ trainings: inout RegionTableWriter) throws {
        for i in 0..<5_000 {
            try trainings.row(["P\(i)|K1|2026-01-01", "id:P\(i)", "code:K1", "completed", nil, "2026-01-01", "36"])
        }
    }

    /// Nothing of a refused push in the region: no municipality, batch or row of `tables`, no partition.
    func expectNothingWritten(_ url: RegionURL, _ municipality: UUID, tables: [String] = ["school"]) async throws {
        for table in ["municipality", "batch"] + tables {
            #expect(try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.\(table)") == 0)
        }
        #expect(try await partitions(url, of: municipality)["tables"] == 0)
    }

    /// A municipality's partitions of the regional tables, and their indexes attached to the tables' own.
    func partitions(_ url: RegionURL, of municipality: UUID) async throws -> [String: Int] {
        let hex = municipality.uuidString.lowercased().filter { $0 != "-" }
        let tables = try await RegionTestServer.count(
            url,
            """
            SELECT count(*)::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE c.relkind = 'r' AND c.relname LIKE '%\\_m\(hex)'
            """)
        // Indexes of the partitions that are not attached would be built twice, and not used.
        let unattached = try await RegionTestServer.count(
            url,
            """
            SELECT count(*)::text FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname LIKE '%\\_m\(hex)' AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = x.indexrelid)
            """)
        let attached = try await RegionTestServer.count(
            url,
            """
            SELECT count(*)::text FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_inherits i ON i.inhrelid = x.indexrelid WHERE t.relname LIKE '%\\_m\(hex)'
            """)
        return ["tables": tables, "attached indexes": attached, "unattached indexes": unattached]
    }

    @Test func aFirstPushLoadsAPartitionOfEachTableWithTheRegionsIndexes() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let app = try await fixture.demo()
        let receipt = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        let ids = try await RegionTestServer.texts(url, "SELECT id::text FROM nastavnik.municipality")
        let id = try #require(ids.first?.first.flatMap { $0 }.flatMap(UUID.init(uuidString:)))
        #expect(try await partitions(url, of: id) == ["tables": 11, "attached indexes": 13, "unattached indexes": 0])
        // The lines carry neither the municipality nor the batch: the partitions' defaults gave
        // every row both while they were loaded, and are gone.
        let stray = RegionTable.all.map {
            "(SELECT count(*) FROM nastavnik.\($0.name) WHERE municipality_id <> '\(id.uuidString.lowercased())' OR batch_id <> '\(receipt.batch)')"
        }.joined(separator: " + ")
        #expect(try await RegionTestServer.count(url, "SELECT (\(stray))::text") == 0)
        #expect(
            try await RegionTestServer.count(
                url,
                "SELECT count(*)::text FROM information_schema.columns WHERE table_schema = 'nastavnik' AND column_default IS NOT NULL AND table_name LIKE '%\\_m\(id.uuidString.lowercased().filter { $0 != "-" })'"
            ) == 0)
        #expect(
            try await RegionTestServer.count(
                url, "SELECT count(*)::text FROM nastavnik.\(RegionDatabase.partitionName(.training, municipality: id))"
            )
                == receipt.tables.first { $0.table == "training" }?.added)
        // A later push merges into them through the regional table (a school renamed), and a
        // deleted school is tested the same way by aPushAfterChangesCountsExactly….
        try RegionFixture.sqlite(app) { db in
            try db.execute(sql: "UPDATE school SET name = name || ' (2)' WHERE code = 'SV001'")
        }
        let next = try await app.regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        #expect(next.tables.first { $0.table == "school" }?.changed == 1)
        #expect(
            try await RegionTestServer.texts(
                url,
                "SELECT name FROM nastavnik.\(RegionDatabase.partitionName(.school, municipality: id)) WHERE key = 'SV001'"
            ).first?.first??.hasSuffix(" (2)") == true)
    }

    /// The needs whose person's link or name, or whose school's name, differ from what the
    /// municipality's people and schools say, and the needs without a name: both counts.
    static func needsDisagreeingWithTheirPeopleOrSchools(_ url: RegionURL) async throws -> [[String?]] {
        try await RegionTestServer.texts(
            url,
            """
            SELECT (SELECT count(*) FROM nastavnik.need n
                    JOIN nastavnik.person p ON p.municipality_id = n.municipality_id AND p.key = n.person_key
                    LEFT JOIN nastavnik.school s ON s.municipality_id = n.municipality_id AND s.key = n.school_code
                    WHERE n.link IS DISTINCT FROM p.link OR n.full_name IS DISTINCT FROM p.full_name
                        OR n.school_name IS DISTINCT FROM s.name)::text,
                (SELECT count(*) FROM nastavnik.need WHERE full_name IS NULL)::text
            """)
    }

    @Test func needsPushedBeforeTheyCarriedNamesAreFilledFromThePeopleAndSchools() async throws {
        // A region of r3 with needs as programs before r4 sent them: without the three columns.
        let url = try await RegionTestServer.initializedDatabase()
        _ = try await fixture.demo().regionPush(url, asOf: RegionFixture.asOf, personalData: false)
        try await RegionTestServer.execute(
            url, "ALTER TABLE nastavnik.need DROP COLUMN link, DROP COLUMN full_name, DROP COLUMN school_name")
        try await RegionTestServer.execute(
            url, "DELETE FROM nastavnik.region_migration WHERE name = 'r4-need-carries-names'")
        #expect(try await RegionDatabase(url: url).initialize() == ["r4-need-carries-names"])
        #expect(try await RegionTestServer.texts(url, "SELECT (count(*) > 0)::text FROM nastavnik.need") == [["true"]])
        #expect(try await Self.needsDisagreeingWithTheirPeopleOrSchools(url) == [["0", "0"]])
    }

    @Test func theSchemaIsMadeOnceAndTheDefaultAddressIsEncryptedWhenTheServerOffersIt() async throws {
        let url = try await RegionTestServer.freshDatabase()
        #expect(
            try await RegionDatabase(url: url).initialize() == [
                "r1-snapshot", "r2-no-municipality-checks", "r3-bytewise-keys", "r4-need-carries-names",
                "r5-needs-by-year-and-link", "r6-partitions-by-municipality",
            ])
        #expect(try await RegionDatabase(url: url).initialize() == [])
        // Only the batches keep their foreign key to the municipality (r2).
        let foreignKeys = try await RegionTestServer.texts(
            url,
            """
            SELECT c.relname::text FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
            WHERE k.contype = 'f' AND k.connamespace = 'nastavnik'::regnamespace
            """)
        #expect(foreignKeys == [["batch"]])
        // Keys compare byte by byte (r3).
        let collations = try await RegionTestServer.texts(
            url,
            """
            SELECT DISTINCT collation_name::text FROM information_schema.columns
            WHERE table_schema = 'nastavnik' AND column_name = 'key' AND table_name <> 'region_setting'
            """)
        #expect(collations == [["C"]])
        var prefer = url
        prefer.tls = .prefer
        let ssl = try await RegionTestServer.texts(
            prefer, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        #expect(ssl == [["true"]])
        var plain = url
        plain.tls = .disable
        #expect(
            try await RegionTestServer.texts(plain, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                == [["false"]])
    }
}

/// The report's queries on several sessions at once (`RegionDatabase.figures`): every session
/// reads the first one's snapshot, and the results come in the queries' order.
@Suite struct RegionReportSessionsTests {
    @Test func aRegionalSessionSortsInItsOwnMemoryAndCompilesNoPlan() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let settings = try await RegionDatabase(url: url).withConnection { c in
            var values: [String] = []
            for name in ["work_mem", "jit"] {
                for try await value in try await c.query(
                    "SELECT current_setting(\(name))", logger: RegionDatabase.logger
                ).decode(String.self) {
                    values.append(value)
                }
            }
            return values
        }
        #expect(settings == [RegionDatabase.workMemory, "off"])
    }

    @Test func sessionsOnAnExportedSnapshotDoNotSeeARowCommittedAfterIt() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let region = RegionDatabase(url: url)
        let seen = try await region.withConnection { c in
            try await RegionDatabase.inReadSnapshot(c) {
                var snapshot = ""
                for try await id in try await c.query("SELECT pg_export_snapshot()", logger: RegionDatabase.logger)
                    .decode(String.self)
                {
                    snapshot = id
                }
                // Committed by another connection after the snapshot was taken.
                try await RegionTestServer.execute(
                    url, "INSERT INTO nastavnik.region_setting (key, value) VALUES ('test.late', 'x')")
                return try await region.withSnapshotSessions(2, snapshot: snapshot) { sessions in
                    try await RegionDatabase.concurrently(
                        (0..<6).map { n in
                            { @Sendable c in
                                // The first jobs take longest: the later ones finish first on the other session.
                                var count = 0
                                for try await value in try await c.query(
                                    "SELECT count(*)::int FROM nastavnik.region_setting, pg_sleep(\(Double(6 - n) / 50))",
                                    logger: RegionDatabase.logger
                                ).decode(Int.self) {
                                    count = value
                                }
                                return "\(n):\(count)"
                            }
                        }, on: [c] + sessions)
                }
            }
        }
        let before = try await RegionTestServer.count(url, "SELECT count(*)::text FROM nastavnik.region_setting") - 1
        #expect(seen == (0..<6).map { "\($0):\(before)" })
    }
}
