import Foundation
import NastavnikCore
import NastavnikTestSupport
import Testing

@testable import NastavnikCLI

/// `nastavnik programmes` (issue 21): a programme drafted from the catalogue, read back, scheduled
/// and reported as a roadmap, its errors, the schools' documents and the support linked to factors.
@Suite struct ProgrammesCommandTests: DatabaseSuite {
    let sandbox: CLISandbox
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds").path

    init() async throws {
        sandbox = try await CLISandbox(importing: [CSVFixture.schools("S1;Школа № 1", "S2;Школа № 2")])
    }

    /// The catalogue's measures of `factor` as a draft for 2026/27 writes them.
    func catalogueMeasures(_ factor: RiskFactor) throws -> [RoadmapEntry] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.seeds + "/programmes/catalogue.json"))
        let template = try #require(try ProgrammeCatalogue.decode(data).template(for: factor))
        return try #require(template.entries(schoolYear: 2026, schoolCode: "S1"))
    }

    func draft(_ school: String, factor: String, to name: String, _ extra: [String] = []) async throws -> String {
        let path = sandbox.path(name)
        let result = await run(
            [
                "programmes", "draft", school, "--factor", factor, "--year", "2026/27", "--output", path, "--seeds",
                Self.seeds, "--db", db,
            ] + extra)
        try #require(result.status == 0, "\(result.err)")
        return path
    }

    func importProgramme(_ path: String, _ extra: [String] = []) async throws -> [String: Any] {
        let result = await run(["programmes", "import", path, "--db", db, "--format", "json"] + extra)
        try #require(result.status == 0, "\(result.err)")
        return try jsonObject(result.out)
    }

    func show(_ school: String, asOf: String = "01.12.2026", _ extra: [String] = []) async throws -> [String: Any] {
        let result = await run(["programmes", "show", school, "--as-of", asOf, "--db", db, "--format", "json"] + extra)
        try #require(result.status == 0, "\(result.err)")
        return try jsonObject(result.out)
    }

    @Test(arguments: ["xlsx", "csv"])
    func aDraftReadsBackToTheSameMeasures(format: String) async throws {
        let path = try await draft("S1", factor: "3", to: "p.\(format)")
        let first = try await importProgramme(path)
        let expected = try catalogueMeasures(.teacherCompetence)
        #expect(first["added"] as? Int == expected.count)
        let measures = try #require(try await show("S1")["measures_1"] as? [[String: Any]])
        #expect(measures.map { $0["activity"] as? String } == expected.map(\.text))
        #expect(measures.map { $0["term"] as? String } == expected.map(\.term))
        #expect(measures.map { $0["indicator"] as? String } == expected.map(\.indicator))
        #expect(measures.map { $0["result"] as? String } == expected.map(\.result))
        #expect(measures.map { $0["responsible"] as? String } == expected.map(\.responsible))
        #expect(measures.map { $0["task"] as? String } == expected.map(\.direction))
        #expect(measures.map { $0["number"] as? String } == expected.map(\.number))
        // Read again: nothing changes.
        let again = try await importProgramme(path)
        #expect(again["unchanged"] as? Int == expected.count)
        #expect(again["added"] as? Int == 0 && again["changed"] as? Int == 0)
        let list = try await json(["programmes", "list", "--as-of", "01.12.2026"])
        #expect(list.count == 1)
        #expect(list.first?["factor"] as? Int == 3)
        #expect(list.first?["key"] as? String == "programme-S1-3")
        #expect(list.first?["measures"] as? Int == expected.count)
    }

    @Test func aDocxDraftIsForReading() async throws {
        let path = try await draft("S1", factor: "Дефицит педагогических кадров", to: "p.docx")
        let word = try WordDocument(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let paragraphs = word.blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.text }
            return nil
        }
        let cells = word.blocks.flatMap { block -> [String] in
            if case .table(let t) = block { return t.rows.flatMap { $0 } }
            return []
        }
        #expect(paragraphs.contains("Антирисковая программа «Дефицит педагогических кадров»"))
        #expect(paragraphs.contains { $0.hasPrefix("Задача 3. Закрепить молодых") })
        let expected = try catalogueMeasures(.staffShortage)
        for measure in expected {
            #expect(cells.contains(measure.text) && cells.contains(measure.term) && cells.contains(measure.indicator!))
        }
        let refused = await run(
            [
                "programmes", "draft", "S1", "--factor", "11", "--output", sandbox.path("x.docx"), "--seeds",
                Self.seeds,
                "--db", db,
            ])
        #expect(refused.status != 0)
        #expect(refused.err.contains("«11» — не фактор риска"))
        let noSchool = await run(
            [
                "programmes", "draft", "S9", "--factor", "3", "--output", sandbox.path("x.docx"), "--seeds", Self.seeds,
                "--db", db,
            ])
        #expect(noSchool.err.contains("Школа с кодом «S9» не найдена."))
    }

    /// A programme's measures are a roadmap's activities: scheduled, marked, overdue and reported.
    @Test func measuresAreScheduledMarkedAndReportedAsARoadmap() async throws {
        _ = try await importProgramme(try await draft("S1", factor: "3", to: "p.csv"))
        let terms = try await json(["roadmap", "list", "--roadmap", "programme-S1-3", "--as-of", "01.12.2026"])
        // 5 measures of one term, quarterly meetings and monthly visits over the school year.
        #expect(terms.count > 7)
        let first = try #require(terms.first)
        #expect(first["start"] as? String == "2026-09-01")
        let overdue = try await json(["roadmap", "list", "--overdue", "--as-of", "01.12.2026"])
        #expect(overdue.contains { ($0["activity"] as? String)?.hasPrefix("Диагностика профессиональных") == true })
        let id = try #require(first["id"] as? Int)
        let marked = await run([
            "roadmap", "mark", String(id), "--status", "выполнено", "--evidence", "Справка № 5", "--date",
            "30.10.2026", "--db", db,
        ])
        #expect(marked.status == 0, "\(marked.err)")
        let listed = try await json(["programmes", "list", "--as-of", "01.12.2026"])
        #expect(listed.first?["done"] as? Int == 1)
        #expect((listed.first?["overdue"] as? Int ?? 0) >= 1)
        let report = await run([
            "programmes", "report", "--period", "2026Q4", "--db", db, "--format", "md",
        ])
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.contains("Мониторинг антирисковых программ за 2026Q4"))
        #expect(report.out.contains("По школам и факторам риска"))
        #expect(report.out.contains("Составление индивидуальных образовательных маршрутов"))
        // A plain roadmap's report still has no programme section.
        let roadmap = await run(["roadmap", "report", "--period", "2026Q4", "--db", db, "--format", "md"])
        #expect(!roadmap.out.contains("По школам и факторам риска"))
        #expect(roadmap.out.contains("Составление индивидуальных образовательных маршрутов"))
    }

    @Test func importErrorsNameLineColumnAndValueAndWriteNothing() async throws {
        let file = sandbox.write(
            "bad.csv",
            """
            Код ОО;Фактор риска;Задача;Мероприятие;Сроки;Показатель
            S1;3;Задача 1;Диагностика;Октябрь 2026;Доля, %
            S1;12;Задача 1;Семинар;Ноябрь 2026;Число
            S2;3;Задача 2;Курсы;Декабрь 2026;Доля, %

            """)
        let result = await run(["programmes", "import", file, "--db", db])
        #expect(result.status != 0)
        #expect(result.err.contains("bad.csv:3: столбец «Фактор риска»: «12» — не фактор риска"))
        #expect(result.err.contains("bad.csv:4: столбец «Код ОО»: в строке 2 код ОО «S1», а здесь другой (S2)"))
        #expect(try await json(["programmes", "list"]).isEmpty)
        let noFactor = sandbox.write("nofactor.csv", "Мероприятие;Сроки\nДиагностика;Октябрь 2026\n")
        let refused = await run(["programmes", "import", noFactor, "--school", "S1", "--db", db])
        #expect(refused.err.contains("не указан фактор риска программы"))
        let clash = await run([
            "programmes", "import",
            sandbox.write("f.csv", "Фактор риска;Мероприятие;Сроки\n3;Диагностика;Октябрь 2026\n"),
            "--school", "S1", "--factor", "2", "--db", db,
        ])
        #expect(clash.err.contains("а в параметре --factor — 2"))
        #expect(try await json(["programmes", "list"]).isEmpty)
    }

    /// A school's file in Windows-1251 with the school and factor given as options.
    @Test func aWindows1251FileWithOptionsImports() async throws {
        let text =
            "№ п/п;Задача;Мероприятие;Сроки;Ответственные;Показатель\n1.1;Поддержка;Занятия;Ежемесячно;Педагог-психолог;Число занятий\n"
        let path = sandbox.path("cp.csv")
        var lossy = false
        try Data(Windows1251.encode(text, lossy: &lossy)).write(to: URL(fileURLWithPath: path))
        #expect(!lossy)
        let summary = try await importProgramme(path, ["--school", "S2", "--factor", "6", "--year", "2026/27"])
        #expect(summary["added"] as? Int == 1)
        let shown = try await show("S2", [])
        let measures = try #require(shown["measures_1"] as? [[String: Any]])
        #expect(measures.first?["indicator"] as? String == "Число занятий")
        #expect(measures.first?["status"] as? String == "выполнено 0 из 12, просрочено 3")
    }

    @Test func documentsAreRecordedAndListed() async throws {
        let recorded = await run([
            "programmes", "document", "S1", "--kind", "концепция", "--title", "Концепция развития", "--date",
            "29.08.2025", "--number", "112", "--period", "2025-2030", "--db", db,
        ])
        #expect(recorded.status == 0, "\(recorded.err)")
        #expect(recorded.out.contains("запись внесена"))
        let again = await run([
            "programmes", "document", "S1", "--kind", "концепция", "--title", "Концепция развития", "--date",
            "29.08.2025", "--number", "112", "--period", "2025-2030", "--db", db,
        ])
        #expect(again.out.contains("без изменений"))
        let documents = try await json(["programmes", "documents", "S1"])
        #expect(documents.count == 1)
        #expect(documents.first?["kind"] as? String == "концепция развития")
        #expect(documents.first?["period"] as? String == "2025–2030")
        #expect(documents.first?["number"] as? String == "112")
        let badKind = await run([
            "programmes", "document", "S1", "--kind", "приказ", "--title", "X", "--date", "01.09.2025", "--db", db,
        ])
        #expect(badKind.err.contains("--kind: «приказ»"))
        let badSchool = await run([
            "programmes", "document", "S9", "--kind", "программа", "--title", "X", "--date", "01.09.2025", "--db", db,
        ])
        #expect(badSchool.status != 0)
        let school = await run(["report", "school", "S1", "--db", db, "--format", "md"])
        #expect(school.out.contains("Антирисковые программы и документы развития"), "\(school.err)")
        #expect(school.out.contains("Концепция развития"))
    }

    @Test func theCuratorsSupportAddressesTheSchoolsProgrammeFactors() async throws {
        _ = try await importProgramme(try await draft("S1", factor: "3", to: "p.csv"))
        let curators = sandbox.write(
            "curators.csv", "Код ОО;Код школы-куратора;Куратор\nS1;S2;Иванова Анна Петровна\n")
        let assigned = await run(["import", "curators", curators, "--db", db])
        try #require(assigned.status == 0, "\(assigned.err)")
        let pairs = try await json(["curators", "list"])
        #expect(pairs.first?["risk_factors"] as? String == "3")
        let shown = try await show("S1")
        let support = try #require(shown["support_1"] as? [[String: Any]])
        #expect(support.first?["support"] as? String == "Школа-куратор")
        #expect((support.first?["detail"] as? String)?.contains("Иванова Анна Петровна") == true)
    }
}
