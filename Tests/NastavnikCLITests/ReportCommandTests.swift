import Foundation
import Testing
import NastavnikReports
import NastavnikStore
@testable import NastavnikCLI

@Suite struct ReportCommandTests {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("demo.sqlite")
        let demo = await run(["demo", "--db", db, "--seeds", seedsPath, "--as-of", "22.11.2026"])
        precondition(demo.status == 0, demo.err)
    }

    @Test func municipalReportInHTMLHasEverySection() async throws {
        let result = await run(["report", "municipality", "--db", db, "--as-of", "22.11.2026"])
        #expect(result.status == 0, "\(result.err)")
        let html = result.out
        let wanted = [
            "<h2>" + Typography.html("Школы по статусам, кураторы и координаторы") + "</h2>",
            "<h2>" + Typography.html("Педагогические и руководящие кадры") + "</h2>",
            "<h2>" + Typography.html("Повышение квалификации за последние 3 года") + "</h2>",
            "<h2>" + Typography.html("Диагностика профессиональных дефицитов") + "</h2>",
            "<h2>" + Typography.html("Дорожная карта") + "</h2>",
            "Кравцова Елена Викторовна",
            "<figcaption>" + Typography.html("Дефициты по школам") + "</figcaption>",
            "<figcaption>" + Typography.html("Доля прошедших КПК за 3 года, по школам") + "</figcaption>",
            "<figcaption>" + Typography.html("Квалификационные категории по школам") + "</figcaption>",
            Typography.html("Молодые специалисты"),
            Typography.html("подготовка к ГИА"),
        ]
        // Booleans, not the report, go into a failure message: the report is long.
        for text in wanted {
            let found = html.contains(text)
            #expect(found, "\(text)")
        }
    }

    @Test func emptyDatabaseSaysSoInEverySection() async throws {
        let empty = sandbox.path("empty.sqlite")
        _ = try NastavnikDatabase(path: empty)
        let result = await run(["report", "municipality", "--db", empty, "--format", "md"])
        #expect(result.status == 0)
        #expect(result.out.contains("> Школы не загружены: nastavnik import schools ФАЙЛ."))
        #expect(result.out.contains("> Сведения о работниках не загружены."))
        #expect(result.out.contains("> Диагностика профессиональных дефицитов не проводилась или не загружена."))
        #expect(result.out.contains("> Дорожные карты не загружены: nastavnik import roadmap ФАЙЛ."))
    }

    @Test func workbookAndSchoolReportGoToPrivateFiles() async throws {
        let xlsx = sandbox.path("r.xlsx")
        let result = await run(["report", "municipality", "--db", db, "--format", "xlsx", "--output", xlsx])
        #expect(result.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: xlsx))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let attributes = try FileManager.default.attributesOfItem(atPath: xlsx)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let school = await run(["report", "school", "SV010", "--db", db, "--format", "md", "--as-of", "22.11.2026"])
        #expect(school.status == 0)
        #expect(school.out.hasPrefix("# Отчёт по школе: МБОУ «Заречная СОШ № 2» (SV010)"))
        #expect(school.out.contains("| Школа-куратор | SV009 МБОУ «Заречная СОШ № 1» |"))
        #expect(await run(["report", "school", "NOPE", "--db", db]).status == 1)
    }
}
