import Foundation
import Testing
import NastavnikCore
import NastavnikStore
@testable import NastavnikCLI

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct ReviewR1MentoringTests {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("db.sqlite")
        for (kind, text) in [
            ("schools", "Код ОО;Наименование ОО\nS1;Школа\n"),
            ("staff", """
                Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Категория
                Y1;Молодая Анна;S1;учитель;математика;01.01.2001;01.09.2025;
                Y2;Молодой Борис;S1;учитель;математика;01.01.2002;01.09.2025;
                M1;Опытная Вера;S1;учитель;математика;01.01.1970;01.09.1992;
                B1;Счётная Ирина;S1;бухгалтер;;01.01.1980;;
                H1;Хозяйственный Олег;S1;заведующий хозяйством;;01.01.1975;;

                """),
        ] {
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
    }

    /// M1 (no category: limit 1) has a pair recorded from 01.09.2027. A pair from 01.09.2026
    /// without an end overlaps it: from 01.09.2027 M1 would have two mentees. The old code
    /// counted only the pairs active on the new pair's first day and recorded it.
    @Test func aPairThatBeginsLaterCountsAgainstTheLimit() async throws {
        let later = await run(["mentoring", "assign", "M1", "Y1", "--start", "01.09.2027", "--db", db])
        #expect(later.status == 0, "\(later.err)")
        let now = await run(["mentoring", "assign", "M1", "Y2", "--start", "01.09.2026", "--db", db])
        #expect(now.status == 1)
        #expect(now.err.contains("при пределе 1"))
        // A pair that ends before the later one begins does not overlap it.
        let before = await run(["mentoring", "assign", "M1", "Y2", "--start", "01.09.2026", "--end", "31.05.2027", "--db", db])
        #expect(before.status == 0, "\(before.err)")
        // Suggestions as of today count the later pair too: M1 has no free place.
        let suggested = await run(["mentoring", "suggest", "--db", db, "--as-of", "01.12.2026", "--format", "json", "--all"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(suggested.out.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(!rows.contains { ($0["mentor_id"] as? String) == "M1" })
    }

    /// Other staff (бухгалтер, заведующий хозяйством) are outside every staff rule: `mentoring
    /// assign` refuses them as mentee or mentor, naming the kind. The old code recorded both.
    @Test func otherStaffAreNeitherMentorsNorMentees() async throws {
        let mentee = await run(["mentoring", "assign", "M1", "B1", "--start", "01.09.2026", "--db", db])
        #expect(mentee.status == 1)
        #expect(mentee.err.contains("наставляемый — прочий персонал"))
        let mentor = await run(["mentoring", "assign", "H1", "Y1", "--start", "01.09.2026", "--db", db])
        #expect(mentor.status == 1)
        #expect(mentor.err.contains("наставник — прочий персонал"))
        #expect(!(await run(["mentoring", "list", "--db", db, "--format", "csv"])).out.contains("Счётная"))
    }
}

@Suite struct ReviewR1ReportTests {
    /// The municipal report says the minimum hours the trained share was counted with: the
    /// setting `training.minimum_hours`, not a fixed «16 часов» (the old text said 16 whatever
    /// the setting, beside figures counted with 36).
    @Test func theReportNamesTheMinimumHoursInForce() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), "--db", db]).status == 0)
        #expect(await run(["import", "staff", sandbox.write("t.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
            T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002

            """), "--db", db]).status == 0)
        #expect(await run(["settings", "set", "training.minimum_hours", "36", "--db", db]).status == 0)
        let file = sandbox.path("report.md")
        let result = await run(["report", "municipality", "--format", "md", "--output", file, "--as-of", "01.12.2026", "--db", db])
        #expect(result.status == 0, "\(result.err)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("курсы от 36 ч"))
        #expect(!text.contains("от 16 часов"))
    }

    /// The title of the early-career table says the rule in force (settings staff.early_career.*):
    /// the old title said «до 35 лет в первые 3 года» whatever the settings.
    @Test func theReportNamesTheEarlyCareerRuleInForce() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), "--db", db]).status == 0)
        #expect(await run(["settings", "set", "staff.early_career.age_limit", "30", "--db", db]).status == 0)
        #expect(await run(["settings", "set", "staff.early_career.conditions", "любое условие", "--db", db]).status == 0)
        #expect(await run(["import", "staff", sandbox.write("t.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
            T1;Учитель Анна;S1;учитель;математика;01.01.2000;01.09.2025

            """), "--db", db]).status == 0)
        let file = sandbox.path("report.md")
        let result = await run(["report", "municipality", "--format", "md", "--output", file, "--as-of", "01.12.2026", "--db", db])
        #expect(result.status == 0, "\(result.err)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("Молодые специалисты (до 30 лет или в первые 3 года педагогической работы"))
        #expect(!text.contains("до 35 лет"))
    }
}

@Suite struct ReviewR1CuratorTests {
    /// A refused capacity stores nothing: the old `curators suggest --school-capacity C1=5` stored
    /// the capacity and then refused the `--lock` (or the next, malformed capacity), leaving the
    /// data changed by a failed command; the capacity is now `curators capacity`'s alone.
    @Test func aRefusedCapacityStoresNothing() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", """
            Код ОО;Наименование ОО;Статус
            A1;Альфа;НОР
            C1;Гамма;эффективная
            E1;Эпсилон;

            """), "--db", db]).status == 0)
        func suggestion() async -> String { await run(["curators", "suggest", "--db", db, "--format", "json"]).out }
        let before = await suggestion()
        let locked = await run(["curators", "suggest", "--lock", "A1:E1", "--db", db])
        #expect(locked.status == 1)
        #expect(locked.err.contains("E1 не может быть куратором"))
        #expect(await run(["curators", "capacity", "C1", "x", "--db", db]).status != 0)
        #expect(await run(["curators", "capacity", "C1", "--db", db]).status != 0)
        // C1 still curates A1: its capacity was not set to 0.
        let after = await suggestion()
        #expect(after == before)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(after.utf8)) as? [[String: Any]])
        #expect(rows.first?["curator_code"] as? String == "C1")
    }
}

@Suite struct ReviewR1AttendanceTests {
    /// An attendance sheet names every bad cell with its file and line, the unknown personnel
    /// number too (the old message «Нет работников с табельными номерами: ZZ9» named no line, and
    /// the first bad «Присутствовал» hid the rest); nothing is recorded.
    @Test func everyBadLineOfTheSheetIsNamedWithItsPlace() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО;Статус\nA1;Альфа;НОР\n"), "--db", db]).status == 0)
        #expect(await run(["import", "staff", sandbox.write("t.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Предметы
            T1;Учитель Анна;A1;учитель;математика
            T2;Учитель Борис;A1;учитель;физика

            """), "--db", db]).status == 0)
        let created = await run(["seminars", "create", "--topic", "оценивание", "--kind", "методическое объединение", "--from", "02.11.2026",
                           "--to", "30.11.2026", "--db", db])
        #expect(created.status == 0, "\(created.err)")
        let flags = sandbox.write("flags.csv", "Табельный номер;Присутствовал\nT1;может быть\nT2;возможно\n")
        let badFlags = await run(["seminars", "attendance", "1", flags, "--as-of", "01.12.2026", "--db", db])
        #expect(badFlags.status == 1)
        #expect(badFlags.err.contains("flags.csv:2:") && badFlags.err.contains("flags.csv:3:"))
        let unknown = sandbox.write("unknown.csv", "Табельный номер;Присутствовал\nT1;да\nZZ9;да\n")
        let result = await run(["seminars", "attendance", "1", unknown, "--as-of", "01.12.2026", "--db", db])
        #expect(result.status == 1)
        #expect(result.err.contains("unknown.csv:3: нет работника с табельным номером «ZZ9»"))
        let list = await run(["seminars", "list", "--db", db, "--format", "json"]).out
        let rows = try #require(JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(rows.first?["attended"] as? Int == 0)
    }
}

@Suite struct ReviewR1TrainingListsTests {
    /// `staff list` and `staff show` count trainings as `training status` does: completed, of the
    /// minimum hours in force (setting training.minimum_hours), ended by the date. The old list
    /// counted any completed training (an 8-hour webinar made «КПК за 3 года: да») and the old card
    /// used 16 hours whatever the setting.
    @Test func theStaffListAndCardAgreeWithTrainingStatus() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), "--db", db]).status == 0)
        #expect(await run(["import", "staff", sandbox.write("t.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
            T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002
            T2;Учитель Борис;S1;учитель;физика;01.01.1980;01.09.2002

            """), "--db", db]).status == 0)
        #expect(await run(["import", "trainings", sandbox.write("k.csv", """
            Табельный номер;Код программы;Организатор;Часы;Дата начала;Дата окончания;Статус;Номер удостоверения
            T1;W8;ИРО;8;01.03.2025;02.03.2025;завершено;111
            T2;W24;ИРО;24;01.03.2025;05.03.2025;завершено;112

            """), "--db", db]).status == 0)
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

extension ReviewR1MentoringTests {
    /// The mentoring import names a pair with other staff (the old import took it silently);
    /// the school's record is kept.
    @Test func theImportNamesAPairWithOtherStaff() async throws {
        let file = sandbox.write("pairs.csv", "Наставник;Наставляемый;Дата начала\nM1;B1;01.09.2026\n")
        let result = await run(["import", "mentoring", file, "--db", db, "--as-of", "22.11.2026"])
        #expect(result.status == 0, "\(result.err)")
        #expect((result.out + result.err).contains("pairs.csv:2: столбец «Наставляемый»: наставляемый — прочий персонал"))
    }
}

extension ReviewR1CuratorTests {
    /// Curator matching measures a result without the region's mean as classification does: left
    /// out by default, against the municipality's mean only with the setting
    /// classification.missing_region_mean. The old code silently took the municipal mean, so a
    /// school came out weak in a subject no region figure said it was.
    @Test func aResultWithoutTheRegionsMeanIsLeftOutUnlessTheSettingSaysSo() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", """
            Код ОО;Наименование ОО;Статус;Муниципалитет
            A1;Альфа;НОР;М
            C1;Гамма;эффективная;М
            D1;Дельта;;М

            """), "--db", db]).status == 0)
        #expect(await run(["import", "results", sandbox.write("r.csv", """
            Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Средний балл по региону
            A1;2024;ЕГЭ;математика;11;10;40;
            C1;2024;ЕГЭ;математика;11;10;50;
            D1;2024;ЕГЭ;математика;11;10;60;

            """), "--db", db]).status == 0)
        func uncovered() async throws -> [String] {
            let out = await run(["curators", "suggest", "--db", db, "--format", "json"]).out
            let rows = try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
            return (rows.first?["uncovered_subjects"] as? [String]) ?? []
        }
        #expect(try await uncovered() == [])
        #expect(await run(["settings", "set", "classification.missing_region_mean", "средний по муниципалитету", "--db", db]).status == 0)
        #expect(try await uncovered() == ["математика"])
    }
}

@Suite struct ReviewR1TrainingOrderTests {
    /// The training order reads deficits as the plans do: only from a result given with consent.
    /// The old order sent T1 to the course on «оценивание», a deficit of a result without consent.
    @Test func theOrderIgnoresDeficitsOfAResultWithoutConsent() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), "--db", db]).status == 0)
        #expect(await run(["import", "staff", sandbox.write("t.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
            T1;Учитель Анна;S1;учитель;математика;01.01.1980;01.09.2002

            """), "--db", db]).status == 0)
        #expect(await run(["import", "diagnostics", sandbox.write("d.csv", """
            Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты;Согласие
            T1;15.03.2026;12;25;оценивание;нет

            """), "--db", db]).status == 0)
        #expect(await run(["import", "courses", sandbox.write("c.csv", """
            Код программы;Наименование программы;Организатор;Объём (часов);Темы;Предметы
            KOC;Оценивание;ГАУ ДПО ИРО;72;оценивание;
            KX;Другое;ГАУ ДПО ИРО;36;другое;

            """), "--db", db]).status == 0)
        let order = await run(["training", "order", "--year", "2027", "--as-of", "01.12.2026", "--format", "json", "--db", db])
        #expect(order.status == 0, "\(order.err)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(order.out.utf8)) as? [String: Any])
        let assignments = try #require(object["assignments"] as? [[String: Any]])
        #expect(assignments.count == 1)
        #expect(assignments.first?["course_code"] as? String == "KX")
    }
}
