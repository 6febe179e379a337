import Foundation
import NastavnikReports
import NastavnikStore
import Testing

@testable import NastavnikCLI

@Suite struct ReportCommandTests {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("demo.sqlite")
        let demo = await run(["demo", "--db", db, "--seeds", seedsPath, "--as-of", "22.11.2026"])
        try #require(demo.status == 0, "\(demo.err)")
    }

    @Test func municipalReportInHTMLHasEverySection() async throws {
        // With --full: the coordinators' table and the lists are the appendix since issue 18.
        let result = await run(["report", "municipality", "--db", db, "--as-of", "22.11.2026", "--full"])
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

    /// Issue 18: the printed report is the figures; the lists of people (the coordinators'
    /// table, the early-career teachers, the pairs) are in its appendix only under `--full`.
    @Test func listsOfPeopleAreAppendedOnlyUnderFull() async throws {
        let summary = await run(["report", "municipality", "--db", db, "--as-of", "22.11.2026"]).out
        let full = await run(["report", "municipality", "--db", db, "--as-of", "22.11.2026", "--full"]).out
        let appendix = "<h1 class=\"appendix\">Приложение</h1>"
        let personnelNumber = "SV-0021"
        #expect(!summary.contains(appendix))
        #expect(!summary.contains(personnelNumber))
        #expect(summary.contains(Typography.html("В отчёт не включены списки")))
        #expect(full.contains(appendix))
        #expect(full.contains(personnelNumber))
        #expect(full.contains("<h2>" + Typography.html("Действующие наставнические пары") + "</h2>"))
        #expect(full.contains("<section class=\"landscape\">"))
    }

    /// Issue 18: `--format csv|json` for both reports (refused before).
    @Test func reportsPrintCSVAndJSON() async throws {
        let csv = await run(["report", "municipality", "--db", db, "--as-of", "22.11.2026", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.err)")
        #expect(csv.out.hasPrefix("\u{FEFF}Школы по статусам, кураторы и координаторы\r\nСтатус;Школ\r\n"))
        #expect(csv.out.contains("\r\n\r\nДоля прошедших КПК за 3 года, по школам\r\nПоказатель;Доля\r\n"))
        #expect(!csv.out.contains("SV-0021"))
        let json = await run(["report", "school", "SV010", "--db", db, "--as-of", "22.11.2026", "--format", "json"])
        #expect(json.status == 0, "\(json.err)")
        let object = try jsonObject(json.out)
        #expect(object["title"] as? String == "Отчёт по школе: МБОУ «Заречная СОШ № 2» (SV010)")
        let sections = try #require(object["sections"] as? [[String: Any]])
        let card = try #require((sections.first?["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(card.first?["field"] as? String == "Статус")
        let full = await run([
            "report", "municipality", "--db", db, "--as-of", "22.11.2026", "--format", "json", "--full",
        ])
        let appendix = try #require(try jsonObject(full.out)["appendix"] as? [[String: Any]])
        #expect(appendix.contains { $0["title"] as? String == "Действующие наставнические пары" })
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

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct ReportRulesInForceTests {
    /// The municipal report of the sandbox's database as of 01.12.2026, in Markdown, through a file.
    static func municipalReport(_ sandbox: CLISandbox) async throws -> String {
        let file = sandbox.path("report.md")
        let result = await run([
            "report", "municipality", "--format", "md", "--output", file, "--as-of", "01.12.2026", "--db", sandbox.db,
        ])
        #expect(result.status == 0, "\(result.err)")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// The municipal report says the minimum hours the trained share was counted with: the
    /// setting `training.minimum_hours`, not a fixed «16 часов» (the old text said 16 whatever
    /// the setting, beside figures counted with 36).
    @Test func theReportNamesTheMinimumHoursInForce() async throws {
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            CSVFixture.staff([
                "T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002"
            ]),
        ])
        let db = sandbox.db
        #expect(await run(["settings", "set", "training.minimum_hours", "36", "--db", db]).status == 0)
        let text = try await Self.municipalReport(sandbox)
        #expect(text.contains("курсы от 36 ч"))
        #expect(!text.contains("от 16 часов"))
    }

    /// The title of the early-career table says the rule in force (settings staff.early_career.*):
    /// the old title said «до 35 лет в первые 3 года» whatever the settings.
    @Test func theReportNamesTheEarlyCareerRuleInForce() async throws {
        let sandbox = try await CLISandbox(importing: [CSVFixture.oneSchool])
        let db = sandbox.db
        #expect(await run(["settings", "set", "staff.early_career.age_limit", "30", "--db", db]).status == 0)
        #expect(
            await run(["settings", "set", "staff.early_career.conditions", "любое условие", "--db", db]).status == 0)
        #expect(
            await run([
                "import", "staff",
                sandbox.write(
                    "t.csv",
                    """
                    Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
                    T1;Учитель Анна;S1;учитель;математика;01.01.2000;01.09.2025

                    """), "--db", db,
            ]).status == 0)
        let text = try await Self.municipalReport(sandbox)
        #expect(text.contains("Молодые специалисты (до 30 лет или в первые 3 года педагогической работы"))
        #expect(!text.contains("до 35 лет"))
    }
}
