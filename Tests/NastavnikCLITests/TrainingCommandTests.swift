import Foundation
import GRDB
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// `training status` and `training forecast` on the chain's database (StaffChainTests).
extension StaffChainTests {
    @Test func trainingStatusFollowsTheThreeYearRuleAndTheMinimumHours() async throws {
        let rows = try await json(["training", "status", "--as-of", "22.11.2026"])
        // The psychologist is pedagogical staff (номенклатура № 225); the old code left her out.
        #expect(rows.map { $0["staff_id"] as? String } == ["T1", "T4", "T2", "T3"])
        #expect(
            Set(rows[0].keys) == [
                "staff_id", "full_name", "school_code", "last_training_end", "teaching_since", "due_by", "overdue",
                "trained_within_3_years", "compliant",
            ])
        #expect(rows[0]["last_training_end"] as? String == "2023-10-20")
        #expect(rows[0]["due_by"] as? String == "2026-10-20")
        #expect(rows[0]["overdue"] as? Bool == true)
        #expect(rows[0]["compliant"] as? Bool == false)
        // T4 began in September 2025: not trained, yet not in breach until 01.09.2028.
        #expect(rows[1]["due_by"] as? String == "2028-09-01")
        #expect(rows[1]["overdue"] as? Bool == false && rows[1]["compliant"] as? Bool == true)
        #expect(rows[1]["trained_within_3_years"] as? Bool == false)
        #expect(rows[2]["compliant"] as? Bool == true)
        // T3's only course is an 8-hour webinar: no due day known.
        #expect(rows[3]["last_training_end"] is NSNull)
        #expect(rows[3]["due_by"] is NSNull && rows[3]["overdue"] as? Bool == true)
        // A date in the past reads the trainings themselves.
        let past = try await json(["training", "status", "--as-of", "01.01.2024"])
        #expect(past[0]["compliant"] as? Bool == true)
        #expect(past[2]["last_training_end"] is NSNull)
        // Only those out of the rule, today and on a date in the past.
        #expect(
            try await json(["training", "status", "--as-of", "22.11.2026", "--non-compliant"]).map {
                $0["staff_id"] as? String
            } == ["T1", "T3"])
        #expect(
            try await json(["training", "status", "--as-of", "01.01.2024", "--non-compliant"]).map {
                $0["staff_id"] as? String
            } == ["T2", "T3"])
        // With 8 hours counting, the webinar counts.
        #expect(await run(["training", "settings", "--minimum-hours", "8", "--db", db]).status == 0)
        #expect(
            try await json(["training", "status", "--as-of", "22.11.2026"])[3]["last_training_end"] as? String
                == "2025-02-01")
        // The municipal report counts by the same stored rule: S2's teacher T3 is now trained.
        let database = try NastavnikDatabase(path: db)
        let s2 = try #require(
            try database.municipalData(asOf: LocalDate(year: 2026, month: 11, day: 22)!).staff.first { $0.code == "S2" }
        )
        #expect(s2.trainingBase == 1 && s2.trained == 1)
    }

    /// A long list streams into a private file, the same bytes as on screen.
    @Test func statusStreamsIntoAPrivateFile() async throws {
        let path = sandbox.path("status.csv")
        let arguments = ["training", "status", "--as-of", "22.11.2026", "--db", db, "--format", "csv"]
        let written = await run(arguments + ["--output", path])
        #expect(written.status == 0 && written.out.isEmpty && written.err.contains("Записано"))
        #expect(try await Data(contentsOf: URL(fileURLWithPath: path)) == Data(run(arguments).out.utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func forecastSaysWhoFallsOutAndWhen() async throws {
        let rows = try await json(["training", "forecast", "--until", "01.03.2028", "--as-of", "22.11.2026"])
        #expect(rows.map { $0["staff_id"] as? String } == ["T3", "T1", "T2"])
        #expect(rows[1]["out_of_compliance_from"] as? String == "2026-10-21")
        #expect(rows[2]["out_of_compliance_from"] as? String == "2028-02-16")
        #expect(rows[2]["compliant_now"] as? Bool == true)
    }

    /// A course someone is enrolled in shows in the forecast, personnel number or not.
    @Test func forecastShowsPlannedCoursesOfPeopleWithoutPersonnelNumber() async throws {
        let staff = sandbox.write("more-staff.csv", "ФИО;Код ОО;Должность\nНовикова Елена Викторовна;S2;учитель\n")
        #expect(await run(["import", "staff", staff, "--db", db]).status == 0)
        let training = sandbox.write(
            "enrolled.csv",
            """
            ФИО;Код ОО;Код программы;Дата начала;Дата окончания;Статус
            Новикова Елена Викторовна;S2;K2;01.04.2027;30.04.2027;обучается

            """)
        let imported = await run(["import", "trainings", training, "--db", db, "--as-of", "22.11.2026"])
        #expect(imported.status == 0, "\(imported.err)")
        let rows = try await json(["training", "forecast", "--until", "01.03.2028", "--as-of", "22.11.2026"])
        let novikova = try #require(rows.first { $0["full_name"] as? String == "Новикова Елена Викторовна" })
        #expect(novikova["staff_id"] is NSNull)
        #expect(novikova["planned_training_end"] as? String == "2027-04-30")
        #expect(rows.first { $0["staff_id"] as? String == "T1" }?["planned_training_end"] is NSNull)
    }
}
