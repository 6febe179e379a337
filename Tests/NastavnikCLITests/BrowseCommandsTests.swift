import Foundation
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// `schools list|show` and `staff list|show`.
@Suite struct BrowseCommandsTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static let files: [(String, String)] = [
        ("schools", "Код ОО;Наименование ОО;Статус\nS1;Первая;эффективная\nS2;Вторая;НОР\n"),
        CSVFixture.staffWithCategories([
            "T1;Иванова Анна;S2;учитель;математика;01.01.1980;01.09.2002;высшая",
            #"T2;Петров Пётр;S2;учитель;"физика; астрономия";01.01.2000;01.09.2025;"#,
        ]),
        ("curators", "Код ОО;Код школы-куратора;Муниципальный координатор\nS2;S1;Кравцова Е.В.\n"),
        (
            "trainings",
            "Табельный номер;Код программы;Организатор;Часы;Дата окончания\nT1;Курс А;ИРО;36;01.03.2025\n"
        ),
    ]

    @Test func schoolsListInEveryFormat() async throws {
        let table = await run(["schools", "list", "--db", db])
        #expect(table.status == 0)
        #expect(
            table.out.contains(
                "\nS2      Вторая                       НОР          нет                                           2  S1\n"
            ))
        let csv = await run(["schools", "list", "--db", db, "--format", "csv"])
        #expect(csv.out.hasPrefix("\u{FEFF}Код ОО;Наименование;"))
        #expect(csv.out.contains("S2;Вторая;;НОР;нет;;2;S1\r\n"))
        let json = await run(["schools", "list", "--db", db, "--format", "json", "--status", "НОР"])
        let rows = try jsonArray(json.out)
        #expect(rows.count == 1)
        #expect(rows[0]["code"] as? String == "S2")
        #expect(rows[0]["curators"] as? [String] == ["S1"])
        #expect(rows[0]["staff"] as? Int == 2)
    }

    @Test func schoolShow() async throws {
        let json = await run(["schools", "show", "S2", "--db", db, "--format", "json", "--as-of", "22.11.2026"])
        let object = try jsonObject(json.out)
        #expect(object["curated_by"] as? [String] == ["S1 Первая"])
        #expect(object["coordinator"] as? [String] == ["Кравцова Е.В."])
        #expect(object["trained_share"] as? Double == 50)
        let missing = await run(["schools", "show", "S9", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.err == "Ошибка: Школа с кодом «S9» не найдена.\n")
    }

    @Test func schoolShowFullAddsThePagesBlocks() async throws {
        let json = await run([
            "schools", "show", "S2", "--full", "--db", db, "--format", "json", "--as-of", "22.11.2026",
        ])
        #expect(json.status == 0)
        let object = try jsonObject(json.out)
        // The short card's fields stay as they were.
        #expect(object["curated_by"] as? [String] == ["S1 Первая"])
        #expect(object["trained_share"] as? Double == 50)
        let byExperience = object["staff_by_experience"] as? [[String: Any]]
        #expect(byExperience?.map { $0["staff"] as? Int } == [1, 0, 0, 1, 0, 1])
        let history = object["status_history"] as? [[String: Any]]
        #expect(history?.count == 1)
        #expect(history?.first?["added"] as? [String] == ["НОР"])
        let table = await run(["schools", "show", "S2", "--full", "--db", db, "--as-of", "22.11.2026"])
        #expect(table.out.contains("Работники по стажу"))
        #expect(table.out.contains("История статуса"))
        let short = await run(["schools", "show", "S2", "--db", db, "--format", "json", "--as-of", "22.11.2026"])
        #expect(try jsonObject(short.out)["status_history"] == nil)
    }

    @Test func staffListAndCard() async throws {
        let json = await run([
            "staff", "list", "--school", "S2", "--db", db, "--format", "json", "--as-of", "22.11.2026",
        ])
        let rows = try jsonArray(json.out)
        #expect(rows.map { $0["staff_id"] as? String } == ["T1", "T2"])
        #expect(rows[1]["early_career"] as? Bool == true)
        #expect(rows[1]["subjects"] as? [String] == ["физика", "астрономия"])
        #expect(rows[0]["trained_within_3_years"] as? Bool == true)
        let card = await run(["staff", "show", "T1", "--db", db, "--as-of", "22.11.2026"])
        #expect(card.status == 0)
        #expect(card.out.contains("Иванова Анна"))
        #expect(card.out.contains("Курс А (вне каталога)"))
        #expect(card.out.contains("Диагностику не проходил(а)."))
        let byName = await run(["staff", "show", "петров пётр", "--db", db, "--format", "json"])
        #expect(try jsonObject(byName.out)["staff_id"] as? String == "T2")
        #expect(await run(["staff", "show", "T9", "--db", db]).status == 1)
    }
}

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct StaffListTrainingStatusTests {
    /// `staff list` and `staff show` count trainings as `training status` does: completed, of the
    /// minimum hours in force (setting training.minimum_hours), ended by the date. The old list
    /// counted any completed training (an 8-hour webinar made «КПК за 3 года: да») and the old card
    /// used 16 hours whatever the setting.
    @Test func theStaffListAndCardAgreeWithTrainingStatus() async throws {
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            CSVFixture.staff([
                "T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002",
                "T2;Учитель Борис;S1;учитель;физика;01.01.1980;01.09.2002",
            ]),
            (
                "trainings",
                """
                Табельный номер;Код программы;Организатор;Часы;Дата начала;Дата окончания;Статус;Номер удостоверения
                T1;W8;ИРО;8;01.03.2025;02.03.2025;завершено;111
                T2;W24;ИРО;24;01.03.2025;05.03.2025;завершено;112

                """
            ),
        ])
        let db = sandbox.db
        #expect(await run(["settings", "set", "training.minimum_hours", "36", "--db", db]).status == 0)
        let list = await run(["staff", "list", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        let rows = try jsonArray(list.out)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { ($0["trained_within_3_years"] as? Bool) == false })
        let status = await run(["training", "status", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        let lines = try jsonArray(status.out)
        #expect(lines.allSatisfy { ($0["trained_within_3_years"] as? Bool) == false })
        let card = await run(["staff", "show", "T2", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        #expect(card.status == 0, "\(card.err)")
        let fields = try jsonObject(card.out)
        #expect(fields["compliant"] as? Bool == false)
        #expect(fields["due_by"] as? String == "2005-09-01")
        // The school's card counts with the setting too (it counted 16 h: 50 %).
        let school = await run(["schools", "show", "S1", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        let detail = try jsonObject(school.out)
        #expect(detail["trained_share"] as? Double == 0)
    }
}
