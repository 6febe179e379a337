import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikStore
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

/// The roadmap's pages: the list by direction with its filters, a term's card, the calendar and
/// the monitoring report, agreeing with the use cases the command line calls.
@Suite struct RoadmapRoutesTests {
    /// The figure «сроков в списке» of a roadmap page.
    static func listed(_ body: String) -> Int? {
        guard let range = body.range(of: "<span class=\"label\">сроков в списке</span>") else { return nil }
        let before = body[..<range.lowerBound]
        guard let open = before.range(of: "<span class=\"value\">", options: .backwards) else { return nil }
        return Int(before[open.upperBound...].prefix { $0 != "<" })
    }

    /// The calendar components of an .ics text: events (periods) and to-dos (deadlines).
    static func components(_ ics: String) -> Int {
        ics.components(separatedBy: "BEGIN:VEVENT").count + ics.components(separatedBy: "BEGIN:VTODO").count - 2
    }

    /// Loads a roadmap of the sandbox's school (`import roadmap --school SV010`).
    static func loadSchoolRoadmap(_ sandbox: WebSandbox) async throws {
        let file = sandbox.directory.path("school-roadmap.csv")
        try """
        № п/п;Мероприятие;Сроки;Ответственные;Планируемый результат
        Работа с кадрами;;;;
        1.;Методический семинар учителей начальных классов;Март 2027 года;Директор;Протокол
        2.;Анализ результатов ВПР;до 15.01.2027;Заместитель директора;Справка
        3.;Посещение уроков молодых педагогов;Октябрь 2026 года;Заместитель директора;Справка

        """.write(toFile: file, atomically: true, encoding: .utf8)
        var options = ImportOptions(today: WebSandbox.asOf)
        options.roadmap = RoadmapOptions(
            key: "sv010-2026", title: "Дорожная карта школы SV010", schoolCode: WebSandbox.school)
        let outcome = try await sandbox.app().importFile(kind: .roadmap, path: file, options: options)
        #expect(!outcome.failed)
    }

    @Test func theListShowsTheTermsByDirectionAsTheUseCaseReadsThem() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let all = try await app.occurrences(OccurrenceFilter(), asOf: .today())
        let overdue = try await app.occurrences(OccurrenceFilter(overdueOnly: true), asOf: .today())
        let borovsky = try await app.occurrences(
            OccurrenceFilter(roadmap: "borovsky-2020", responsible: "Васильева Т.Д."), asOf: .today())
        #expect(!borovsky.isEmpty && borovsky.count < all.count)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/roadmap")
            #expect(page.status == .ok)
            #expect(Self.listed(page.body) == all.count)
            #expect(page.body.contains(try #require(all.first?.direction)))
            #expect(page.body.contains("href=\"/roadmap/occurrences/\(all[0].id)\""))
            #expect(page.body.contains("href=\"/roadmap/calendar.ics\""))
            let late = try await client.request("/roadmap?overdue=1")
            #expect(Self.listed(late.body) == overdue.count)
            let filtered = try await client.request(
                "/roadmap?roadmap=borovsky-2020&responsible=" + WebClient.encode("Васильева Т.Д."))
            #expect(Self.listed(filtered.body) == borovsky.count)
            let csv = try await client.request(
                "/roadmap?roadmap=borovsky-2020&responsible=" + WebClient.encode("Васильева Т.Д.") + "&format=csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.contains("№ срока;№ п/п;Мероприятие"))
            for row in borovsky { #expect(csv.body.contains(row.activity.prefix(40))) }
            let xlsx = try await client.request("/roadmap?overdue=1&format=xlsx")
            #expect(xlsx.bytes.starts(with: Array("PK".utf8)))
            let sheet = try #require(try ZIPParts.read(xlsx.bytes)["xl/worksheets/sheet1.xml"])
            #expect(sheet.contains("№ срока"))
        }
    }

    @Test func badParametersAreRefusedInRussianNamingThem() async throws {
        try await WebSandbox.loggedIn(as: .specialist) { client in
            try await client.expectBadRequests([
                ("/roadmap?due-within=abc", "Параметр due-within"), ("/roadmap?due-within=0", "Параметр due-within"),
                ("/roadmap?status=забыто", "Параметр status"),
                ("/roadmap?roadmap=nope", "Параметр roadmap"), ("/roadmap?school=NOPE", "Параметр school"),
                ("/roadmap?overdue=maybe", "Параметр overdue"), ("/roadmap?format=pdf", "Параметр format"),
                ("/roadmap/calendar.ics?due-within=-5", "Параметр due-within"),
                ("/roadmap/report?period=когда-нибудь", "Параметр period"),
                ("/roadmap/report?period=2026Q4&format=pdf", "Параметр format"),
            ])
            #expect(try await client.request("/roadmap/occurrences/999999").status == .notFound)
            #expect(try await client.request("/roadmap/occurrences/abc").status == .notFound)
        }
    }

    @Test func theCalendarHasOneEventPerEntryOfTheUseCase() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let filter = OccurrenceFilter(roadmap: "zaigraevsky-2023", overdueOnly: true)
        let calendar = try await app.roadmapCalendar(filter, asOf: .today())
        let rows = try await app.occurrences(filter, asOf: .today())
        #expect(!calendar.entries.isEmpty)
        try await sandbox.test(as: .viewer) { client in
            let answer = try await client.request("/roadmap/calendar.ics?roadmap=zaigraevsky-2023&overdue=1")
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(answer.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(answer.body.hasPrefix("BEGIN:VCALENDAR"))
            let events = Self.components(answer.body)
            #expect(events == calendar.entries.count)
            // Without a recurring term each dated term shown is one event (a deadline a to-do).
            if rows.allSatisfy({ $0.recurrence == nil }) {
                #expect(events == rows.filter { $0.start != nil }.count)
            }
        }
    }

    @Test func aTermsCardShowsItsHistoryAndEvidence() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let row = try #require(try await app.occurrences(OccurrenceFilter(), asOf: .today()).first)
        _ = try await app.markOccurrence(
            id: row.id, status: .done, date: WebSandbox.asOf, evidence: "Приказ № 214 от 12.09.2026",
            note: "<script>alert(1)</script>", by: "Иванова И.И.")
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/roadmap/occurrences/\(row.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Приказ № 214 от 12.09.2026"))
            #expect(page.body.contains("Иванова И.И."))
            #expect(page.body.contains("выполнено"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>alert(1)"))
        }
    }

    @Test func theReportIsTheUseCasesInEveryFormat() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let period = try #require(ReportPeriod.parse("2023Q2"))
        let report = try await app.roadmapReport(period: period, periodText: "2023Q2", roadmap: nil)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/roadmap/report?period=2023Q2")
            #expect(page.status == .ok)
            #expect(page.body.contains(report.title))
            for section in report.sections { #expect(page.text.contains(section.title)) }
            #expect(page.body.contains("href=\"/roadmap/report?period=2023Q2&amp;format=docx\""))
            let html = try await client.request("/roadmap/report?period=2023Q2&format=html")
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.body.contains(report.title))
            let docx = try await client.request("/roadmap/report?period=2023Q2&format=docx")
            #expect(docx.bytes.starts(with: Array("PK".utf8)))
            #expect(try ZIPParts.read(docx.bytes)["word/document.xml"]?.contains("Мониторинг") == true)
            let xlsx = try await client.request("/roadmap/report?period=2023Q2&format=xlsx")
            #expect(xlsx.bytes.starts(with: Array("PK".utf8)))
            let md = try await client.request("/roadmap/report?period=2023Q2&format=md")
            #expect(md.body.contains(report.title))
            let current = try await client.request("/roadmap/report")
            #expect(current.status == .ok)
        }
    }

    @Test func aSchoolAccountSeesOnlyItsSchoolsTerms() async throws {
        let sandbox = try await WebSandbox()
        try await Self.loadSchoolRoadmap(sandbox)
        let app = try sandbox.app()
        let own = try await app.occurrences(OccurrenceFilter(schoolCode: WebSandbox.school), asOf: .today())
        // The school's roadmap's 3 terms and those of the demo's anti-risk programme of the
        // school (issue 21: a programme is a school roadmap, so the school sees it too).
        let programme = try await app.occurrences(OccurrenceFilter(roadmap: "programme-SV010-3"), asOf: .today())
        #expect(!programme.isEmpty && own.count == 3 + programme.count)
        #expect(
            own.allSatisfy {
                $0.schoolCode == WebSandbox.school && ["sv010-2026", "programme-SV010-3"].contains($0.roadmapKey)
            })
        let municipal = try #require(
            try await app.occurrences(OccurrenceFilter(roadmap: "borovsky-2020"), asOf: .today()).first)
        try await sandbox.test(as: .school) { client in
            let page = try await client.request("/roadmap")
            #expect(page.status == .ok)
            #expect(Self.listed(page.body) == own.count)
            #expect(page.body.contains("Методический семинар учителей начальных классов"))
            #expect(!page.body.contains(municipal.activity))
            #expect(!page.body.contains("name=\"school\""))  // no school to choose
            #expect(try await client.request("/roadmap/occurrences/\(own[0].id)").status == .ok)
            #expect(try await client.request("/roadmap/occurrences/\(municipal.id)").status == .forbidden)
            #expect(try await client.request("/roadmap?school=SV002").status == .forbidden)
            let calendar = try await client.request("/roadmap/calendar.ics")
            #expect(calendar.body.hasPrefix("BEGIN:VCALENDAR"))
            #expect(Self.components(calendar.body) == own.count)
            let report = try await client.request("/roadmap/report?period=2026")
            #expect(report.status == .ok)
            #expect(!report.body.contains(municipal.activity))
            let csv = try await client.request("/roadmap?format=csv")
            #expect(csv.body.contains("Анализ результатов ВПР"))
            #expect(!csv.body.contains(municipal.activity))
        }
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/roadmap?school=\(WebSandbox.school)")
            #expect(Self.listed(page.body) == own.count)
        }
    }
}
