import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore
import Testing

/// A school's page: on the demonstration municipality it agrees with the card, the report's
/// figures and the lists; on small files, its status history and roadmap items follow the imports.
@Suite struct NastavnikAppSchoolPageTests {
    let asOf = LocalDate(year: 2026, month: 11, day: 22)!

    @Test func theDemoSchoolsPageAgreesWithTheCardTheReportAndTheLists() async throws {
        let sandbox = try AppSandbox()
        guard case .loaded = try await sandbox.app.loadDemo(seeds: AppSandbox.seeds, asOf: asOf) else {
            Issue.record("the demo did not load")
            return
        }
        let app = sandbox.app
        // SV010: НОР, curated by SV009, with mentoring pairs and two diagnostic campaigns.
        _ = try await app.generatePlans(year: "2026/27", schoolCode: "SV010", asOf: asOf)
        let page = try await app.schoolPage(code: "SV010", asOf: asOf)
        let detail = try await app.school(code: "SV010", asOf: asOf)
        #expect(page.detail == detail)
        #expect(!detail.curatedBy.isEmpty)
        // The curating side lists the same pairs (read by the v13 index of the curating school).
        for pair in detail.curatedBy {
            let curator = try await app.school(code: pair.curatorSchoolCode, asOf: asOf)
            #expect(curator.curates.contains(pair) && !curator.curatedBy.contains(pair))
        }
        #expect(try app.database.pairings().filter { $0.schoolCode == "SV010" } == detail.curatedBy)

        // Staff as the municipal and school reports count them.
        let reportFigures = try app.database.municipalData(asOf: asOf, schoolCode: "SV010").staff.first
        #expect(page.staff == reportFigures)
        #expect(page.staff.total == detail.staffCount && page.staff.total > 0)
        #expect(page.staff.byExperience.reduce(0, +) == page.staff.total)
        #expect(page.staff.byCategory.values.reduce(0, +) == page.staff.total)
        #expect(page.staff.byKind == detail.staffByKind)
        let indicators = try await app.staffIndicators(asOf: asOf, schoolCode: "SV010")
        #expect(page.staff.trained == indicators.total.trained && page.staff.trainingBase == indicators.total.staff)

        // The statuses came with the demo's schools file: one change, to what is in force.
        #expect(page.statusHistory.count == 1)
        #expect(page.statusHistory.last?.statuses == detail.school.statuses)
        #expect(page.statusHistory.last?.added == detail.school.statuses)
        #expect(page.statusHistory.last?.actor == AuditActor.systemUser())

        // Each campaign as `diagnostics summary --campaign` counts it.
        #expect(page.deficits.count == 2)
        #expect(page.deficits.map(\.date) == page.deficits.map(\.date).sorted())
        for column in page.deficits {
            let summary = try await app.diagnosticsSummary(schoolCode: "SV010", campaign: column.date.iso)
            #expect(summary.schools.rows.first?.contains(.integer(column.diagnosed)) == true)
            for (topic, n) in column.byTopic {
                #expect(summary.deficits.rows.contains { $0.prefix(2) == [.text(topic), .integer(n)] })
            }
        }
        #expect(page.deficits.contains { !$0.byTopic.isEmpty })

        let plans = try await app.plans(schoolCode: "SV010")
        #expect(page.plans == plans && !plans.isEmpty)
        let pairs = try await app.mentorships(activeOn: asOf).filter {
            $0.mentorSchool == "SV010" || $0.menteeSchool == "SV010"
        }
        #expect(page.mentorships == pairs && !pairs.isEmpty)

        // The demo links no responsible name to its staff: the school's own terms are those of its
        // anti-risk programme (issue 21: a programme is the school's roadmap); the activities of
        // «Руководители ОО» concern it.
        #expect(!page.roadmap.isEmpty && page.roadmap.allSatisfy { $0.roadmapKey == "programme-SV010-3" })
        #expect(!page.concerning.isEmpty)
        #expect(page.concerning.allSatisfy { SchoolResponsibility.namesSchools($0.responsible) })
        #expect(page.concerning.allSatisfy { [.planned, .inProgress, .overdue].contains($0.status) })
        // The open ones read in SQL (`openOnly`) are the open ones by the effective status.
        let open: Set<OccurrenceStatus> = [.planned, .inProgress, .overdue]
        let naming = try app.database.occurrences(OccurrenceFilter(namingSchools: true), asOf: asOf)
        #expect(page.concerning.map(\.id) == naming.filter { open.contains($0.status) }.map(\.id))
        // A done and a cancelled term leave the list; the others stay.
        let (done, cancelled) = (page.concerning[0].id, page.concerning[1].id)
        _ = try await app.markOccurrence(id: done, status: .done, date: asOf, evidence: "Акт", note: nil, by: "тест")
        _ = try await app.markOccurrence(
            id: cancelled, status: .cancelled, date: asOf, evidence: nil, note: nil, by: "тест")
        let after = try await app.schoolPage(code: "SV010", asOf: asOf)
        #expect(after.concerning.map(\.id) == page.concerning.map(\.id).filter { $0 != done && $0 != cancelled })

        let card = SchoolPageTables.card(page)
        #expect(
            card.more.map(\.0) == [
                "status_history", "staff_by_kind", "staff_by_category", "staff_by_experience", "deficits", "plans",
                "mentoring", "roadmap", "roadmap_concerning",
            ])
        #expect(
            card.fields.prefix(SchoolTables.card(detail).fields.count).map(\.0)
                == SchoolTables.card(detail).fields.map(\.0))
        #expect(page.figures.first { $0.link == .plans(schoolCode: "SV010") }?.count == plans.count)
    }

    @Test func theStatusHistoryFollowsTheImports() async throws {
        let fixture = try AppFixture(staff: nil, diagnostics: nil)
        let header = "Код ОО;Наименование ОО;Статус\n"
        #expect(try await fixture.app.schoolPage(code: "A", asOf: asOf).statusHistory.isEmpty)
        try fixture.load(.schools, header + "A;Школа А;НОР\nB;Школа Б;\n")
        try fixture.load(.schools, header + "A;Школа А;ЗПР\nB;Школа Б;\n")
        // The same statuses again: the import writes nothing, the history has no new change.
        try fixture.load(.schools, header + "A;Школа А;ЗПР\nB;Школа Б;\n")
        let history = try await fixture.app.schoolPage(code: "A", asOf: asOf).statusHistory
        #expect(history.map(\.added) == [[.lowResults], [.highRisk]])
        #expect(history.map(\.removed) == [[], [.lowResults]])
        #expect(history.map(\.statuses) == [[.lowResults], [.highRisk]])
        #expect(history.allSatisfy { $0.actor == AuditActor.systemUser() })
        #expect(try await fixture.app.schoolPage(code: "B", asOf: asOf).statusHistory.isEmpty)
        let table = SchoolPageTables.statusHistory(try await fixture.app.schoolPage(code: "A", asOf: asOf))
        #expect(table.rows.map { $0[1] } == [.list(["НОР"]), .list(["ЗПР"])])
    }

    @Test func theSchoolsRoadmapItemsAreItsPeoplesAndItsOwnRoadmaps() async throws {
        let fixture = try AppFixture(
            staff: AppFixture.staff + "F1;Федотова Наталья Эдуардовна;A;заместитель директора;высшая\n",
            diagnostics: nil)
        let rows = """
            № п/п;Мероприятие;Сроки;Ответственные;Планируемый результат
            1;Совещание координаторов;До 15.12.2026;Федотова Н.Э.;Протокол
            2;Самоанализ школ;До 20.12.2026;Руководители ОО;Отчёт
            3;Мониторинг;До 25.12.2026;Управление образования;Справка

            """
        let importer = Importer(database: fixture.database)
        var options = ImportOptions(today: asOf, importedBy: "tests")
        options.roadmap = RoadmapOptions(title: "Муниципальная карта")
        #expect(try importer.run(path: fixture.write("rm.csv", rows), kind: .roadmap, options: options).errors.isEmpty)
        options.roadmap = RoadmapOptions(title: "Карта школы Б", schoolCode: "B")
        let own =
            "№ п/п;Мероприятие;Сроки;Ответственные;Планируемый результат\n1;Педсовет;До 10.12.2026;Директор;Решение\n"
        #expect(try importer.run(path: fixture.write("b.csv", own), kind: .roadmap, options: options).errors.isEmpty)

        let a = try await fixture.app.schoolPage(code: "A", asOf: asOf)
        #expect(a.roadmap.map(\.activity) == ["Совещание координаторов"])
        // B's own roadmap's «Директор» is B's director, not every school's.
        #expect(a.concerning.map(\.activity) == ["Самоанализ школ"])
        let b = try await fixture.app.schoolPage(code: "B", asOf: asOf)
        #expect(b.roadmap.map(\.activity) == ["Педсовет"])
        #expect(b.concerning.map(\.activity) == ["Самоанализ школ"])
        let c = try await fixture.app.schoolPage(code: "C", asOf: asOf)
        #expect(c.roadmap.isEmpty)
        // The filter is `roadmap list`'s too.
        let listed = try await fixture.app.occurrences(OccurrenceFilter(schoolCode: "A"), asOf: asOf)
        #expect(listed == a.roadmap)
        #expect(SchoolPageTables.roadmap(a).rows.count == 1)
    }

    @Test func anUnknownSchoolIsRefusedInRussian() async throws {
        let fixture = try AppFixture(staff: nil, diagnostics: nil)
        await #expect(throws: AppError("Школа с кодом «Z» не найдена.")) {
            try await fixture.app.schoolPage(code: "Z", asOf: asOf)
        }
    }
}
