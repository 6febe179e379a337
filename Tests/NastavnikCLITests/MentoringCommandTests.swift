import Foundation
import NastavnikCore
import NastavnikStore
import PropertyBased
import Testing

@testable import NastavnikCLI

@Suite struct MentoringCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    /// Two newcomers of S1, teachers of mathematics without a category: mentees in the tests of
    /// this suite and of MentoringOtherStaffTests.
    static let newcomers = [
        "Y1;Молодая Анна;S1;учитель;математика;01.01.2001;01.09.2025;",
        "Y2;Молодой Борис;S1;учитель;математика;01.01.2002;01.09.2025;",
    ]

    static let files: [(String, String)] = [
        CSVFixture.oneSchool,
        CSVFixture.staffWithCategories(
            newcomers + [
                "Y3;Молодая Вера;S1;учитель;математика;01.01.2002;01.09.2025;",
                "M1;Опытная Вера;S1;учитель;математика;01.01.1970;01.09.1992;первая",
                "M2;Опытный Олег;S1;учитель;математика;01.01.1968;01.09.1990;высшая",
            ]),
    ]

    func suggested(_ asOf: String = "22.11.2026") async throws -> [String: String] {
        let result = await run(["mentoring", "suggest", "--db", db, "--as-of", asOf, "--format", "json", "--all"])
        let rows = try jsonArray(result.out)
        return Dictionary(
            uniqueKeysWithValues: rows.map { ($0["mentee_id"] as! String, ($0["mentor_id"] as? String) ?? "-") })
    }

    /// The limit counts the pairs already active: M1 (первая, limit 2) with two mentees takes
    /// no third, neither in `suggest` nor in `assign` (the old code offered M1 two more).
    @Test func aMentorsLimitCountsActivePairs() async throws {
        for mentee in ["Y1", "Y2"] {
            let r = await run([
                "mentoring", "assign", "M1", mentee, "--start", "01.09.2026", "--consent", "25.08.2026", "--db", db,
            ])
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
        #expect(
            await run(["mentoring", "assign", "M2", "Y1", "--start", "01.09.2026", "--second", "--db", db]).status == 0)
        let early = await run(["mentoring", "end", "1", "--date", "31.08.2026", "--db", db])
        #expect(early.status == 1 && early.err.contains("дата окончания 31.08.2026 раньше даты начала 01.09.2026"))
        let backwards = await run([
            "mentoring", "assign", "M2", "Y2", "--start", "01.09.2026", "--end", "01.06.2026", "--db", db,
        ])
        #expect(backwards.status == 1 && backwards.err.contains("раньше даты начала"))
        let future = LocalDateText.tomorrow()
        let consent = await run([
            "mentoring", "assign", "M2", "Y2", "--start", "01.09.2026", "--consent", future, "--db", db,
        ])
        #expect(consent.status == 1 && consent.err.contains("ещё не наступила"))
        #expect(!(await run(["mentoring", "list", "--db", db, "--format", "csv"])).out.contains("Молодой Борис"))
    }

    /// The mentoring import reads the consent date (ТК РФ, ст. 351.8) and refuses one in the future.
    @Test func theImportReadsTheConsentDate() async throws {
        let file = sandbox.write(
            "pairs.csv",
            """
            Наставник;Наставляемый;Дата начала;Дата окончания;Дата согласия наставника
            M1;Y1;01.09.2026;31.05.2027;28.08.2026

            """)
        #expect(await run(["import", "mentoring", file, "--db", db, "--as-of", "22.11.2026"]).status == 0)
        #expect(
            await run(["mentoring", "list", "--db", db, "--format", "csv"]).out.contains(
                "01.09.2026;31.05.2027;28.08.2026"))
        let late = sandbox.write(
            "late.csv", "Наставник;Наставляемый;Дата начала;Дата согласия\nM2;Y2;01.09.2026;01.12.2026\n")
        let result = await run(["import", "mentoring", late, "--db", db, "--as-of", "22.11.2026"])
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("дата согласия 01.12.2026 ещё не наступила"))
    }
}

extension MentoringCommandTests {
    /// The import keeps a department's records but names the excess: a file that gives M1
    /// (первая) three active mentees is imported with a warning naming the mentor and the
    /// limit; two active mentors of one mentee are a warning too.
    @Test func theImportNamesPairsOverTheLimit() async throws {
        let over = sandbox.write(
            "over.csv",
            """
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
        let twice = sandbox.write(
            "twice.csv", "Наставник;Наставляемый;Дата начала\nM1;Y1;01.09.2026\nM2;Y1;01.09.2026\n")
        let warned = await run(["import", "mentoring", twice, "--db", db, "--as-of", "22.11.2026"])
        #expect(warned.status == 0)
        #expect((warned.out + warned.err).contains("у наставляемого Y1 2 действующих наставника"))
    }
}

/// Defects found in the conformance review (R1) of issue #16, on real SQLite files.
@Suite struct MentoringOtherStaffTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static let files: [(String, String)] = [
        CSVFixture.oneSchool,
        CSVFixture.staffWithCategories(
            MentoringCommandTests.newcomers + [
                "M1;Опытная Вера;S1;учитель;математика;01.01.1970;01.09.1992;",
                "B1;Счётная Ирина;S1;бухгалтер;;01.01.1980;;",
                "H1;Хозяйственный Олег;S1;заведующий хозяйством;;01.01.1975;;",
            ]),
    ]

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
        let before = await run([
            "mentoring", "assign", "M1", "Y2", "--start", "01.09.2026", "--end", "31.05.2027", "--db", db,
        ])
        #expect(before.status == 0, "\(before.err)")
        // Suggestions as of today count the later pair too: M1 has no free place.
        let suggested = await run([
            "mentoring", "suggest", "--db", db, "--as-of", "01.12.2026", "--format", "json", "--all",
        ])
        let rows = try jsonArray(suggested.out)
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

extension MentoringOtherStaffTests {
    /// The mentoring import names a pair with other staff (the old import took it silently);
    /// the school's record is kept.
    @Test func theImportNamesAPairWithOtherStaff() async throws {
        let file = sandbox.write("pairs.csv", "Наставник;Наставляемый;Дата начала\nM1;B1;01.09.2026\n")
        let result = await run(["import", "mentoring", file, "--db", db, "--as-of", "22.11.2026"])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            (result.out + result.err).contains("pairs.csv:2: столбец «Наставляемый»: наставляемый — прочий персонал"))
    }
}

@Suite struct MentoringSuggestTests {
    @Test func mentoringSuggestAssignAndLog() async throws {
        let sandbox = try await CLISandbox(importing: [
            CSVFixture.schools("S1;Школа", "S2;Другая"),
            CSVFixture.staffWithCategories([
                "Y1;Молодая Анна;S1;учитель;математика;01.01.2001;01.09.2025;",
                "M1;Опытная Вера;S1;учитель;математика;01.01.1970;01.09.1992;высшая",
                "M2;Опытный Олег;S1;учитель;история;01.01.1968;01.09.1990;высшая",
                "M3;Далёкая Ольга;S2;учитель;математика;01.01.1970;01.09.1992;высшая",
            ]),
        ])
        let db = sandbox.db
        let rows = try jsonArray(
            await run(["mentoring", "suggest", "--db", db, "--as-of", "22.11.2026", "--format", "json"]).out)
        #expect(rows.map { $0["mentee_id"] as? String } == ["Y1"])
        #expect(rows[0]["mentor_id"] as? String == "M1")
        #expect((rows[0]["reason"] as? String)?.contains("общий предмет: математика") == true)
        #expect(
            await run([
                "mentoring", "assign", "M1", "Y1", "--form", "учитель – учитель", "--consent", "01.09.2026", "--start",
                "01.09.2026", "--db", db,
            ]).status == 0)
        #expect(
            await run(["mentoring", "meeting", "1", "--date", "15.09.2026", "--note", "план работы", "--db", db]).status
                == 0)
        let list = await run(["mentoring", "list", "--db", db, "--format", "csv"]).out
        #expect(list.contains("Опытная Вера;S1;Y1;Молодая Анна;S1;учитель – учитель;01.09.2026;;01.09.2026;1"))
        // Suggest leaves out those who already have a mentor.
        #expect(
            await run(["mentoring", "suggest", "--db", db, "--as-of", "22.11.2026"]).out.contains(
                "Наставляемых без наставника нет."))
        #expect(await run(["mentoring", "end", "1", "--date", "31.05.2027", "--db", db]).status == 0)
        #expect(await run(["mentoring", "end", "9", "--db", db]).status == 1)
    }
}
