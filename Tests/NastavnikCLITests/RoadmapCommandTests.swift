import Foundation
import GRDB
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikCLI
@testable import NastavnikStore

@Suite struct RoadmapCommandTests: DatabaseSuite {
    let sandbox: CLISandbox
    let roadmapCSV = """
        № п/п;Мероприятие;Сроки;Ответственные;Планируемый результат
        Направление 1. Организация;;;;
        1;Анализ результатов;Сентябрь – октябрь 2023;Кравцова Е.В.;Справка
        2;Совещания;Ежеквартально;УО, Иванова А.П.;Протоколы
        3;Приказ о кураторах;До 01.12.2023;УО;Приказ
        Направление 2. Методическая работа;;;;
        4;Методический десант;По графику;ИМК;
        5;Семинары;Январь, апрель 2024;Петров И.С.;Программы
        6;Нечто;когда получится;УО;

        """

    init() async throws {
        sandbox = try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            (
                "staff",
                "Табельный номер;ФИО;Код ОО;Должность\nT1;Кравцова Елена Викторовна;S1;заместитель директора по УВР\nT2;Петров Иван Сергеевич;S1;учитель\n"
            ),
        ])
        let file = sandbox.write("plan-2023.csv", roadmapCSV)
        let result = await run([
            "import", "roadmap", file, "--db", db, "--period", "2023-2024", "--title", "План", "--format", "json",
        ])
        try #require(result.status == 0, "\(result.err + result.out)")
    }

    func list(_ extra: [String]) async throws -> [[String: Any]] { try await json(["roadmap", "list"] + extra) }

    @Test func importReadsTermsAndFlagsWhatItCannot() async throws {
        let logged = {
            await run(["audit", "--db", self.db, "--format", "json"]).out.components(separatedBy: "\"table\"").count
        }
        let before = await logged()
        let again = await run([
            "import", "roadmap", sandbox.path("plan-2023.csv"), "--db", db, "--period", "2023-2024", "--title", "План",
            "--format", "json",
        ])
        let summary = try jsonObject(again.out)
        #expect(summary["unchanged"] as? Int == 6)
        // Nothing changed, so the audit log has only the import's own record.
        #expect(await logged() == before + 1)
        let warnings = try #require(summary["warnings"] as? [[String: Any]])
        #expect(
            warnings.first?["message"] as? String == "срок не распознан и сохранён как текст, без дат (когда получится)"
        )
        #expect(warnings.first?["line"] as? Int == 9)
        let rows = try await list(["--as-of", "01.11.2023"])
        // 1 + 8 quarters + 1 + 1 + 2 + 1 occurrences.
        #expect(rows.count == 14)
        let first = rows[0]
        #expect(
            Set(first.keys) == [
                "id", "roadmap", "activity", "number", "direction", "term", "start", "end", "recurrence", "status",
                "responsible", "activity_id",
            ])
        #expect(first["activity"] as? String == "Анализ результатов")
        #expect(first["direction"] as? String == "Направление 1. Организация")
        #expect(first["start"] as? String == "2023-09-01")
        #expect(first["end"] as? String == "2023-10-31")
        #expect(first["recurrence"] is NSNull)
        #expect(first["status"] as? String == "overdue")
        let quarterly = rows.filter { $0["recurrence"] as? String == "quarterly" }
        #expect(quarterly.count == 8)
        let undated = rows.filter { $0["activity"] as? String == "Методический десант" }
        #expect(undated.count == 1)
        #expect(undated[0]["start"] is NSNull)
    }

    @Test func filtersDueOverdueAndResponsible() async throws {
        let due = try await list(["--as-of", "20.11.2023", "--due-within", "15"])
        #expect(due.map { $0["activity"] as? String } == ["Приказ о кураторах"])
        let month = try await list(["--as-of", "20.11.2023", "--due-within", "45"])
        #expect(month.map { $0["activity"] as? String } == ["Совещания", "Приказ о кураторах"])
        // Three quarters of 2023 have passed without their meetings marked done.
        let overdue = try await list(["--as-of", "20.11.2023", "--overdue"])
        #expect(
            overdue.map { $0["activity"] as? String } == ["Анализ результатов", "Совещания", "Совещания", "Совещания"])
        let petrov = try await list(["--responsible", "Петров"])
        #expect(petrov.count == 2)
        let kravtsova = try await list(["--responsible", "Кравцова Елена Викторовна"])
        #expect(kravtsova.map { $0["activity"] as? String } == ["Анализ результатов"])
    }

    @Test func markWithEvidenceKeepsHistoryAndSurvivesReimport() async throws {
        let rows = try await list(["--as-of", "20.11.2023"])
        let id = try #require(rows.first?["id"] as? Int)
        let refused = await run(["roadmap", "mark", String(id), "--status", "done", "--db", db])
        #expect(refused.status == 1)
        let done = await run([
            "roadmap", "mark", String(id), "--status", "done", "--evidence", "Справка № 5 от 30.10.2023", "--date",
            "30.10.2023", "--by", "Кравцова", "--db", db,
        ])
        #expect(done.status == 0, "\(done.err)")
        #expect(done.out == "Срок № \(id): «запланировано» → «выполнено», основание: Справка № 5 от 30.10.2023.\n")
        #expect(try await list(["--as-of", "20.11.2023"]).first?["status"] as? String == "done")
        _ = await run([
            "import", "roadmap", sandbox.path("plan-2023.csv"), "--db", db, "--period", "2023-2024", "--title", "План",
        ])
        #expect(try await list(["--as-of", "20.11.2023"]).first?["status"] as? String == "done")
        let history = await run(["roadmap", "history", String(id), "--db", db, "--format", "csv"])
        #expect(history.out.contains("выполнено;30.10.2023;Справка № 5 от 30.10.2023;;Кравцова"))
        #expect(await run(["roadmap", "mark", "99999", "--status", "done", "--evidence", "x", "--db", db]).status == 1)
        // A mark records what has happened: a date after today is refused and nothing is recorded.
        let future = LocalDate.today().adding(days: 1)
        let early = await run([
            "roadmap", "mark", String(id), "--status", "cancelled", "--evidence", "x", "--date", future.russian, "--db",
            db,
        ])
        #expect(early.status == 1 && early.err.contains("Дата отметки \(future.russian) ещё не наступила"))
        #expect(await run(["roadmap", "history", String(id), "--db", db, "--format", "csv"]).out == history.out)
        #expect(try await list(["--as-of", "20.11.2023"]).first?["status"] as? String == "done")
        #expect(await run(["roadmap", "mark", String(id), "--status", "просрочено", "--db", db]).status == 1)
    }

    /// A corrected term that still has a date keeps that date's status and history.
    @Test func theEvidenceFileIsStoredWithTheMarkOrAttachedAfterIt() async throws {
        let rows = try await list(["--as-of", "20.11.2023"])
        let id = try #require(rows.first?["id"] as? Int)
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        let scan = sandbox.path("скан.pdf")
        FileManager.default.createFile(atPath: scan, contents: Data(pdf))
        let page = sandbox.write("page.pdf", "<html>не PDF</html>")
        let refused = await run([
            "roadmap", "mark", String(id), "--status", "done", "--evidence", "Акт № 1", "--date", "30.10.2023",
            "--file", page, "--db", db,
        ])
        #expect(refused.status == 1 && refused.err.contains("Файл «page.pdf» — не PDF, DOCX, XLSX, JPG или PNG"))
        #expect(
            await run(["roadmap", "history", String(id), "--db", db, "--format", "csv"]).out.contains("Акт") == false)
        let done = await run([
            "roadmap", "mark", String(id), "--status", "done", "--evidence", "Акт № 1", "--date", "30.10.2023",
            "--file", scan, "--db", db,
        ])
        #expect(done.status == 0, "\(done.err)")
        #expect(done.out.hasSuffix(", основание: Акт № 1, файл «скан.pdf».\n"))
        let attached = await run(["roadmap", "attach", String(id), scan, "--db", db])
        #expect(attached.status == 0, "\(attached.err)")
        #expect(attached.out.hasPrefix("Срок № \(id): приложен файл «скан.pdf»"))
        let files = try NastavnikDatabase(path: db).evidenceFiles(occurrence: Int64(id))
        #expect(files.count == 2 && files.allSatisfy { $0.sha256 == HexDigest.sha256(pdf) })
        #expect(Set(files.map(\.statusChangeID)).count == 1)
        #expect(await run(["roadmap", "attach", String(id), sandbox.path("нет.pdf"), "--db", db]).status == 1)
    }

    @Test func aChangedTermKeepsTheStatusOfTheDatesItKeeps() async throws {
        let seminars = try #require(
            try await list(["--as-of", "20.11.2023"]).first { $0["activity"] as? String == "Семинары" })
        let id = try #require(seminars["id"] as? Int)
        #expect(
            await run([
                "roadmap", "mark", String(id), "--status", "done", "--evidence", "Программа", "--date", "31.01.2024",
                "--db", db,
            ]).status == 0)
        let extended = roadmapCSV.replacingOccurrences(of: "Январь, апрель 2024", with: "Январь, апрель, август 2024")
        let result = await run([
            "import", "roadmap", sandbox.write("plan-2023.csv", extended), "--db", db, "--period", "2023-2024",
            "--title", "План",
        ])
        #expect(result.status == 0, "\(result.err)")
        let after = try await list(["--as-of", "20.11.2023"]).filter { $0["activity"] as? String == "Семинары" }
        #expect(after.count == 3)
        #expect(after.first { $0["id"] as? Int == id }?["status"] as? String == "done")
        #expect(await run(["roadmap", "history", String(id), "--db", db, "--format", "csv"]).out.contains("Программа"))
    }

    /// An order dated on a day no calendar has was taken as an order without a date: the roadmap
    /// was stored and the «ended before the order» check silently skipped. Now it is refused,
    /// naming the option and the value, and nothing is written.
    @Test func anOrderDatedOnADayNoCalendarHasIsRefused() async throws {
        let file = sandbox.write("order.csv", roadmapCSV)
        let before = try await list(["--roadmaps"])
        let result = await run(["import", "roadmap", file, "--db", db, "--order", "Приказ УО от 31.02.2023 № 5"])
        #expect(result.status == 1)
        #expect(result.err.contains("В --order дата приказа «31.02.2023» не существует в календаре"))
        #expect(try await list(["--roadmaps"]).count == before.count)
        #expect(
            await run(["import", "roadmap", file, "--db", db, "--order", "Приказ УО от 28.02.2023 № 5"]).status == 0)
        #expect(try await list(["--roadmaps"]).count == before.count + 1)
    }

    /// A term over before the order was signed and a date no calendar has are warnings naming
    /// the line and the value; one person is found however the name is written.
    @Test func slipsOfADocumentAreWarnedAndOnePersonIsOneName() async throws {
        let csv = """
            № п/п;Мероприятие;Сроки;Ответственные
            1;Анализ;Июнь-август 2020;А.А.Шурыгина
            2;Отчёт;ежеквартально (до 10 числа месяца, следующего за кварталом);Шурыгина А.А., УО
            3;Совет;29 февраля 2021;А.А. Шурыгина
            4;Семинар;Сентябрь 2020;Шурыгина Анна Александровна
            5;Совещание;Октябрь 2020;Иванова А.А.
            6;Проверка;Ноябрь 2020;Петров И С, Е.В.Кравцова

            """
        let result = await run([
            "import", "roadmap", sandbox.write("slips.csv", csv), "--db", db, "--period", "2020-2021",
            "--order", "Приказ управления образования от «22» сентября 2020 г. № 803", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.err)")
        let warnings = try #require(try jsonObject(result.out)["warnings"] as? [[String: Any]])
        let byLine = Dictionary(
            warnings.map { ($0["line"] as? Int ?? 0, $0["message"] as? String ?? "") },
            uniquingKeysWith: { $0 + " | " + $1 })
        #expect(
            byLine[2]
                == "срок «Июнь-август 2020» закончился до утверждения дорожной карты приказом от 22.09.2020: 01.06.2020–31.08.2020 — проверьте срок"
        )
        // A term without a year falls from the order's day on: the report on the third quarter of 2020 first.
        #expect(byLine[3] == nil, "\(byLine)")
        #expect(
            byLine[4]
                == "срок не распознан (даты 29 февраля 2021 нет в календаре) и сохранён как текст, без дат (29 февраля 2021)"
        )
        #expect(byLine[5] == nil && byLine[6] == nil && byLine[7] == nil)
        let deadlines = try await list(["--roadmap", "slips", "--as-of", "01.10.2020"]).filter {
            $0["activity"] as? String == "Отчёт"
        }
        #expect(
            deadlines.compactMap { $0["end"] as? String } == [
                "2020-10-10", "2021-01-10", "2021-04-10", "2021-07-10", "2021-10-10", "2022-01-10",
            ])
        for spelling in ["Шурыгина А.А.", "А.А.Шурыгина", "А. А. Шурыгина", "Шурыгина Анна Александровна"] {
            let found = await Set(
                try list(["--roadmap", "slips", "--responsible", spelling]).compactMap { $0["activity"] as? String })
            #expect(found == ["Анализ", "Отчёт", "Совет", "Семинар"], "\(spelling)")
        }
        // Linked to staff by the same normalisation: initials without dots, and written first.
        let links = try await NastavnikDatabase(path: db).writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT ar.name, s.staff_id FROM activity_responsible ar JOIN activity a ON a.id = ar.activity_id
                    LEFT JOIN staff s ON s.id = ar.staff_id WHERE a.text = 'Проверка' ORDER BY ar.name
                    """
            ).map { "\($0[0] as String)=\(($0[1] as String?) ?? "-")" }
        }
        #expect(links == ["Е.В.Кравцова=T1", "Петров И С=T2"])
        // The quarterly report counts her once, under the spelling met first.
        let report = await run([
            "roadmap", "report", "--period", "2020Q4", "--roadmap", "slips", "--db", db, "--format", "md",
        ])
        #expect(report.status == 0, "\(report.err)")
        let byResponsible = report.out.components(separatedBy: "## По ответственным").last ?? ""
        #expect(
            byResponsible.components(separatedBy: "\n").filter { $0.contains("Шурыгин") } == [
                "| А.А.Шурыгина | 0 | 3 | 0 |"
            ], "\(byResponsible)")
    }

    /// The seed transcriptions: Ставрополь 6.3 is there; Яковлевский 6, 7 and 13 carry the year of
    /// their column and nothing from before the order; the seeds' own slips are warned.
    @Test func seedRoadmapsAreWholeAndTheirSlipsWarned() async throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seeds/roadmaps")
        let index = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: seeds.appendingPathComponent("index.json")))
                as? [[String: Any]])
        var warned: [String: [String]] = [:]
        for entry in index {
            let file = try #require(entry["file"] as? String)
            var arguments = [
                "import", "roadmap", seeds.appendingPathComponent(file).path, "--db", db, "--format", "json",
                "--period", try #require(entry["period"] as? String),
            ]
            if let order = entry["order"] as? String { arguments += ["--order", order] }
            let result = await run(arguments)
            #expect(result.status == 0, "\(file): \(result.err)")
            warned[file] = (try jsonObject(result.out)["warnings"] as? [[String: Any]] ?? []).compactMap {
                $0["message"] as? String
            }
        }
        let yakovlevsky = warned["yakovlevsky-2020-2022.csv"] ?? []
        // Июнь-август 2020 (item 2) and август 2020 (items 4, 5, 8, 14): before 22.09.2020.
        #expect(
            yakovlevsky.filter { $0.hasPrefix("срок «Июнь-август 2020» закончился до утверждения") }.count == 1,
            "\(yakovlevsky)")
        #expect(
            yakovlevsky.filter { $0.hasPrefix("срок «август 2020» закончился до утверждения") }.count == 4,
            "\(yakovlevsky)")
        // Items 1 and 3 repeat their 2020 term under 2021 and 2022, items 2 and 14 their 2021 term under 2022.
        #expect(yakovlevsky.filter { $0.hasPrefix("строка повторяет строку") }.count == 6, "\(yakovlevsky)")
        #expect(
            yakovlevsky.contains(
                "строка повторяет строку 3: то же мероприятие с тем же сроком «Сентябрь – октябрь 2020» — проверьте срок"
            ))
        #expect(yakovlevsky.count == 11, "\(yakovlevsky)")
        let rows = try await list(["--roadmap", "yakovlevsky-2020-2022", "--as-of", "01.10.2020"])
        for number in ["6", "7", "13"] {
            let items = rows.filter { $0["number"] as? String == number }
            #expect(items.count == 3, "\(number)")
            #expect(
                items.allSatisfy { ($0["end"] as? String ?? "") >= "2020-09-22" },
                "\(number): \(items.map { $0["term"] ?? "" })")
        }
        #expect(
            try await list(["--roadmap", "stavropol-2020"]).contains {
                $0["number"] as? String == "6.3." && $0["term"] as? String == "ежегодно"
            })
        // Боровский: «Март - апрель 2020 года» and «февраль 2020 года» precede the order of 30.11.2020.
        #expect((warned["borovsky-2020.csv"] ?? []).count == 2, "\(warned["borovsky-2020.csv"] ?? [])")
        // Минусинск has no order: «Апрель, май 2019» precedes its period (2020–2021).
        #expect(
            warned["minusinsk-2020-2021.csv"] == [
                "срок «Апрель, май 2019» закончился до начала периода дорожной карты (01.01.2020): "
                    + "01.04.2019–30.04.2019, 01.05.2019–31.05.2019 — проверьте срок"
            ])
    }

    @Test func responsibleNamesLinkToStaff() throws {
        let database = try NastavnikDatabase(path: db)
        let links = try database.writer.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT ar.name, s.staff_id FROM activity_responsible ar LEFT JOIN staff s ON s.id = ar.staff_id ORDER BY ar.name"
            )
            .map { "\($0[0] as String)=\(($0[1] as String?) ?? "-")" }
        }
        #expect(links.contains("Кравцова Е.В.=T1"))
        #expect(links.contains("Петров И.С.=T2"))
        #expect(links.contains("УО=-"))
    }

    /// Imports a roadmap of activities and terms as roadmap `key` and returns its calendar.
    func calendar(key: String, period: String, rows: [(String, String)]) async throws -> String {
        let text =
            (["№ п/п;Мероприятие;Сроки"] + rows.enumerated().map { "\($0.offset + 1);\($0.element.0);\($0.element.1)" })
            .joined(separator: "\n") + "\n"
        let file = sandbox.write("\(key).csv", text)
        #expect(await run(["import", "roadmap", file, "--db", db, "--period", period, "--title", key]).status == 0)
        let ics = sandbox.path("\(key).ics")
        #expect(await run(["roadmap", "calendar", "--db", db, "--roadmap", key, "--output", ics]).status == 0)
        return try String(contentsOfFile: ics, encoding: .utf8)
    }

    /// A one-off date beside a yearly month («01.09.2025, май» over three years) is an event of
    /// its own, and the Mays one series.
    @Test func aOneOffDateBesideASeriesKeepsBoth() async throws {
        let calendar = try await calendar(key: "my", period: "2025-2027", rows: [("Семинар", "01.09.2025, май")])
        #expect(calendar.contains("DTSTART;VALUE=DATE:20250901\r\nDTEND;VALUE=DATE:20250902"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20250501\r\nDTEND;VALUE=DATE:20250601"))
        #expect(calendar.contains("RRULE:FREQ=YEARLY;COUNT=3\r\n"))
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
    }

    /// A yearly term naming two months is two dated events, not one series repeating the first.
    @Test func aYearlyTermOfTwoMonthsIsTwoEvents() async throws {
        let calendar = try await calendar(
            key: "sy", period: "2025/26",
            rows: [("Мониторинг", "2 раза в год (декабрь, май)"), ("Отчёт", "раз в полугодие")])
        #expect(calendar.contains("SUMMARY:1. Мониторинг\r\nDESCRIPTION:Срок: 2 раза в год (декабрь\\, май)"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20251201\r\nDTEND;VALUE=DATE:20260101"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20260501\r\nDTEND;VALUE=DATE:20260601"))
        // The school year's halves differ in length: two events as well.
        #expect(calendar.contains("DTSTART;VALUE=DATE:20250901\r\nDTEND;VALUE=DATE:20260101"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260601"))
        #expect(!calendar.contains("RRULE"))
        // Halves of 181 and 184 days: no rule repeats the first one's length, so each is an event
        // (a series of the first's length would end the second on 28 December).
        let halves = try await self.calendar(key: "cy", period: "2026", rows: [("Отчёт", "раз в полугодие")])
        #expect(halves.contains("DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260701"))
        #expect(halves.contains("DTSTART;VALUE=DATE:20260701\r\nDTEND;VALUE=DATE:20270101"))
        #expect(!halves.contains("RRULE"))
        // Months of one length in every year: one series.
        let series = try await self.calendar(
            key: "my2", period: "2025-2027", rows: [("Отчёт", "май 2025 года, далее ежегодно")])
        #expect(series.contains("DTSTART;VALUE=DATE:20250501\r\nDTEND;VALUE=DATE:20250601"))
        #expect(series.contains("RRULE:FREQ=YEARLY;COUNT=3\r\n"))
    }

    /// A term belongs to a school by its activity's «Код ОО» or, without one, by its roadmap's
    /// `--school`, or by a responsible person who works there (this suite's other roadmaps name
    /// S1's people); the web's school accounts and filters read this.
    @Test func termsBelongToTheSchoolTheirActivityOrRoadmapNames() async throws {
        let own = sandbox.write(
            "s1.csv", "№ п/п;Мероприятие;Сроки\n1;Педсовет;Март 2024\n2;Открытые уроки;Апрель 2024\n")
        #expect(await run(["import", "roadmap", own, "--db", db, "--title", "Школа S1", "--school", "S1"]).status == 0)
        let mixed = sandbox.write(
            "mixed.csv", "№ п/п;Мероприятие;Сроки;Код ОО\n1;Семинар в школе;Май 2024;S1\n2;Совещание в УО;Май 2024;\n")
        #expect(await run(["import", "roadmap", mixed, "--db", db, "--title", "Смешанная"]).status == 0)
        let app = NastavnikApp(database: try NastavnikDatabase(path: db))
        let date = LocalDate(year: 2024, month: 4, day: 10)!
        let school = try await app.occurrences(OccurrenceFilter(schoolCode: "S1"), asOf: date)
        let ofS1 = school.filter { $0.schoolCode == "S1" }
        #expect(ofS1.map(\.activity) == ["Педсовет", "Открытые уроки", "Семинар в школе"])
        // The others are terms of S1's people, in roadmaps of no school.
        #expect(school.filter { $0.schoolCode != "S1" }.allSatisfy { $0.schoolCode == nil && $0.responsible != nil })
        let all = try await app.occurrences(OccurrenceFilter(), asOf: date)
        #expect(all.filter { $0.schoolCode == nil }.count == all.count - 3)
        #expect(try await app.occurrences(OccurrenceFilter(schoolCode: "S2"), asOf: date).isEmpty)
        let overdue = try await app.occurrences(OccurrenceFilter(overdueOnly: true), asOf: date)
        #expect(try await app.occurrences(OccurrenceFilter(status: .overdue), asOf: date) == overdue)
        let inProgress = try await app.occurrences(OccurrenceFilter(status: .inProgress, schoolCode: "S1"), asOf: date)
        #expect(inProgress.filter { $0.schoolCode == "S1" }.map(\.activity) == ["Открытые уроки"])
        #expect(inProgress.allSatisfy { $0.status == .inProgress })
        // One term by its number, as the lists read it; an unknown number is «не найдено».
        #expect(try await app.occurrence(id: school[0].id, asOf: date) == school[0])
        await #expect(throws: StoreError.self) { try await app.occurrence(id: 987_654, asOf: date) }
        let calendar = try await app.roadmapCalendar(OccurrenceFilter(schoolCode: "S1"), asOf: date)
        #expect(
            Set(["1. Педсовет", "1. Семинар в школе", "2. Открытые уроки"]).isSubset(
                of: calendar.entries.map(\.summary)))
        let period = LocalDate(year: 2024, month: 1, day: 1)!...LocalDate(year: 2024, month: 6, day: 30)!
        let report = try await app.roadmapReport(
            period: period, periodText: "2024H1", roadmap: nil, schoolCode: "S1")
        let text = MarkdownRenderer().render(report)
        #expect(text.contains("Семинар в школе") && !text.contains("Совещание в УО"))
    }

    @Test func calendarAndQuarterlyReport() async throws {
        let ics = sandbox.path("plan.ics")
        #expect(await run(["roadmap", "calendar", "--db", db, "--output", ics]).status == 0)
        let calendar = try String(contentsOfFile: ics, encoding: .utf8)
        #expect(calendar.contains("BEGIN:VTODO"))
        #expect(calendar.contains("DUE;VALUE=DATE:20231201"))
        // Quarters of 90 to 92 days are eight events, not a series that would end them on the wrong day.
        #expect(!calendar.contains("RRULE"))
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count - 1 == 11)

        let report = await run(["roadmap", "report", "--period", "2023Q4", "--db", db, "--format", "md"])
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.contains("# Мониторинг дорожной карты за 2023Q4"))
        #expect(report.out.contains("| Должны были завершиться в периоде | 3 |"))
        #expect(report.out.contains("## Предстоит в следующем квартале (01.01.2024 — 31.03.2024)"))
        #expect(report.out.contains("| Кравцова Е.В. |"))
        // «когда получится» is neither ongoing nor by a schedule: it is listed to be given dates.
        #expect(report.out.contains("| Мероприятий без дат (постоянно, по графику) | 1 |"))
        #expect(report.out.contains("| Мероприятий с нераспознанным сроком | 1 |"))
        #expect(report.out.contains("## Срок не распознан: уточните даты"))
        #expect(report.out.contains("| Направление 2. Методическая работа | 6 | Нечто | когда получится | УО |"))
        let csv = await run(["roadmap", "report", "--period", "IV квартал 2023", "--db", db, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix("\u{FEFF}Показатель;Значение"))
        #expect(await run(["roadmap", "report", "--period", "когда-нибудь", "--db", db]).status == 1)
    }
}

/// `Scripts/check-calendar`: the demo's five seed roadmaps written as .ics and expanded by a real
/// RFC 5545 implementation (Python's icalendar and dateutil), compared date by date with the
/// tool's occurrences. Runs where python3 has both modules (Debian: python3-icalendar
/// python3-dateutil); elsewhere it is skipped, and says so.
@Suite struct CalendarCheckScriptTests {
    static func shell(_ arguments: [String]) -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (127, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let available: Bool = shell(["python3", "-c", "import icalendar, dateutil.rrule"]).status == 0

    @Test(
        .enabled(
            if: available,
            "пропущено: нужен python3 с модулями icalendar и python-dateutil (apt-get install python3-icalendar python3-dateutil)"
        ))
    func seedRoadmapsCalendarExpandsToTheToolsDates() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("demo.sqlite")
        #expect(await run(["demo", "--db", db, "--seeds", seedsPath, "--as-of", "01.12.2020"]).status == 0)
        // Done and cancelled occurrences inside series: out of the series (EXDATE), on their own.
        let rows = try NastavnikDatabase(path: db).occurrences(asOf: LocalDate(year: 2020, month: 12, day: 1)!)
        let series = RoadmapCalendarBuilder.entries(rows).filter { $0.rule != nil }.prefix(4)
        #expect(series.count == 4)
        for (n, entry) in series.enumerated() {
            let activity = entry.uid.split(separator: "-")[1].split(separator: "@")[0]
            let members = rows.filter { String($0.activityID) == activity }
            for (o, status) in [(members[1], "done")] + (n % 2 == 1 ? [(members[0], "cancelled")] : []) {
                #expect(
                    await run([
                        "roadmap", "mark", String(o.id), "--db", db, "--status", status, "--evidence", "Приказ № 1",
                        "--date", "01.12.2020",
                    ]).status == 0)
            }
        }
        let ics = sandbox.path("roadmaps.ics")
        #expect(await run(["roadmap", "calendar", "--db", db, "--output", ics]).status == 0)
        let list = await run(["roadmap", "list", "--db", db, "--format", "json", "--as-of", "01.12.2020"])
        let json = sandbox.write("occurrences.json", list.out)
        let result = Self.shell(["python3", "Scripts/check-calendar", "--compare", ics, json])
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.contains("календарь совпадает со сроками"), "\(result.out)")
        #expect(try String(contentsOfFile: ics, encoding: .utf8).contains("EXDATE;VALUE=DATE:"))

        // The check can fail: a calendar that keeps a done occurrence inside its series.
        let text = try String(contentsOfFile: ics, encoding: .utf8)
        let broken = text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("EXDATE") }.joined(separator: "\r\n")
        let wrong = Self.shell([
            "python3", "Scripts/check-calendar", "--compare", sandbox.write("broken.ics", broken), json,
        ])
        #expect(wrong.status == 1, "\(wrong.out)")
        #expect(wrong.out.contains("лишнее в календаре"), "\(wrong.out)")
    }
}
