import Foundation
import PropertyBased
import Testing

@testable import NastavnikCore

/// Issue #16, «Roadmap and calendar»: terms read as Russian orders write them, the .ics series
/// that expand to the tool's dates, the order's date, one person however written.
@Suite struct RoadmapTermRulesTests {
    let year2026 = TermParser(period: d("2026-01-01")...d("2026-12-31"))

    /// Old code: «ежеквартально» with its remark dropped — four quarter-long periods, no deadline.
    @Test(arguments: [
        "ежеквартально (до 10 числа месяца, следующего за кварталом)",
        "Ежеквартально, до 10 числа месяца, следующего за отчетным кварталом",
        "ежеквартально, не позднее 10-го числа месяца, следующего за отчетным периодом",
        "до 10 числа месяца, следующего за кварталом",
    ])
    func quarterlyDeadlineAfterEachQuarter(term: String) {
        #expect(
            describe(year2026.parse(term))
                == "!2026-04-10~quarterly !2026-07-10~quarterly !2026-10-10~quarterly !2027-01-10~quarterly", "\(term)")
    }

    /// Old code: «ежеквартально (до 10 числа)» dropped the day — four quarter-long periods; «до 20
    /// числа последнего месяца квартала» was unreadable.
    @Test func aQuarterlyDayIsADeadlineAfterOrInTheQuarter() {
        let deadlines = [
            (
                "ежеквартально (до 10 числа)",
                "!2026-04-10~quarterly !2026-07-10~quarterly !2026-10-10~quarterly !2027-01-10~quarterly"
            ),
            (
                "ежеквартально до 5 числа",
                "!2026-04-05~quarterly !2026-07-05~quarterly !2026-10-05~quarterly !2027-01-05~quarterly"
            ),
            (
                "ежеквартально, до 20 числа последнего месяца квартала",
                "!2026-03-20~quarterly !2026-06-20~quarterly !2026-09-20~quarterly !2026-12-20~quarterly"
            ),
            (
                "до 20 числа последнего месяца каждого квартала",
                "!2026-03-20~quarterly !2026-06-20~quarterly !2026-09-20~quarterly !2026-12-20~quarterly"
            ),
            ("раз в полугодие (до 15 числа первого месяца)", "!2026-01-15~halfYearly !2026-07-15~halfYearly"),
        ]
        for (term, expected) in deadlines {
            #expect(describe(year2026.parse(term)) == expected, "\(term)")
        }
        #expect(TermParser(period: nil).parse("ежеквартально (до 10 числа)").flag == .unreadable)
    }

    /// Old code: «ежемесячно (до 5 числа)» lost its day with the remark — twelve month-long periods.
    @Test func aMonthlyDayInARemarkIsADeadline() {
        let parsed = year2026.parse("ежемесячно (до 5 числа)")
        #expect(parsed.occurrences.count == 12)
        #expect(parsed.occurrences.allSatisfy { $0.isDeadline && $0.start.day == 5 && $0.recurrence == .monthly })
        #expect(year2026.parse("до 25 числа каждого месяца (ежемесячно)").occurrences.first?.start == d("2026-01-25"))
    }

    @Test func monthlyAndYearlyDeadlinesAfterThePeriod() {
        let monthly = year2026.parse("ежемесячно, до 5 числа месяца, следующего за отчетным")
        #expect(monthly.occurrences.count == 12)
        #expect(monthly.occurrences.first?.start == d("2026-02-05"))
        #expect(monthly.occurrences.last?.start == d("2027-01-05"))
        #expect(describe(year2026.parse("до 20 числа месяца, следующего за отчетным годом")) == "!2027-01-20~yearly")
        // «до 31 числа» after a quarter ending in March is 30 April.
        #expect(
            year2026.parse("до 31 числа месяца, следующего за кварталом").occurrences.first?.start == d("2026-04-30"))
        #expect(
            TermParser(period: nil).parse("ежеквартально (до 10 числа месяца, следующего за кварталом)").flag
                == .unreadable)
    }

    /// Old code: «(ежемесячно)» dropped with the remark — one period of five months.
    @Test func aFrequencyInARemarkDividesThePeriod() {
        #expect(
            describe(year2026.parse("январь – май 2026 (ежемесячно)"))
                == "2026-01-01..2026-01-31~monthly 2026-02-01..2026-02-28~monthly 2026-03-01..2026-03-31~monthly "
                + "2026-04-01..2026-04-30~monthly 2026-05-01..2026-05-31~monthly")
        let year = year2026.parse("в течение 2026 года (ежемесячно)")
        #expect(year.occurrences.count == 12)
        #expect(year.occurrences.allSatisfy { $0.recurrence == .monthly && $0.start.month == $0.end.month })
        // Old code: the whole year repeated month after month (2026-02-01..2027-01-31 …).
        let written = year2026.parse("в течение 2026 года, ежемесячно")
        #expect(written.occurrences.count == 12)
        #expect(written.occurrences.last?.end == d("2026-12-31"))
        #expect(
            describe(year2026.parse("сентябрь – декабрь 2026 (ежеквартально)"))
                == "2026-09-01..2026-09-30~quarterly 2026-10-01..2026-12-31~quarterly")
        // One month with a frequency still repeats forward from it, as before.
        #expect(year2026.parse("январь 2026, ежемесячно").occurrences.count == 12)
    }

    /// Old code: «29 февраля 2026» dropped silently beside another date, and not named.
    @Test func aDateNoCalendarHasIsNamedAndNeverDated() {
        for term in ["29 февраля 2026", "до 29 февраля 2026 г.", "1 сентября 2026, 29 февраля 2026", "31 июня 2026"] {
            #expect(year2026.parse(term).flag == .unreadable, "\(term)")
            #expect(year2026.parse(term).occurrences.isEmpty, "\(term)")
        }
        // Old code: the frequency was read alone — four quarters, the impossible date dropped.
        #expect(year2026.parse("29.02.2026 ежеквартально") == .unreadable)
        #expect(year2026.parse("до 31.06.2026, далее ежемесячно") == .unreadable)
        #expect(TermParser.impossibleDates(in: "до 29 февраля 2026 г.") == ["29 февраля 2026"])
        #expect(TermParser.impossibleDates(in: "31 Июня 2026") == ["31 Июня 2026"])
        #expect(TermParser.impossibleDates(in: "29 февраля 2028") == [])
        #expect(
            describe(year2026.parse("1 сентября 2026")) == "!2026-09-01"
                || describe(year2026.parse("1 сентября 2026")) == "2026-09-01")
        // «29 февраля» each year of a roadmap whose years are common: no date, not a silent nothing.
        #expect(TermParser(period: d("2025-01-01")...d("2027-12-31")).parse("ежегодно, 29 февраля").flag == .unreadable)
    }

    @Test func anOrdersDateIsReadFromItsCitation() {
        #expect(
            OrderText.date(
                "Приказ управления образования администрации Яковлевского городского округа от 22.09.2020 № 803")
                == d("2020-09-22"))
        #expect(OrderText.date("приказ от «22» сентября 2020 г. № 803") == d("2020-09-22"))
        #expect(OrderText.date("Приказ от 15.02.2023г. № 91") == d("2023-02-15"))
        #expect(OrderText.date("Приказ № 91") == nil)
        // A date no calendar has is named, not taken for «no date» (the old code ignored it silently).
        #expect(OrderText.impossibleDate("Приказ от 31.02.2025 № 5") == "31.02.2025")
        #expect(OrderText.impossibleDate("приказ от «31» июня 2025 г. № 5") == "31 июня 2025")
        #expect(OrderText.impossibleDate("Приказ от 15.02.2023г. № 91") == nil)
        #expect(OrderText.impossibleDate("Приказ № 91") == nil)
        #expect(OrderText.date("Приказ отдела образования № 625") == nil)
        // Terms without a year fall from the order's day on.
        let inForce = TermParser.inForce(period: period2020to2022, signed: d("2020-09-22"))
        #expect(inForce == d("2020-09-22")...d("2022-12-31"))
        #expect(TermParser.inForce(period: period2020to2022, signed: d("2019-12-01")) == period2020to2022)
        #expect(
            TermParser(period: inForce).parse("В течение учебного года").occurrences.first?.start == d("2020-09-01"))
        #expect(TermParser(period: inForce).parse("ежемесячно").occurrences.first?.start == d("2020-09-01"))
        #expect(TermParser(period: inForce).parse("ежегодно, май").occurrences.first?.start == d("2021-05-01"))
        let parsed = TermParser(period: period2020to2022).parse("Июнь-август 2020")
        #expect(TermParser.occurrences(of: parsed, endingBefore: d("2020-09-22")).count == 1)
        #expect(TermParser.occurrences(of: parsed, endingBefore: d("2020-08-31")).isEmpty)
    }

    /// A status mark records what has happened: today and before are taken, tomorrow is not.
    @Test func aMarkIsNotDatedInTheFuture() {
        let today = d("2026-12-04")
        #expect(OccurrenceMarkRule.dateProblem(today, today: today) == nil)
        #expect(OccurrenceMarkRule.dateProblem(d("2020-01-01"), today: today) == nil)
        #expect(
            OccurrenceMarkRule.dateProblem(d("2026-12-05"), today: today)
                == "Дата отметки 05.12.2026 ещё не наступила (сегодня 04.12.2026): отмечается то, что уже произошло.")
    }

    /// `--pseudonymize` hides the people of a «Ответственные» cell and keeps its bodies; one person
    /// written two ways gets one pseudonym.
    @Test func responsiblePeopleArePseudonymizedAndBodiesKept() {
        let hide = { (cell: String) in PersonName.replacingPeople(in: cell) { "Работник [\($0)]" } }
        #expect(hide("УО, А.А.Шурыгина") == "УО, Работник [шурыгина а.а.]")
        #expect(hide("Шурыгина Анна Александровна; ГИМЦ") == "Работник [шурыгина а.а.], ГИМЦ")
        #expect(hide("Управление образования администрации") == "Управление образования администрации")
        #expect(hide("Комитет образования МБУ ГИМЦ") == "Комитет образования МБУ ГИМЦ")
        #expect(!PersonName.isPerson("Отдел образования района") && PersonName.isPerson("Федотова Н. Э"))
        #expect(hide("УО, Карабибер Г Б") == "УО, Работник [карабибер г.б.]")
        // A double surname, as the Заиграевский seed writes it (with a stray space).
        #expect(!hide("Р.А. Сун- Цо-Жен, специалист УО").contains("Цо-Жен"))
        // The seeds list people without commas too (Заиграевский, Минусинск).
        #expect(
            hide("Лузгачева З.А. Васильева Т.Д. Мурашова Е.Ю. Руководители школ")
                == "Работник [лузгачева з.а.] Работник [васильева т.д.] Работник [мурашова е.ю.] Руководители школ")
        #expect(
            hide("Г.В.Намаконова . , муниципальный координатор, О.С.Белова, специалист УО")
                == "Работник [намаконова г.в.] ., муниципальный координатор, Работник [белова о.с.], специалист УО")
    }

    /// Old code: the `--responsible` filter and staff links saw «А.А. Шурыгина» and «Шурыгина А.А.» as two people.
    @Test func oneResponsiblePersonHoweverWritten() {
        let forms = [
            "А.А. Шурыгина", "А.А.Шурыгина", "Шурыгина А.А.", "Шурыгина А. А.", "шурыгина а а",
            "Шурыгина Анна Александровна",
        ]
        #expect(Set(forms.map(PersonName.key)) == ["шурыгина а.а."])
        #expect(PersonName.key("Шурыгина А.Б.") != PersonName.key("Шурыгина А.А."))
        #expect(PersonName.key("Карабибер Г Б") == "карабибер г.б.")
        #expect(PersonName.key("УО") == "уо")
        #expect(PersonName.names(in: "УО, А.А.Шурыгина; Федотова Н. Э") == ["УО", "А.А.Шурыгина", "Федотова Н. Э"])
        #expect(PersonName.cell("УО, А.А. Шурыгина", names: "Шурыгина А.А."))
        #expect(PersonName.cell("Отдел образования, Шурыгина А.А.", names: "А.А.Шурыгина"))
        #expect(PersonName.cell("Отдел образования", names: "отдел"))
        #expect(!PersonName.cell("Шурыгина А.Б.", names: "Шурыгина А.А."))
    }
}

/// The .ics series: a rule is written only when an RFC 5545 expansion gives the tool's dates.
@Suite struct CalendarRuleTests {
    /// Old code: «RRULE:FREQ=MONTHLY;INTERVAL=3» from a 31st, which RFC 5545 expands to 31 March,
    /// 31 December, 31 March… (June and September have no 31st).
    @Test func aQuarterlyMonthEndDeadlineUsesTheLastDay() {
        let parser = TermParser(period: d("2023-01-01")...d("2023-12-31"))
        let parsed = parser.parse("31.03.2023, далее ежеквартально")
        #expect(
            parsed.occurrences.map(\.start) == [d("2023-03-31"), d("2023-06-30"), d("2023-09-30"), d("2023-12-31")])
        let spans = parsed.occurrences.map { CalendarSeries.Span(start: $0.start, end: $0.end) }
        let plan = try! #require(CalendarSeries.plan(spans, every: .quarterly))
        #expect(plan.rule.text == "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;COUNT=4")
        #expect(plan.rule.dates(from: d("2023-03-31")) == parsed.occurrences.map(\.start))
        // Without BYMONTHDAY=-1 the calendar's dates were these:
        #expect(
            CalendarRule(frequency: .monthly, interval: 3, count: 4).dates(from: d("2023-03-31"))
                == [d("2023-03-31"), d("2023-12-31"), d("2024-03-31"), d("2024-12-31")])
    }

    /// Old code: the second occurrence of «до 30.04.2026, далее ежемесячно» ran from 30 to 31 May.
    @Test func aRepeatedDeadlineStaysOneDay() {
        let parsed = TermParser(period: d("2026-01-01")...d("2026-12-31")).parse("до 30.04.2026, далее ежемесячно")
        #expect(parsed.occurrences.allSatisfy { $0.start == $0.end && $0.isDeadline })
        #expect(parsed.occurrences.prefix(3).map(\.end) == [d("2026-04-30"), d("2026-05-31"), d("2026-06-30")])
        let plan = CalendarSeries.plan(parsed.occurrences.map { .init(start: $0.start, end: $0.end) }, every: .monthly)
        #expect(plan?.rule.text == "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=9")
    }

    @Test func rulesExpandAsRFC5545() {
        #expect(
            CalendarRule(frequency: .yearly, count: 3).dates(from: d("2024-02-29")) == [
                d("2024-02-29"), d("2028-02-29"), d("2032-02-29"),
            ])
        #expect(
            CalendarRule(frequency: .yearly, lastDayOfMonth: true, byMonth: 2, count: 3).dates(from: d("2024-02-29"))
                == [d("2024-02-29"), d("2025-02-28"), d("2026-02-28")])
        #expect(
            CalendarRule(frequency: .yearly, lastDayOfMonth: true, byMonth: 2, count: 2).text
                == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=2")
        #expect(
            CalendarRule(frequency: .monthly, count: 3).dates(from: d("2026-01-30")) == [
                d("2026-01-30"), d("2026-03-30"), d("2026-04-30"),
            ])
        #expect(
            CalendarRule(frequency: .monthly, lastDayOfMonth: true, count: 3).dates(from: d("2026-01-31")) == [
                d("2026-01-31"), d("2026-02-28"), d("2026-03-31"),
            ])
    }

    @Test func seriesNoRuleReproducesAreNotRules() {
        // Quarters of 90, 91, 92 days: one length cannot give them all.
        let quarters = TermParser(period: d("2023-01-01")...d("2023-12-31")).parse("ежеквартально").occurrences
        #expect(CalendarSeries.plan(quarters.map { .init(start: $0.start, end: $0.end) }, every: .quarterly) == nil)
        // «до 30 числа каждого месяца»: 28 February, which a rule of the 30th skips.
        let monthly = TermParser(period: d("2026-01-01")...d("2026-12-31")).parse("до 30 числа каждого месяца")
            .occurrences
        #expect(CalendarSeries.plan(monthly.map { .init(start: $0.start, end: $0.end) }, every: .monthly) == nil)
        // Done ones are exceptions of the series.
        let plan = CalendarSeries.plan(
            [
                .init(start: d("2026-01-05"), end: d("2026-01-05"), excluded: true),
                .init(start: d("2026-02-05"), end: d("2026-02-05")),
            ], every: .monthly)
        #expect(plan?.exceptions == [d("2026-01-05")])
    }

    /// Every generated series — any day, any frequency, deadlines and periods, month ends among
    /// them — is written so that the calendar's expansion equals the tool's occurrences: as a
    /// rule whose RFC 5545 expansion gives every start with the first's length, or not as a rule.
    @Test func everySeriesExpandsToTheToolsDates() async {
        await propertyCheck(
            count: 500, input: Gen.int(in: 2019...2030), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: 0...3),
            Gen.int(in: 0...40), Gen.int(in: 2...14)
        ) { year, month, rawDay, kind, length, count in
            let r = Recurrence.allCases[kind]
            let days = LocalDate.daysIn(month: month, year: year)
            let start = LocalDate(year: year, month: month, day: min(rawDay, days))!
            let end = rawDay > days ? start : start.adding(days: length % 3 == 0 ? 0 : length)
            // The tool's series: Recurrence.step from the first occurrence, as TermParser repeats it.
            let spans = (0..<count).map { k -> CalendarSeries.Span in
                let (s, e) = r.step(start, end, times: k)
                return CalendarSeries.Span(start: s, end: e)
            }
            // A deadline series is one rule unless its day is one some months lack and not their last.
            if start == end, start.day <= 28 || start.day == days {
                #expect(CalendarSeries.plan(spans, every: r) != nil, "\(r) from \(start)")
            }
            if start == end { #expect(spans.allSatisfy { $0.start == $0.end }, "a deadline stays one day") }
            guard let plan = CalendarSeries.plan(spans, every: r) else { return }
            let expanded = plan.rule.dates(from: plan.first.start)
            let firstLength = plan.first.start.days(until: plan.first.end)
            #expect(
                expanded.map { CalendarSeries.Span(start: $0, end: $0.adding(days: firstLength)) } == spans,
                "\(plan.rule.text) from \(start) \(end)")
            // A deadline on a month's last day is always a rule: BYMONTHDAY=-1.
            if start == end, start.day == days {
                #expect(plan.rule.lastDayOfMonth || expanded.allSatisfy { $0.day == start.day })
            }
        }
    }

    /// Terms as orders write them, generated: whatever series they give, the calendar's rule
    /// (where there is one) expands to exactly the parsed occurrences.
    @Test func everyParsedTermsSeriesExpandsToItsOccurrences() async {
        let months = [
            "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
            "декабрь",
        ]
        let shapes: [(Int, Int, Int) -> String] = [
            { m, day, y in "до \(String(format: "%02d.%02d", day, m)).\(y), далее ежемесячно" },
            { m, day, y in "до \(String(format: "%02d.%02d", day, m)).\(y), далее ежеквартально" },
            { m, day, y in "до \(String(format: "%02d.%02d", day, m)).\(y), далее ежегодно" },
            { m, _, y in "\(months[m - 1]) \(y) года, далее ежеквартально" },
            { m, _, y in "\(months[m - 1]) \(y) года, далее ежегодно" },
            { _, day, _ in "ежемесячно до \(day) числа" },
            { _, day, _ in "ежеквартально (до \(day) числа месяца, следующего за кварталом)" },
            { _, day, _ in "до \(day) числа месяца, следующего за отчетным полугодием" },
            { m, _, y in "\(months[m - 1]) – декабрь \(y) (ежемесячно)" },
            { _, _, _ in "ежеквартально" },
            { _, _, _ in "раз в полугодие" },
        ]
        await propertyCheck(
            count: 400, input: Gen.int(in: 0...(shapes.count - 1)), Gen.int(in: 1...12), Gen.int(in: 1...31),
            Gen.int(in: 2019...2028)
        ) { shape, month, rawDay, year in
            let day = min(rawDay, LocalDate.daysIn(month: month, year: year))
            let term = shapes[shape](month, day, year)
            let parsed = TermParser(
                period: LocalDate(year: year, month: 1, day: 1)!...LocalDate(year: year + 2, month: 12, day: 31)!
            ).parse(term)
            let series = parsed.occurrences.filter { $0.recurrence != nil }
            guard let r = series.first?.recurrence, series.count > 1 else { return }
            let spans = series.map { CalendarSeries.Span(start: $0.start, end: $0.end) }
            guard let plan = CalendarSeries.plan(spans, every: r) else {
                // No rule: every occurrence is written on its own, which is exact by construction;
                // a deadline series is always a rule unless its day is one some months lack.
                #expect(
                    !(series[0].isDeadline
                        && (day <= 28
                            || series[0].start.day
                                == LocalDate.daysIn(month: series[0].start.month, year: series[0].start.year))
                        && term.contains("далее")), "\(term)")
                return
            }
            let length = plan.first.start.days(until: plan.first.end)
            #expect(
                plan.rule.dates(from: plan.first.start).map {
                    CalendarSeries.Span(start: $0, end: $0.adding(days: length))
                } == spans, "\(term): \(plan.rule.text)")
        }
    }

    /// Words of terms in any order: the parser never traps, an occurrence never ends before it
    /// starts, a deadline is one day, and no date is one a calendar lacks.
    @Test func anyTermOfTermWordsReadsIntoSaneDates() async {
        let words = [
            "до", "10", "29", "31", "числа", "месяца,", "следующего", "за", "кварталом", "отчетным", "(ежемесячно)",
            "ежеквартально", "ежегодно", "далее", "февраля", "2026", "2025/26", "учебного", "года", "-", "с", "по",
            "в течение", "(", ")", "31.03.2026", "29.02.2026", "май", "декабрь", "I", "квартал", "полугодие", ",",
        ]
        await propertyCheck(count: 400, input: Gen.int(in: 0...(words.count - 1)).array(of: 1...9)) { picks in
            let term = picks.map { words[$0] }.joined(separator: " ")
            for period in [d("2026-01-01")...d("2026-12-31"), d("2025-09-01")...d("2026-08-31")] {
                let parsed = TermParser(period: period).parse(term)
                #expect(parsed.occurrences.allSatisfy { $0.start <= $0.end }, "\(term)")
                #expect(parsed.occurrences.allSatisfy { !$0.isDeadline || $0.start == $0.end }, "\(term)")
                if !TermParser.impossibleDates(in: term).isEmpty {
                    #expect(parsed.occurrences.isEmpty, "\(term)")
                }
            }
        }
    }

    @Test func monthEndDeadlineSeriesAreAlwaysOneRule() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 2019...2030), Gen.int(in: 1...12), Gen.int(in: 0...3), Gen.int(in: 2...14)
        ) { year, month, kind, count in
            let r = Recurrence.allCases[kind]
            let last = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
            // A deadline series as TermParser repeats it: each step keeps the month's end.
            let spans = (0..<count).map { k in
                let (s, e) = r.step(last, last, times: k)
                return CalendarSeries.Span(start: s, end: e)
            }
            let plan = CalendarSeries.plan(spans, every: r)
            #expect(plan != nil, "\(r) from \(last)")
            #expect(plan?.rule.dates(from: last) == spans.map(\.start))
        }
    }
}
