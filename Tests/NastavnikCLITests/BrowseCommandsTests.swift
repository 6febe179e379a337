import Foundation
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// `schools list|show` and `staff list|show`.
@Suite struct BrowseCommandsTests: DatabaseSuite {
    let sandbox: CLISandbox

    init() async throws {
        sandbox = try CLISandbox()
        let schools = sandbox.write(
            "schools.csv", "Код ОО;Наименование ОО;Статус\nS1;Первая;эффективная\nS2;Вторая;НОР\n")
        let staff = sandbox.write(
            "staff.csv",
            """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Категория
            T1;Иванова Анна;S2;учитель;математика;01.01.1980;01.09.2002;высшая
            T2;Петров Пётр;S2;учитель;"физика; астрономия";01.01.2000;01.09.2025;

            """)
        let curators = sandbox.write(
            "cur.csv", "Код ОО;Код школы-куратора;Муниципальный координатор\nS2;S1;Кравцова Е.В.\n")
        let trainings = sandbox.write(
            "t.csv", "Табельный номер;Код программы;Организатор;Часы;Дата окончания\nT1;Курс А;ИРО;36;01.03.2025\n")
        for (kind, file) in [("schools", schools), ("staff", staff), ("curators", curators), ("trainings", trainings)] {
            let result = await run(["import", kind, file, "--db", db])
            try #require(result.status == 0, "\(result.err)")
        }
    }

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
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
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

    @Test func staffListAndCard() async throws {
        let json = await run([
            "staff", "list", "--school", "S2", "--db", db, "--format", "json", "--as-of", "22.11.2026",
        ])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
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
            ("schools", "Код ОО;Наименование ОО\nS1;Школа\n"),
            (
                "staff",
                """
                Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
                T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002
                T2;Учитель Борис;S1;учитель;физика;01.01.1980;01.09.2002

                """
            ),
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
        let rows = try #require(JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { ($0["trained_within_3_years"] as? Bool) == false })
        let status = await run(["training", "status", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        let lines = try #require(JSONSerialization.jsonObject(with: Data(status.out.utf8)) as? [[String: Any]])
        #expect(lines.allSatisfy { ($0["trained_within_3_years"] as? Bool) == false })
        let card = await run(["staff", "show", "T2", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        #expect(card.status == 0, "\(card.err)")
        let fields = try #require(JSONSerialization.jsonObject(with: Data(card.out.utf8)) as? [String: Any])
        #expect(fields["compliant"] as? Bool == false)
        #expect(fields["due_by"] as? String == "2005-09-01")
        // The school's card counts with the setting too (it counted 16 h: 50 %).
        let school = await run(["schools", "show", "S1", "--db", db, "--as-of", "01.12.2026", "--format", "json"])
        let detail = try #require(JSONSerialization.jsonObject(with: Data(school.out.utf8)) as? [String: Any])
        #expect(detail["trained_share"] as? Double == 0)
    }
}
