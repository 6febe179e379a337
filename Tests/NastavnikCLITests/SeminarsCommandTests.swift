import Foundation
import NastavnikCore
import Testing

@testable import NastavnikCLI

@Suite struct SeminarsCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static var files: [(String, String)] {
        var staff = "Табельный номер;ФИО;Код ОО;Должность;Категория\n"
        var diagnostics = "Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты\n"
        // Seven teachers with the deficit in three schools; two strong colleagues.
        for i in 1...7 {
            let school = i <= 3 ? "A" : i <= 5 ? "B" : "C"
            staff += "W\(i);Учитель \(i);\(school);учитель;первая\n"
            diagnostics += "W\(i);15.03.2026;8;18;формирующее оценивание\n"
        }
        staff += "P1;Сильная Ирина;H;учитель;высшая\nP2;Сильный Пётр;A;учитель;первая\n"
        diagnostics += "P1;15.03.2026;18;30;\nP2;15.03.2026;15;26;\n"
        return [
            (
                "schools",
                "Код ОО;Наименование ОО;Стажировочная площадка;Широта;Долгота\nA;Школа А;нет;54,70;40,10\nB;Школа Б;нет;54,71;40,12\nC;Школа В;нет;55,30;41,00\nH;Площадка;да;54,705;40,11\n"
            ),
            ("staff", staff), ("diagnostics", diagnostics),
        ]
    }

    /// Creates event 1, on «формирующее оценивание», from `from` to `to`, expecting success.
    func createEvent(from: String, to: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let created = await run([
            "seminars", "create", "--topic", "формирующее оценивание", "--from", from, "--to", to, "--db", db,
        ])
        #expect(created.status == 0, "\(created.err)", sourceLocation: sourceLocation)
    }

    @Test func planGroupsEveryTeacherOnceWithinCapacity() async throws {
        let result = await run([
            "seminars", "plan", "--topic", "Формирующее оценивание", "--from", "05.12.2026", "--to", "31.12.2026",
            "--capacity", "4", "--db", db, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.err)")
        let sessions = try jsonArray(result.out)
        #expect(sessions.allSatisfy { Set($0.keys) == ["date", "host_school_code", "presenters", "participants"] })
        let participants = sessions.flatMap { ($0["participants"] as? [String]) ?? [] }
        #expect(participants.sorted() == (1...7).map { "W\($0)" })
        #expect(sessions.allSatisfy { (($0["participants"] as? [String]) ?? []).count <= 4 })
        // The far school's teachers are together; nobody meets on the 5th (a Saturday).
        #expect(sessions.contains { Set(($0["participants"] as? [String]) ?? []).isSuperset(of: ["W6", "W7"]) })
        #expect(
            sessions.allSatisfy { ($0["date"] as? String) != "2026-12-05" && ($0["date"] as? String) != "2026-12-06" })
        // Hosts are internship sites; presenters are strong in the topic and not among the participants.
        #expect(sessions.contains { $0["host_school_code"] as? String == "H" })
        #expect(
            sessions.allSatisfy { (($0["presenters"] as? [String]) ?? []).allSatisfy { ["P1", "P2"].contains($0) } })
        // Nothing was saved.
        #expect(await run(["seminars", "list", "--db", db]).out.contains("Мероприятий нет"))
    }

    @Test func createInviteAttendAndCoverage() async throws {
        _ = await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.09.2026", "--db", db])
        let created = await run([
            "seminars", "create", "--topic", "формирующее оценивание", "--kind", "мастер-класс", "--from", "07.12.2026",
            "--to", "31.12.2026", "--capacity", "10", "--db", db,
        ])
        #expect(created.status == 0, "\(created.err)")
        #expect(created.err.contains("Сохранено мероприятий: 1"))
        let invite = await run(["seminars", "invite", "1", "--format", "csv", "--db", db])
        #expect(invite.out.contains("Учитель 1;Школа А;"))
        let sheet = sandbox.write("att.csv", "Табельный номер;Присутствовал\nW1;да\nW2;нет\nW6;да\n")
        let attended = await run(["seminars", "attendance", "1", sheet, "--as-of", "20.12.2026", "--db", db])
        #expect(attended.status == 0, "\(attended.err)")
        #expect(attended.out.contains("Отмечено присутствующих: 2. Закрыто пунктов ИППР: 2."))
        let w1 = await run(["plans", "show", "W1", "--db", db]).out
        #expect(w1.contains("Лист участия"))
        let coverage = try jsonArray(
            await run([
                "seminars", "coverage", "--period", "2026/27", "--kind", "мастер-класс", "--db", db, "--format", "json",
            ]).out)
        let total = try #require(coverage.last)
        #expect(total["teachers"] as? Int == 9)
        #expect(total["reached"] as? Int == 2)
        #expect(total["target"] as? Double == 30)
        #expect(total["met"] as? Bool == false)
        #expect(
            await run(["seminars", "attendance", "1", "--present", "ZZ", "--as-of", "20.12.2026", "--db", db]).status
                == 1)
        // Coverage joins the indicators and the municipal report.
        let indicators = try #require(
            try jsonObject(await run(["indicators", "--as-of", "20.12.2026", "--db", db, "--format", "json"]).out)[
                "schools"] as? [[String: Any]])
        let municipality = indicators.first { $0["school"] as? String == "Муниципалитет" }
        #expect(abs((municipality?["coverage_30_share"] as? Double ?? 0) - 22.222) < 0.01)
        // The events' list is the report's appendix (--full) since issue 18; the summary counts them.
        let report = await run([
            "report", "municipality", "--as-of", "20.12.2026", "--format", "md", "--full", "--db", db,
        ]).out
        let listed = report.contains("Мастер-класс: «формирующее оценивание»")
        #expect(listed)
        #expect(
            await run(["seminars", "create", "--topic", "формирующее оценивание", "--activity", "999", "--db", db])
                .status == 1)
    }

    /// A methodological association invites every pedagogical and leading worker (80 % target).
    @Test func aMethodologicalAssociationInvitesEveryone() async throws {
        let result = await run([
            "seminars", "plan", "--topic", "функциональная грамотность", "--kind", "методическое объединение",
            "--from", "07.12.2026", "--to", "31.12.2026", "--capacity", "30", "--db", db, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.err)")
        let sessions = try jsonArray(result.out)
        let participants = sessions.flatMap { ($0["participants"] as? [String]) ?? [] }
        #expect(participants.sorted() == ["P1", "P2"] + (1...7).map { "W\($0)" })
        #expect(
            await run(["seminars", "plan", "--topic", "т", "--kind", "конференция", "--db", db]).err.contains(
                "методическое объединение"))
    }

    @Test func attendanceIsRefusedBeforeTheEvent() async throws {
        await createEvent(from: "02.09.2030", to: "30.09.2030")
        let early = await run(["seminars", "attendance", "1", "--present", "W1", "--db", db])
        #expect(early.status == 1)
        #expect(early.err.contains("ещё не прошло"))
        #expect(!(await run(["seminars", "list", "--db", db])).out.contains("Мероприятий нет"))
        let list = try jsonArray(await run(["seminars", "list", "--db", db, "--format", "json"]).out)
        #expect(list.first?["attended"] as? Int == 0)
    }

    /// The registration sheet the tool writes, filled in, is the attendance file.
    @Test func theInvitationSheetReadsBackAsTheAttendanceFile() async throws {
        await createEvent(from: "07.12.2026", to: "31.12.2026")
        let path = sandbox.path("sheet.csv")
        #expect(await run(["seminars", "invite", "1", "--format", "csv", "--output", path, "--db", db]).status == 0)
        let sheet = try String(contentsOfFile: path, encoding: .utf8)
        #expect(sheet.contains("Табельный номер") && sheet.contains("Присутствовал"))
        // Not filled in: nobody is marked, and the message says what to fill.
        let blank = await run(["seminars", "attendance", "1", path, "--as-of", "31.12.2026", "--db", db])
        #expect(blank.status == 1)
        #expect(blank.err.contains("заполните столбец «Присутствовал»"))
        // CRLF lines (Excel's), one "\r\n" character to Swift.
        var lines = sheet.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        for (i, line) in lines.enumerated() where line.contains(";W1;") || line.contains(";W2;") {
            var fields = line.components(separatedBy: ";")
            fields[4] = line.contains(";W1;") ? "да" : "нет"
            lines[i] = fields.joined(separator: ";")
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let attended = await run(["seminars", "attendance", "1", path, "--as-of", "31.12.2026", "--db", db])
        #expect(attended.status == 0, "\(attended.err)")
        #expect(attended.out.contains("Отмечено присутствующих: 1."))
    }

    /// Attendance recorded before the plans exist closes their items when they are made.
    @Test func attendanceBeforeThePlanCountsWhenThePlanIsMade() async throws {
        await createEvent(from: "01.10.2026", to: "30.10.2026")
        // The event is past: no --as-of needed.
        let attended = await run(["seminars", "attendance", "1", "--present", "W1", "--db", db])
        #expect(attended.status == 0, "\(attended.err)")
        #expect(attended.out.contains("Закрыто пунктов ИППР: 0."))
        #expect(await run(["plans", "generate", "--year", "2026/27", "--as-of", "01.11.2026", "--db", db]).status == 0)
        let w1 = await run(["plans", "show", "W1", "--db", db]).out
        #expect(w1.contains("Лист участия"))
        let w2 = await run(["plans", "show", "W2", "--db", db]).out
        #expect(!w2.contains("Лист участия"))
    }
}

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct SeminarsAttendanceTests {
    /// An attendance sheet names every bad cell with its file and line, the unknown personnel
    /// number too (the old message «Нет работников с табельными номерами: ZZ9» named no line, and
    /// the first bad «Присутствовал» hid the rest); nothing is recorded.
    @Test func everyBadLineOfTheSheetIsNamedWithItsPlace() async throws {
        let sandbox = try await CLISandbox(importing: [
            ("schools", "Код ОО;Наименование ОО;Статус\nA1;Альфа;НОР\n"),
            (
                "staff",
                """
                Табельный номер;ФИО;Код ОО;Должность;Предметы
                T1;Учитель Анна;A1;учитель;математика
                T2;Учитель Борис;A1;учитель;физика

                """
            ),
        ])
        let db = sandbox.db
        let created = await run([
            "seminars", "create", "--topic", "оценивание", "--kind", "методическое объединение", "--from", "02.11.2026",
            "--to", "30.11.2026", "--db", db,
        ])
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
        let rows = try jsonArray(list)
        #expect(rows.first?["attended"] as? Int == 0)
    }
}
