import Testing

@testable import NastavnikCore

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("05.03.2024", "2024-03-05"), ("5.3.2024", "2024-03-05"), ("2024-03-05", "2024-03-05"),
        ("29.02.2024", "2024-02-29"), (" 01.09.2023 ", "2023-09-01"), ("31.12.1999", "1999-12-31"),
    ])
    func parsesTheContractForms(text: String, iso: String) {
        #expect(LocalDate(parsing: text)?.iso == iso)
    }

    @Test(arguments: [
        "31.02.2024", "29.02.2023", "00.01.2024", "32.01.2024", "01.13.2024", "45000", "2024-3-5",
        "05/03/2024", "05.03.24", "", "2024-02-30", "5.3.2024г", "1.1.12345", "01.01.0001", "0202-01-01", "31.12.2201",
        "2024-03.05", "05.03-2024", "05.03.2024.", "05..2024", ".03.2024", "2024-03-05-01", "2024--03",
        "05.03.2024 0:00", "099999999999999999999.03.2024", "05. 03.2024", "+5.03.2024",
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(LocalDate(parsing: text) == nil)
    }

    @Test func formatsPadded() {
        #expect(LocalDate(year: 1, month: 2, day: 3)?.iso == "0001-02-03")
        #expect(LocalDate(year: 987, month: 10, day: 31)?.russian == "31.10.0987")
        #expect(LocalDate(year: 9999, month: 12, day: 31)?.iso == "9999-12-31")
        #expect(LocalDate(year: 2024, month: 2, day: 29)?.russian == "29.02.2024")
        // Arithmetic past the years dates are read with still writes the whole year.
        let last = LocalDate(year: 9999, month: 12, day: 31)!
        #expect(last.adding(days: 1).iso == "10000-01-01")
        #expect(last.adding(days: 1).russian == "01.01.10000")
    }

    @Test func leapYears() {
        #expect(LocalDate.isLeap(2024))
        #expect(!LocalDate.isLeap(1900))
        #expect(LocalDate.isLeap(2000))
        #expect(!LocalDate.isLeap(2023))
    }

    @Test func arithmeticRoundTrips() {
        let date = LocalDate(year: 2024, month: 2, day: 29)!
        #expect(date.adding(days: 1).iso == "2024-03-01")
        #expect(date.adding(years: 1).iso == "2025-02-28")
        #expect(date.adding(years: -3).iso == "2021-02-28")
        #expect(date.adding(months: 12).iso == "2025-02-28")
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(LocalDate(year: 2023, month: 12, day: 31)!.days(until: LocalDate(year: 2024, month: 1, day: 1)!) == 1)
        #expect(
            LocalDate(year: 1990, month: 11, day: 23)!.wholeYears(until: LocalDate(year: 2026, month: 11, day: 22)!)
                == 35)
        #expect(
            LocalDate(year: 1990, month: 11, day: 22)!.wholeYears(until: LocalDate(year: 2026, month: 11, day: 22)!)
                == 36)
    }

    @Test func formatsForPeople() {
        #expect(LocalDate(year: 2024, month: 3, day: 5)!.russian == "05.03.2024")
    }

    @Test func weekdays() {
        // 22.11.2026 is a Sunday, 23.11.2026 a Monday, 29.02.2024 a Thursday.
        #expect(LocalDate(year: 2026, month: 11, day: 22)!.weekday == 7)
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.weekday == 1)
        #expect(LocalDate(year: 2024, month: 2, day: 29)!.weekday == 4)
        #expect(LocalDate(year: 2026, month: 11, day: 21)!.isWeekend)
        #expect(!LocalDate(year: 2026, month: 11, day: 20)!.isWeekend)
    }
}
