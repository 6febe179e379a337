import Testing

@testable import NastavnikCore

/// The checks of a staff row that both ways of importing it call, on plain values.
@Suite struct StaffRowRulesTests {
    static let day = LocalDate(year: 2026, month: 9, day: 1)!

    @Test func teachingStartsNoEarlierThanFourteen() {
        let birth = LocalDate(year: 1990, month: 5, day: 10)!
        #expect(
            StaffRowRules.teachingStartProblem(since: LocalDate(year: 2004, month: 5, day: 10)!, birth: birth) == nil)
        #expect(
            StaffRowRules.teachingStartProblem(since: LocalDate(year: 2004, month: 5, day: 9)!, birth: birth)
                == "начало педагогической деятельности раньше 14 лет от рождения (09.05.2004)")
    }

    @Test func appointmentIsNotInTheFuture() {
        #expect(StaffRowRules.postSinceProblem(Self.day, asOf: Self.day) == nil)
        #expect(
            StaffRowRules.postSinceProblem(Self.day.adding(days: 1), asOf: Self.day)
                == "дата назначения на должность в будущем (02.09.2026)")
    }

    @Test func teachingStartIsTheDateElseTheYearsOfExperience() {
        let since = LocalDate(year: 2001, month: 9, day: 1)!
        #expect(StaffRowRules.teachingStart(since: since, experienceYears: 3, asOf: Self.day) == since)
        #expect(
            StaffRowRules.teachingStart(since: nil, experienceYears: 3, asOf: Self.day)
                == StaffMember.teachingStart(experienceYears: 3, asOf: Self.day))
        #expect(StaffRowRules.teachingStart(since: nil, experienceYears: nil, asOf: Self.day) == nil)
    }

    @Test func experienceIsZeroToEighty() {
        #expect(StaffRowRules.experienceYears.contains(0))
        #expect(StaffRowRules.experienceYears.contains(80))
        #expect(!StaffRowRules.experienceYears.contains(80.5))
    }

    @Test func subjectsAreJoinedWithSemicolons() {
        #expect(StaffRowRules.subjectsText([]) == "")
        #expect(StaffRowRules.subjectsText(["математика"]) == "математика")
        #expect(StaffRowRules.subjectsText(["математика", "физика"]) == "математика; физика")
    }

    /// Dates read from bytes (the import's fast path) and from text are one parser's.
    @Test func datesFromBytesAreDatesFromText() {
        for text in [
            "01.09.2026", " 1.9.2026\t", "2026-09-01", "2026-9-01", "01.09.26", "01-09.2026", "", "1.1.0202",
            "31.02.2026",
        ] {
            #expect(LocalDate(utf8: Array(text.utf8)) == LocalDate(parsing: text), "\(text)")
        }
        #expect(LocalDate(iso: Array("2026-09-01".utf8)) == Self.day)
        #expect(LocalDate(iso: Array("2026-09-1".utf8)) == nil)
        #expect(LocalDate(iso: Array("2026-09-011".utf8)) == nil)
    }
}
