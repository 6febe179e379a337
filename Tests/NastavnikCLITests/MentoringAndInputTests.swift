import Foundation
import PropertyBased
import Testing
import NastavnikCore
import NastavnikStore
@testable import NastavnikCLI

@Suite struct MentoringRulesTests {
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
                Y3;Молодая Вера;S1;учитель;математика;01.01.2002;01.09.2025;
                M1;Опытная Вера;S1;учитель;математика;01.01.1970;01.09.1992;первая
                M2;Опытный Олег;S1;учитель;математика;01.01.1968;01.09.1990;высшая

                """),
        ] {
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
    }

    func suggested(_ asOf: String = "22.11.2026") async throws -> [String: String] {
        let result = await run(["mentoring", "suggest", "--db", db, "--as-of", asOf, "--format", "json", "--all"])
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["mentee_id"] as! String, ($0["mentor_id"] as? String) ?? "-") })
    }

    /// The limit counts the pairs already active: M1 (первая, limit 2) with two mentees takes
    /// no third, neither in `suggest` nor in `assign` (the old code offered M1 two more).
    @Test func aMentorsLimitCountsActivePairs() async throws {
        for mentee in ["Y1", "Y2"] {
            let r = await run(["mentoring", "assign", "M1", mentee, "--start", "01.09.2026", "--consent", "25.08.2026", "--db", db])
            #expect(r.status == 0, "\(r.err)")
        }
        let third = await run(["mentoring", "assign", "M1", "Y3", "--start", "01.09.2026", "--db", db])
        #expect(third.status == 1)
        #expect(third.err.contains("у наставника уже 2 действующие пары при пределе 2"))
        let pairs = try await suggested()
        // M2 (высшая, 3 places) takes everybody; M1 has no place left.
        #expect(!pairs.values.contains("M1"))
        #expect(pairs["Y3"] == "M2")
        // The limit is a setting.
        #expect(await run(["settings", "set", "mentoring.limit_first", "3", "--db", db]).status == 0)
        #expect(await run(["mentoring", "assign", "M1", "Y3", "--start", "01.09.2026", "--db", db]).status == 0)
    }

    @Test func oneActiveMentorUnlessSecondAndDatesChecked() async throws {
        #expect(await run(["mentoring", "assign", "M1", "Y1", "--start", "01.09.2026", "--db", db]).status == 0)
        let again = await run(["mentoring", "assign", "M2", "Y1", "--start", "01.09.2026", "--db", db])
        #expect(again.status == 1 && again.err.contains("--second"))
        #expect(await run(["mentoring", "assign", "M2", "Y1", "--start", "01.09.2026", "--second", "--db", db]).status == 0)
        let early = await run(["mentoring", "end", "1", "--date", "31.08.2026", "--db", db])
        #expect(early.status == 1 && early.err.contains("дата окончания 31.08.2026 раньше даты начала 01.09.2026"))
        let backwards = await run(["mentoring", "assign", "M2", "Y2", "--start", "01.09.2026", "--end", "01.06.2026", "--db", db])
        #expect(backwards.status == 1 && backwards.err.contains("раньше даты начала"))
        let future = LocalDateText.tomorrow()
        let consent = await run(["mentoring", "assign", "M2", "Y2", "--start", "01.09.2026", "--consent", future, "--db", db])
        #expect(consent.status == 1 && consent.err.contains("ещё не наступила"))
        #expect(!(await run(["mentoring", "list", "--db", db, "--format", "csv"])).out.contains("Молодой Борис"))
    }

    /// The mentoring import reads the consent date (ТК РФ, ст. 351.8) and refuses one in the future.
    @Test func theImportReadsTheConsentDate() async throws {
        let file = sandbox.write("pairs.csv", """
            Наставник;Наставляемый;Дата начала;Дата окончания;Дата согласия наставника
            M1;Y1;01.09.2026;31.05.2027;28.08.2026

            """)
        #expect(await run(["import", "mentoring", file, "--db", db, "--as-of", "22.11.2026"]).status == 0)
        #expect(await run(["mentoring", "list", "--db", db, "--format", "csv"]).out.contains("01.09.2026;31.05.2027;28.08.2026"))
        let late = sandbox.write("late.csv", "Наставник;Наставляемый;Дата начала;Дата согласия\nM2;Y2;01.09.2026;01.12.2026\n")
        let result = await run(["import", "mentoring", late, "--db", db, "--as-of", "22.11.2026"])
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("дата согласия 01.12.2026 ещё не наступила"))
    }
}

extension MentoringRulesTests {
    /// The import keeps a department's records but names the excess: a file that gives M1
    /// (первая) three active mentees is imported with a warning naming the mentor and the
    /// limit; two active mentors of one mentee are a warning too.
    @Test func theImportNamesPairsOverTheLimit() async throws {
        let over = sandbox.write("over.csv", """
            Наставник;Наставляемый;Дата начала
            M1;Y1;01.09.2026
            M1;Y2;01.09.2026
            M1;Y3;01.09.2026

            """)
        let warnedOver = await run(["import", "mentoring", over, "--db", db, "--as-of", "22.11.2026"])
        #expect(warnedOver.status == 0, "\(warnedOver.err)")
        #expect((warnedOver.out + warnedOver.err).contains("у наставника M1 3 действующие пары при пределе 2"))
        // Suggestions and assignments keep the limit: M1 takes no fourth mentee.
        let fourth = await run(["mentoring", "assign", "M1", "M2", "--start", "22.11.2026", "--db", db])
        #expect(fourth.status == 1)
        #expect(fourth.err.contains("при пределе 2"))
        #expect(await run(["mentoring", "list", "--db", db]).out.contains("Y3"))
        let twice = sandbox.write("twice.csv", "Наставник;Наставляемый;Дата начала\nM1;Y1;01.09.2026\nM2;Y1;01.09.2026\n")
        let warned = await run(["import", "mentoring", twice, "--db", db, "--as-of", "22.11.2026"])
        #expect(warned.status == 0)
        #expect((warned.out + warned.err).contains("у наставляемого Y1 2 действующих наставника"))
    }
}

enum LocalDateText {
    static func tomorrow() -> String {
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy"
        return f.string(from: Date().addingTimeInterval(2 * 86_400))
    }
}

@Suite struct InputChecksTests {
    /// A typo in `--db` is an error naming the path and how to create it, and creates no file
    /// (it used to answer «Школ нет» and leave an empty database behind).
    @Test func readingAMissingDatabaseIsAnError() async throws {
        let sandbox = try CLISandbox()
        let typo = sandbox.path("nastavnk.sqlite")
        for command in [["schools", "list"], ["staff", "list"], ["doctor"], ["mentoring", "list"], ["settings", "list"]] {
            let result = await run(command + ["--db", typo])
            #expect(result.status == 1, "\(command)")
            #expect(result.err.contains("Базы данных «\(typo)» нет"), "\(command): \(result.err)")
            #expect(result.err.contains("nastavnik demo --db \(typo)"))
        }
        #expect(!FileManager.default.fileExists(atPath: typo))
        // A dry run checks a file without creating a database either.
        let schools = sandbox.write("schools.csv", "Код ОО;Наименование ОО\nS1;Школа\n")
        #expect(await run(["import", "schools", schools, "--dry-run", "--db", typo]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: typo))
        // A command that writes creates it.
        #expect(await run(["import", "schools", schools, "--db", typo]).status == 0)
        #expect(await run(["schools", "list", "--db", typo]).out.contains("S1"))
    }

    @Test func implausibleStaffRowsAreRefused() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа\n"), "--db", db]).status == 0)
        let staff = sandbox.write("staff.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Дата рождения;Телефон
            T1;Юная Анна;S1;учитель;01.03.2010;
            T2;Древний Пётр;S1;учитель;01.03.1920;
            T3;Обычная Ольга;S1;учитель;01.03.1980;7,91234E+10

            """)
        let result = await run(["import", "staff", staff, "--db", db, "--as-of", "22.11.2026"])
        let text = result.out + result.err
        #expect(result.status == 1)
        #expect(text.contains("меньше 18 лет"))
        #expect(text.contains("больше 100 лет"))
        #expect(text.contains("экспоненциальной записи Excel"))
    }

    @Test func anUnknownDeficitTopicIsAWarningNamingTheNearest() async throws {
        let sandbox = try CLISandbox()
        let db = sandbox.path("db.sqlite")
        for (kind, text) in [
            ("schools", "Код ОО;Наименование ОО\nS1;Школа\n"),
            ("staff", "Табельный номер;ФИО;Код ОО;Должность\nT1;Анна;S1;учитель\n"),
            ("courses", "Код программы;Наименование программы;Организатор;Объём (часов);Темы\nK1;Грамотность;ИРО;36;\"функциональная грамотность; формирующее оценивание\"\n"),
        ] {
            try #require(await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db]).status == 0)
        }
        let file = sandbox.write("d.csv", "Табельный номер;Дата диагностики;Выявленные дефициты\nT1;15.03.2026;\"функцональная грамотность; формирующее оценивание\"\n")
        let result = await run(["import", "diagnostics", file, "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("дефицит «функцональная грамотность» не встречается в темах программ"))
        #expect(result.out.contains("ближайшие известные: «функциональная грамотность»"))
        #expect(!result.out.contains("дефицит «формирующее оценивание»"))
    }
}

@Suite struct PersonalDataTests {
    let sandbox: CLISandbox
    let db: String
    let staffFile: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("db.sqlite")
        staffFile = sandbox.write("staff.csv", """
            Табельный номер;ФИО;Код ОО;Должность;Дата рождения;E-mail;Телефон
            T1;Иванова Анна Петровна;S1;учитель;15.04.1984;anna@school.ru;+7 900 123-45-67
            T2;Петров Иван;S1;учитель;01.01.1990;;

            """)
        #expect(await run(["import", "schools", sandbox.write("s.csv", "Код ОО;Наименование ОО;Адрес\nS1;Школа;ул. Ленина, 1\n"), "--db", db]).status == 0)
        #expect(await run(["import", "staff", staffFile, "--db", db]).status == 0)
    }

    /// A copy made before `staff forget` does not bring the person back: the restore erases
    /// them again and says so; `doctor` finds one that a later import brought back.
    @Test func restoreDoesNotBringBackAnErasedPerson() async throws {
        let copy = sandbox.path("copy.sqlite")
        #expect(await run(["backup", copy, "--db", db]).status == 0)
        #expect(await run(["staff", "forget", "T1", "--db", db]).status == 0)
        let register = db + ".erased"
        let attributes = try FileManager.default.attributesOfItem(atPath: register)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let stored = try String(contentsOfFile: register, encoding: .utf8)
        #expect(!stored.contains("T1") && !stored.contains("Иванова"))
        #expect(await run(["doctor", "--db", db]).out.contains("✓ Удалённые работники (staff forget)"))

        let restore = await run(["restore", copy, "--db", db])
        #expect(restore.status == 0, "\(restore.err)")
        #expect(restore.out.contains("снова удалены: T1"))
        let card = await run(["staff", "show", "T1", "--db", db]).out
        #expect(card.contains("Сведения удалены (T1)") && !card.contains("Иванова") && !card.contains("anna@school.ru"))
        #expect(await run(["staff", "show", "T2", "--db", db]).out.contains("Петров Иван"))
        #expect(await run(["doctor", "--db", db]).status == 0)

        // A later import of the old staff file brings the name back: doctor says so.
        #expect(await run(["import", "staff", staffFile, "--db", db]).status == 0)
        let doctor = await run(["doctor", "--db", db])
        #expect(doctor.status == 1)
        #expect(doctor.out.contains("✗ Удалённые работники (staff forget): снова в базе (после восстановления или загрузки): T1"))
    }

    /// Files without personnel numbers are common (the import contract keys such a person by name
    /// and birth date): `staff forget` takes the name, as `staff show` does, and erases it from the
    /// row, its key and the log; a copy made before is erased again by `restore`, and `doctor`
    /// finds the person when the old file is imported again. The old code refused the name
    /// («не найдено … табельным номером»), so such a person could not be erased at all.
    @Test func aPersonWithoutPersonnelNumberCanBeForgotten() async throws {
        let noIDs = sandbox.write("noid.csv", """
            ФИО;Код ОО;Должность;Дата рождения;Телефон
            Сидорова Мария Ивановна;S1;учитель;03.03.1975;+7 900 765-43-21

            """)
        #expect(await run(["import", "staff", noIDs, "--db", db]).status == 0)
        let copy = sandbox.path("copy.sqlite")
        #expect(await run(["backup", copy, "--db", db]).status == 0)
        let forget = await run(["staff", "forget", "сидорова мария ивановна", "--db", db])
        #expect(forget.status == 0, "\(forget.err)")
        func leaks() async throws -> [String] {
            let dump = try await NastavnikDatabase(path: db).writer.read { db in
                try String.fetchAll(db, sql: """
                    SELECT person_key || full_name || coalesce(birth_date, '') || coalesce(phone, '') FROM staff
                    UNION ALL SELECT coalesce(row_key, '') || coalesce(staff_key, '') || coalesce(old_values, '')
                        || coalesce(new_values, '') || coalesce(command, '') FROM audit_log
                    """)
            }.joined().lowercased()
            return ["сидорова", "1975-03-03", "765-43-21"].filter { dump.contains($0) }
        }
        #expect(try await leaks().isEmpty)
        #expect(!(try String(contentsOfFile: db + ".erased", encoding: .utf8)).lowercased().contains("сидорова"))
        #expect(await run(["doctor", "--db", db]).status == 0)

        let restore = await run(["restore", copy, "--db", db])
        #expect(restore.status == 0, "\(restore.err)")
        #expect(restore.out.contains("снова удалены: № ") && !restore.out.contains("Сидорова"), "\(restore.out)")
        #expect(try await leaks().isEmpty)
        #expect(await run(["doctor", "--db", db]).status == 0)

        #expect(await run(["import", "staff", noIDs, "--db", db]).status == 0)
        let doctor = await run(["doctor", "--db", db])
        #expect(doctor.status == 1)
        #expect(doctor.out.contains("снова в базе (после восстановления или загрузки): Сидорова Мария Ивановна (S1)"))
    }

    /// A roadmap's responsible people are names like any other: the pseudonymized log already
    /// dropped them, but `roadmap list`, `report` and `calendar --pseudonymize` showed them
    /// («Шурыгина А.А.»). Now a pseudonym stands in their place; bodies (ГИМЦ) stay.
    @Test func pseudonymizedRoadmapsHideResponsiblePeople() async throws {
        let roadmap = sandbox.write("rm.csv", """
            №;Мероприятие;Сроки;Ответственные
            1;Мониторинг;до 15.10.2026;А.А. Шурыгина, ГИМЦ
            2;Совещание;декабрь 2026;Шурыгина А.А.

            """)
        #expect(await run(["import", "roadmap", roadmap, "--db", db]).status == 0)
        let plain = await run(["roadmap", "list", "--db", db, "--as-of", "01.09.2026", "--format", "json"]).out
        #expect(plain.contains("Шурыгина"))
        let list = await run(["roadmap", "list", "--db", db, "--as-of", "01.09.2026", "--format", "json", "--pseudonymize"])
        #expect(list.status == 0, "\(list.err)")
        #expect(!list.out.contains("Шурыгина") && list.out.contains("ГИМЦ"))
        let rows = try #require(JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        let names = rows.compactMap { $0["responsible"] as? String }
        // One person, one pseudonym, however the cell wrote her.
        #expect(names.count == 2 && names[0] == names[1] + ", ГИМЦ")
        let calendar = await run(["roadmap", "calendar", "--db", db, "--pseudonymize"])
        #expect(calendar.status == 0 && calendar.out.contains("BEGIN:VCALENDAR") && !calendar.out.contains("Шурыгина"))
        let report = await run(["roadmap", "report", "--period", "2026", "--db", db, "--pseudonymize"])
        #expect(report.status == 0, "\(report.err)")
        #expect(!report.out.contains("Шурыгина") && report.out.contains("ГИМЦ"))
    }

    /// `--pseudonymize` hides the birth date (an age band instead), phones, e-mails and the school's address.
    @Test func pseudonymizedCardsShowAnAgeBand() async throws {
        let card = await run(["staff", "show", "T1", "--as-of", "22.11.2026", "--pseudonymize", "--db", db, "--format", "json"]).out
        #expect(card.contains("\"age_band\"") && card.contains("40–49"))
        #expect(!card.contains("15.04.1984") && !card.contains("1984-04-15") && !card.contains("anna@school.ru") && !card.contains("123-45-67"))
        #expect(!card.contains("Иванова"))
        let school = await run(["schools", "show", "S1", "--pseudonymize", "--db", db, "--format", "json"]).out
        #expect(!school.contains("Ленина"))
        #expect(await run(["schools", "show", "S1", "--db", db, "--format", "json"]).out.contains("Ленина"))
        // The audit log, pseudonymized, has neither the address nor the birth date.
        let plainLog = await run(["audit", "--db", db, "--format", "json"]).out
        #expect(plainLog.contains("Ленина") && plainLog.contains("1984-04-15"))
        let log = await run(["audit", "--pseudonymize", "--db", db, "--format", "json"]).out
        #expect(!log.contains("Ленина") && !log.contains("1984-04-15") && !log.contains("anna@school.ru"))
    }
}

/// Many municipal staff files have no personnel numbers (the import contract keys such people by
/// name and birth date). The commands that name one person take the full name then, as `staff
/// show` does; the old code answered «не найдено … с табельным номером» to every one of them.
@Suite struct StaffWithoutPersonnelNumbersTests {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("db.sqlite")
        for (kind, text) in [
            ("schools", "Код ОО;Наименование ОО\nS1;Школа\n"),
            ("staff", """
                ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Категория
                Молодая Анна Ивановна;S1;учитель;математика;01.01.2001;01.09.2025;
                Опытная Вера Петровна;S1;учитель;математика;01.01.1970;01.09.1992;высшая
                Тёзкина Ольга;S1;учитель;химия;01.01.1980;;
                Тезкина Ольга;S1;учитель;химия;02.02.1982;;

                """),
            ("courses", """
                Код программы;Наименование программы;Организатор;Объём (часов);Дата начала;Дата окончания;Количество мест
                K1;Формирующее оценивание;ИРО;36;01.02.2027;20.02.2027;10

                """),
        ] {
            let r = await run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db])
            precondition(r.status == 0, r.err)
        }
    }

    @Test func enrolCompleteAndMentoringTakeAName() async throws {
        let enrol = await run(["training", "enrol", "молодая анна ивановна", "K1", "--as-of", "01.12.2026", "--db", db])
        #expect(enrol.status == 0, "\(enrol.err)")
        #expect(enrol.out.contains("Молодая Анна Ивановна записан(а)"))
        let assign = await run(["mentoring", "assign", "Опытная Вера Петровна", "Молодая Анна Ивановна", "--start", "01.12.2026",
                          "--consent", "01.12.2026", "--db", db])
        #expect(assign.status == 0, "\(assign.err)")
        // A name two people bear (ё folded, as the import folds it) is refused, asking for the number.
        let twins = await run(["training", "enrol", "Тезкина Ольга", "K1", "--as-of", "01.12.2026", "--db", db])
        #expect(twins.status == 1 && twins.err.contains("Имя «Тезкина Ольга» носят 2 работников; укажите табельный номер."))
        let nobody = await run(["mentoring", "assign", "Никто", "Молодая Анна Ивановна", "--start", "01.12.2026", "--db", db])
        #expect(nobody.status == 1 && nobody.err.contains("наставник с табельным номером или ФИО «Никто»"))
    }
}
