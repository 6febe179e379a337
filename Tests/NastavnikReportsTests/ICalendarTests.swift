import Foundation
import NastavnikCore
import Testing

@testable import NastavnikReports

@Suite struct ICalendarTests {
    let stamp = Date(timeIntervalSince1970: 1_795_000_000)

    func render(_ entries: [ICalendarWriter.Entry]) -> String {
        ICalendarWriter(name: "Дорожная карта; 2023", stamp: stamp).render(entries)
    }

    @Test func deadlinesAreTodosPeriodsAreEventsSeriesHaveRRULE() {
        let ics = render([
            .init(uid: "a@n", summary: "Приказ, план", start: d("2020-11-25"), end: d("2020-11-25"), isDeadline: true),
            .init(
                uid: "b@n", summary: "Анализ", description: "Срок: сентябрь\nУО", start: d("2020-09-01"),
                end: d("2020-10-31")),
            .init(
                uid: "c@n", summary: "Совещание", start: d("2023-01-01"), end: d("2023-01-31"),
                rule: CalendarRule(frequency: .monthly, interval: 3, count: 4)),
            .init(
                uid: "e@n", summary: "Отчёт", start: d("2020-03-01"), end: d("2020-03-31"),
                rule: CalendarRule(frequency: .yearly, count: 3)),
        ])
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Nastavnik//Nastavnik//RU\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.contains("X-WR-CALNAME:Дорожная карта\\; 2023\r\n"))
        #expect(ics.contains("BEGIN:VTODO\r\nUID:a@n\r\nDTSTAMP:20261118T"))
        #expect(ics.contains("SUMMARY:Приказ\\, план\r\nDUE;VALUE=DATE:20201125\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO"))
        #expect(
            ics.contains(
                "DESCRIPTION:Срок: сентябрь\\nУО\r\nDTSTART;VALUE=DATE:20200901\r\nDTEND;VALUE=DATE:20201101\r\n"))
        #expect(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4\r\n"))
        #expect(ics.contains("RRULE:FREQ=YEARLY;COUNT=3\r\n"))
        #expect(!ics.contains("\n\n"))
        // Every line ends with CRLF; no bare LF.
        #expect(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
    }

    /// A series of deadlines is a VTODO with DTSTART (RRULE expands from it); a month-end one
    /// carries BYMONTHDAY=-1; a done occurrence is taken out (EXDATE) and written as a completed VTODO.
    @Test func deadlineSeriesHaveDTSTARTMonthEndAndExceptions() {
        let ics = render([
            .init(
                uid: "q@n", summary: "Отчёт", start: d("2023-03-31"), end: d("2023-03-31"), isDeadline: true,
                rule: CalendarRule(every: .quarterly, anchor: d("2023-03-31"), lastDayOfMonth: true, count: 4),
                exceptions: [d("2023-06-30")]),
            .init(
                uid: "o@n", summary: "Отчёт", start: d("2023-06-30"), end: d("2023-06-30"), isDeadline: true,
                done: true,
                completed: d("2023-06-28")),
            .init(
                uid: "p@n", summary: "Анализ", start: d("2023-09-01"), end: d("2023-10-31"), done: true,
                completed: d("2023-11-02")),
        ])
        #expect(ics.contains("BEGIN:VTODO\r\nUID:q@n\r\n"))
        #expect(
            ics.contains(
                "SUMMARY:Отчёт\r\nDTSTART;VALUE=DATE:20230331\r\nDUE;VALUE=DATE:20230331\r\nSTATUS:NEEDS-ACTION\r\n"
                    + "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4\r\nEXDATE;VALUE=DATE:20230630\r\nEND:VTODO"))
        #expect(ics.contains("UID:o@n\r\nDTSTAMP:20261118T"))
        #expect(ics.contains("DUE;VALUE=DATE:20230630\r\nSTATUS:COMPLETED\r\nCOMPLETED:20230628T000000Z\r\nEND:VTODO"))
        // A done period is a completed to-do too, from its first day.
        #expect(
            ics.contains(
                "SUMMARY:Анализ\r\nDTSTART;VALUE=DATE:20230901\r\nDUE;VALUE=DATE:20231031\r\nSTATUS:COMPLETED\r\n"))
        #expect(!ics.contains("BEGIN:VEVENT"))
    }

    @Test func linesAreFoldedAt75OctetsWithoutSplittingLetters() {
        let long = String(repeating: "Методическое сопровождение школ с низкими результатами. ", count: 5)
        let ics = render([.init(uid: "x@n", summary: long, start: d("2024-01-15"), end: d("2024-01-15"))])
        for line in ics.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        // Unfolding gives back the text.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + ICalendarWriter.text(long)))
    }
}

func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }
