import Foundation
import NastavnikCore
import Testing

@testable import NastavnikCLI
@testable import NastavnikStore

@Suite struct ForgetTests {
    @Test func forgettingErasesPersonalDataButKeepsAggregates() async throws {
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.oneSchool,
            (
                "staff",
                "Табельный номер;ФИО;Код ОО;Должность;Дата рождения;E-mail;Телефон\nT1;Иванова Анна;S1;учитель;01.01.1980;a@x.ru;+7 900\nT2;Петров Иван;S1;учитель;;;\n"
            ),
        ])
        let db = sandbox.db
        let before = await run(["training", "status", "--db", db, "--format", "json", "--as-of", "22.11.2026"]).out
        #expect(await run(["staff", "forget", "T1", "--db", db]).status == 0)
        let card = try jsonObject(await run(["staff", "show", "T1", "--db", db, "--format", "json"]).out)
        #expect(card["full_name"] as? String == "Сведения удалены (T1)")
        #expect(card["email"] is NSNull)
        #expect(card["phone"] is NSNull)
        #expect(card["birth_date"] is NSNull)
        let after = await run(["training", "status", "--db", db, "--format", "json", "--as-of", "22.11.2026"]).out
        #expect(before.components(separatedBy: "staff_id").count == after.components(separatedBy: "staff_id").count)
        #expect(!after.contains("Иванова"))
        #expect(await run(["schools", "list", "--db", db, "--format", "csv"]).out.contains("S1;Школа;;;нет;;2;"))
        #expect(await run(["staff", "forget", "T9", "--db", db]).status == 1)
    }
}

@Suite struct PseudonymizeTests {
    @Test func stablePseudonymsInEveryReportAndRealDataUntouched() async throws {
        let sandbox = try await CLISandbox(importing: [
            ("schools", "Код ОО;Наименование ОО;Директор\nS1;Школа;Директорова Анна\n"),
            (
                "staff",
                "Табельный номер;ФИО;Код ОО;Должность;E-mail;Телефон\nT1;Иванова Анна;S1;учитель;a@x.ru;+7 900 1\nT2;Петров Иван;S1;учитель;;\n"
            ),
        ])
        let db = sandbox.db
        let list = await run(["staff", "list", "--db", db, "--format", "json", "--pseudonymize"]).out
        #expect(!list.contains("Иванова") && !list.contains("Петров"))
        let card = try jsonObject(
            await run(["staff", "show", "T1", "--db", db, "--format", "json", "--pseudonymize"]).out)
        let name = try #require(card["full_name"] as? String)
        #expect(name.hasPrefix("Работник "))
        #expect((card["email"] as? String)?.hasSuffix("@pseudonym.invalid") == true)
        #expect((card["phone"] as? String)?.hasPrefix("+7 000 ") == true)
        // The same person has the same pseudonym in another report and another run; others differ.
        #expect(list.contains(name))
        let status = await run([
            "training", "status", "--db", db, "--format", "json", "--pseudonymize", "--as-of", "22.11.2026",
        ]).out
        #expect(status.contains(name))
        let other = try jsonObject(
            await run(["staff", "show", "T2", "--db", db, "--format", "json", "--pseudonymize"]).out)
        #expect(other["full_name"] as? String != name)
        let school = try jsonObject(
            await run(["schools", "show", "S1", "--db", db, "--format", "json", "--pseudonymize"]).out)
        #expect((school["head"] as? String)?.hasPrefix("Работник ") == true)
        // Without the flag, and for writes, the real data is there.
        #expect(await run(["staff", "show", "T1", "--db", db]).out.contains("Иванова Анна"))
        #expect(
            await run([
                "import", "staff",
                sandbox.write("t2.csv", "Табельный номер;ФИО;Код ОО;Должность\nT3;Сидорова;S1;учитель\n"), "--db", db,
                "--pseudonymize",
            ]).status == 0)
    }
}

@Suite struct PersonalDataTests: DatabaseSuite {
    let sandbox: CLISandbox
    let staffFile: String

    init() async throws {
        sandbox = try await CLISandbox(importing: [
            ("schools", "Код ОО;Наименование ОО;Адрес\nS1;Школа;ул. Ленина, 1\n"),
            (
                "staff",
                """
                Табельный номер;ФИО;Код ОО;Должность;Дата рождения;E-mail;Телефон
                T1;Иванова Анна Петровна;S1;учитель;15.04.1984;anna@school.ru;+7 900 123-45-67
                T2;Петров Иван;S1;учитель;01.01.1990;;

                """
            ),
        ])
        // The file the fixture imported the staff from, named after its kind.
        staffFile = sandbox.path("staff.csv")
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
        #expect(
            doctor.out.contains(
                "✗ Удалённые работники (staff forget): снова в базе (после восстановления или загрузки): T1"))
    }

    /// Files without personnel numbers are common (the import contract keys such a person by name
    /// and birth date): `staff forget` takes the name, as `staff show` does, and erases it from the
    /// row, its key and the log; a copy made before is erased again by `restore`, and `doctor`
    /// finds the person when the old file is imported again. The old code refused the name
    /// («не найдено … табельным номером»), so such a person could not be erased at all.
    @Test func aPersonWithoutPersonnelNumberCanBeForgotten() async throws {
        let noIDs = sandbox.write(
            "noid.csv",
            """
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
                try String.fetchAll(
                    db,
                    sql: """
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
        let roadmap = sandbox.write(
            "rm.csv",
            """
            №;Мероприятие;Сроки;Ответственные
            1;Мониторинг;до 15.10.2026;А.А. Шурыгина, ГИМЦ
            2;Совещание;декабрь 2026;Шурыгина А.А.

            """)
        #expect(await run(["import", "roadmap", roadmap, "--db", db]).status == 0)
        let plain = await run(["roadmap", "list", "--db", db, "--as-of", "01.09.2026", "--format", "json"]).out
        #expect(plain.contains("Шурыгина"))
        let list = await run([
            "roadmap", "list", "--db", db, "--as-of", "01.09.2026", "--format", "json", "--pseudonymize",
        ])
        #expect(list.status == 0, "\(list.err)")
        #expect(!list.out.contains("Шурыгина") && list.out.contains("ГИМЦ"))
        let rows = try jsonArray(list.out)
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
        let card = await run([
            "staff", "show", "T1", "--as-of", "22.11.2026", "--pseudonymize", "--db", db, "--format", "json",
        ]).out
        #expect(card.contains("\"age_band\"") && card.contains("40–49"))
        #expect(
            !card.contains("15.04.1984") && !card.contains("1984-04-15") && !card.contains("anna@school.ru")
                && !card.contains("123-45-67"))
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
