import Foundation
import Testing

@testable import NastavnikCore

func d(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

/// A compact picture of a parsed term: "start..end" per occurrence, `~yearly` when recurring,
/// `!` for a deadline, and the flag.
func describe(_ term: ParsedTerm) -> String {
    var parts = term.occurrences.map { o -> String in
        var s = o.start == o.end ? o.start.iso : "\(o.start.iso)..\(o.end.iso)"
        if o.isDeadline { s = "!" + s }
        if let r = o.recurrence { s += "~\(r.rawValue)" }
        return s
    }
    if let flag = term.flag { parts.append("[\(flag.rawValue)]") }
    return parts.joined(separator: " ")
}

let period2020to2022 = d("2020-01-01")...d("2022-12-31")
let period2023 = d("2023-01-01")...d("2023-12-31")

@Suite struct TermParserTests {
    /// Every term of the five seed roadmaps, with the period of its roadmap.
    @Test(arguments: [
        // Яковлевский городской округ, 2020–2022
        ("Сентябрь – октябрь 2020", "2020-09-01..2020-10-31"),
        ("Июнь-август 2020", "2020-06-01..2020-08-31"),
        ("Ноябрь-декабрь 2020", "2020-11-01..2020-12-31"),
        ("август 2021", "2021-08-01..2021-08-31"),
        (
            "В течение учебного года",
            "2019-09-01..2020-08-31~yearly 2020-09-01..2021-08-31~yearly 2021-09-01..2022-08-31~yearly 2022-09-01..2023-08-31~yearly"
        ),
        ("В течение года", "2020-01-01..2020-12-31~yearly 2021-01-01..2021-12-31~yearly 2022-01-01..2022-12-31~yearly"),
        ("Сентябрь-ноябрь 2022", "2022-09-01..2022-11-30"),
        ("апрель - май 2021", "2021-04-01..2021-05-31"),
        ("Ноябрь – декабрь 2020", "2020-11-01..2020-12-31"),
        ("февраль-апрель 2022", "2022-02-01..2022-04-30"),
        ("2021 год", "2021-01-01..2021-12-31"),
        ("январь 2022", "2022-01-01..2022-01-31"),
        // Боровский район
        ("Декабрь 2020 года", "2020-12-01..2020-12-31"),
        ("Январь - февраль 2021 года", "2021-01-01..2021-02-28"),
        ("Апрель-декабрь 2021 года", "2021-04-01..2021-12-31"),
        ("Декабрь 2020 года, февраль 2021 года", "2020-12-01..2020-12-31 2021-02-01..2021-02-28"),
        ("Декабрь 2020 года - декабрь 2021 года", "2020-12-01..2021-12-31"),
        ("Декабрь-январь 2020 года", "2020-12-01..2021-01-31"),
        ("В течение 2020/21 учебного года", "2020-09-01..2021-08-31"),
        ("В течение 2020/21 учебного года (по графику КГИРО)", "2020-09-01..2021-08-31 [bySchedule]"),
        ("Декабрь 2020 – декабрь 2021", "2020-12-01..2021-12-31"),
        ("В течение 2021 года", "2021-01-01..2021-12-31"),
        ("По мере готовности", "[bySchedule]"),
        (
            "Декабрь 2020 года, февраль 2020 года, апрель 2021 года",
            "2020-02-01..2020-02-29 2020-12-01..2020-12-31 2021-04-01..2021-04-30"
        ),
        ("Ежемесячно", "2020-01-01..2020-01-31~monthly"),
        // Минусинск
        ("До 25 .11.2020г", "!2020-11-25"),
        ("До 01.12.2020", "!2020-12-01"),
        ("Постоянно", "[continuous]"),
        ("Постоянно.", "[continuous]"),
        ("В рамках соглашения со школами, участниками реализации Программы", "[bySchedule]"),
        ("Лето 2021", "2021-06-01..2021-08-31"),
        ("Апрель, май 2019", "2019-04-01..2019-04-30 2019-05-01..2019-05-31"),
        ("В течение года, ежемесячно.", "2020-01-01..2020-01-31~monthly"),
        ("В период заполнения РАОП", "[bySchedule]"),
        // Ставрополь
        (
            "март 2020 года, далее ежегодно",
            "2020-03-01..2020-03-31~yearly 2021-03-01..2021-03-31~yearly 2022-03-01..2022-03-31~yearly"
        ),
        (
            "IV квартал 2020 года, далее ежегодно",
            "2020-10-01..2020-12-31~yearly 2021-10-01..2021-12-31~yearly 2022-10-01..2022-12-31~yearly"
        ),
        (
            "ежегодно, согласно отдельному плану",
            "2020-01-01..2020-12-31~yearly 2021-01-01..2021-12-31~yearly 2022-01-01..2022-12-31~yearly [bySchedule]"
        ),
        ("по отдельному графику", "[bySchedule]"),
        (
            "с марта 2020 года, далее ежегодно, согласно отдельному плану",
            "2020-03-01..2020-03-31~yearly 2021-03-01..2021-03-31~yearly 2022-03-01..2022-03-31~yearly [bySchedule]"
        ),
        (
            "август-октябрь ежегодно",
            "2020-08-01..2020-10-31~yearly 2021-08-01..2021-10-31~yearly 2022-08-01..2022-10-31~yearly"
        ),
        (
            "Декабрь 2020 года, далее ежеквартально",
            "2020-12-01..2020-12-31~quarterly 2021-03-01..2021-03-31~quarterly 2021-06-01..2021-06-30~quarterly 2021-09-01..2021-09-30~quarterly 2021-12-01..2021-12-31~quarterly 2022-03-01..2022-03-31~quarterly 2022-06-01..2022-06-30~quarterly 2022-09-01..2022-09-30~quarterly 2022-12-01..2022-12-31~quarterly"
        ),
        ("2021 год, далее ежегодно", "2021-01-01..2021-12-31~yearly 2022-01-01..2022-12-31~yearly"),
        ("по результатам деятельности", "[bySchedule]"),
    ])
    func seedTerms(term: String, expected: String) {
        let parsed = TermParser(period: period2020to2022).parse(term)
        let text = describe(parsed)
        // Long series are compared by their beginning.
        #expect(text == expected || (expected.hasSuffix("~monthly") && text.hasPrefix(expected)), "\(term)")
    }

    @Test func monthlyAndQuarterlySeriesCoverThePeriod() {
        let monthly = TermParser(period: period2020to2022).parse("Ежемесячно")
        #expect(monthly.occurrences.count == 36)
        #expect(monthly.occurrences.last?.start == d("2022-12-01"))
        let quarterly = TermParser(period: period2023).parse("Ежеквартально")
        #expect(
            describe(quarterly)
                == "2023-01-01..2023-03-31~quarterly 2023-04-01..2023-06-30~quarterly 2023-07-01..2023-09-30~quarterly 2023-10-01..2023-12-31~quarterly"
        )
    }

    /// The Заиграевский roadmap (2023).
    @Test(arguments: [
        ("Февраль 2023г", "2023-02-01..2023-02-28"),
        ("Февраль 2023", "2023-02-01..2023-02-28"),
        ("Июнь 2023 Декабрь2023", "2023-06-01..2023-06-30 2023-12-01..2023-12-31"),
        ("Апрель 2023 Июнь 2023", "2023-04-01..2023-04-30 2023-06-01..2023-06-30"),
        ("В течении года", "2023-01-01..2023-12-31"),
        ("Декабрь 2023г", "2023-12-01..2023-12-31"),
        ("По графику", "[bySchedule]"),
    ])
    func zaigraevskyTerms(term: String, expected: String) {
        #expect(describe(TermParser(period: period2023).parse(term)) == expected, "\(term)")
    }

    /// The forms the import contract and the roadmap issue name beyond the seeds.
    @Test(arguments: [
        ("I квартал", "2023-01-01..2023-03-31"),
        ("IV квартал 2020 года", "2020-10-01..2020-12-31"),
        ("2 квартал 2024 г.", "2024-04-01..2024-06-30"),
        ("I полугодие 2024 года", "2024-01-01..2024-06-30"),
        ("II полугодие 2024", "2024-07-01..2024-12-31"),
        ("Лето 2021", "2021-06-01..2021-08-31"),
        ("Зима 2021", "2021-12-01..2022-02-28"),
        ("зима 2023/24", "2023-12-01..2024-02-29"),
        ("Осень 2024", "2024-09-01..2024-11-30"),
        ("2020/21 учебный год", "2020-09-01..2021-08-31"),
        ("2024/2025 учебный год", "2024-09-01..2025-08-31"),
        ("с 10.02.2024 по 20.02.2024", "2024-02-10..2024-02-20"),
        ("Январь, апрель, август 2024", "2024-01-01..2024-01-31 2024-04-01..2024-04-30 2024-08-01..2024-08-31"),
        ("до 1 сентября 2024 г.", "!2024-09-01"),
        ("до 01.12.2020г", "!2020-12-01"),
        ("15.01.2024", "2024-01-15"),
        ("Декабрь 2020 года", "2020-12-01..2020-12-31"),
        ("по графику", "[bySchedule]"),
        ("по отдельному графику", "[bySchedule]"),
        ("постоянно", "[continuous]"),
        ("по мере готовности", "[bySchedule]"),
        ("в рамках соглашения", "[bySchedule]"),
        ("Ежегодно", "2023-01-01..2023-12-31~yearly"),
        (
            "с марта 2020 года, далее ежегодно",
            "2020-03-01..2020-03-31~yearly 2021-03-01..2021-03-31~yearly 2022-03-01..2022-03-31~yearly 2023-03-01..2023-03-31~yearly"
        ),
    ])
    func contractForms(term: String, expected: String) {
        #expect(describe(TermParser(period: period2023).parse(term)) == expected, "\(term)")
    }

    /// Terms of school-year roadmaps beyond the seeds, as departments write them (period
    /// 2025/26: 1 September 2025 to 31 August 2026).
    @Test(arguments: [
        ("В течение 2025-2026 учебного года", "2025-09-01..2026-08-31"),
        ("2025 - 2026 учебный год", "2025-09-01..2026-08-31"),
        ("в течение 2025/26 уч. года", "2025-09-01..2026-08-31"),
        ("I полугодие 2025/2026 учебного года", "2025-09-01..2025-12-31"),
        ("2 полугодие 2025-2026 уч.г.", "2026-01-01..2026-05-31"),
        ("май 2025/2026 учебного года", "2026-05-01..2026-05-31"),
        ("весна 2025/26", "2026-03-01..2026-05-31"),
        ("с сентября 2025 года", "2025-09-01..2026-08-31"),
        ("ежегодно (сентябрь)", "2025-09-01..2025-09-30~yearly"),
        ("ежегодно (май – июнь)", "2026-05-01..2026-06-30~yearly"),
        ("ежегодно, май", "2026-05-01..2026-05-31~yearly"),
        ("ежегодно до 20 июня", "!2026-06-20~yearly"),
        ("в течение года", "2025-09-01..2026-08-31"),
        ("в течение всего периода", "[continuous]"),
        ("еженедельно", "[continuous]"),
        ("в период летних каникул 2026", "2026-06-01..2026-08-31 [bySchedule]"),
        ("по итогам ВПР (апрель–май 2026)", "2026-04-01..2026-05-31 [bySchedule]"),
        ("2 раза в год (декабрь, май)", "2025-12-01..2025-12-31~yearly 2026-05-01..2026-05-31~yearly"),
        ("4 кв. 2025 г.", "2025-10-01..2025-12-31"),
        ("IV кв. 2025 года", "2025-10-01..2025-12-31"),
        ("III-IV квартал 2025 года", "2025-07-01..2025-12-31"),
        ("1-2 квартал 2026", "2026-01-01..2026-06-30"),
        ("второе полугодие 2025 года", "2025-07-01..2025-12-31"),
        ("четвертый квартал 2025 г.", "2025-10-01..2025-12-31"),
        ("в срок до 15 мая 2026 года", "!2026-05-15"),
        ("в срок до 15.05.2026", "!2026-05-15"),
        ("к 1 сентября 2026 г.", "!2026-09-01"),
        ("к началу 2026/2027 учебного года", "!2026-08-31"),
        ("до конца 2025 года", "!2025-12-31"),
        ("до конца 2025/2026 учебного года", "!2026-08-31"),
        ("IV квартал 2025 г., далее – ежегодно", "2025-10-01..2025-12-31~yearly"),
        ("01.09.25", "2025-09-01"),
        ("в соответствии с планом работы УО", "[bySchedule]"),
        // Calendar quarters that overlap the school year, as «ежеквартально» gives: the report
        // for July–September 2025 is due within the period, and so is the one begun in July 2026.
        (
            "1 раз в квартал",
            "2025-07-01..2025-09-30~quarterly 2025-10-01..2025-12-31~quarterly 2026-01-01..2026-03-31~quarterly 2026-04-01..2026-06-30~quarterly 2026-07-01..2026-09-30~quarterly"
        ),
        ("раз в полугодие", "2025-09-01..2025-12-31~halfYearly 2026-01-01..2026-05-31~halfYearly"),
        // Each month once in the school year: neither repeats.
        ("декабрь, май", "2025-12-01..2025-12-31 2026-05-01..2026-05-31"),
        ("первое полугодие", "2025-09-01..2025-12-31"),
        ("весна", "2026-03-01..2026-05-31"),
        ("с 1 сентября до 31 декабря 2025", "2025-09-01..2025-12-31"),
        ("с сентября 2025 года до конца 2026 года", "2025-09-01..2026-12-31"),
        ("с 1 по 10 сентября 2025", "2025-09-01..2025-09-10"),
        ("1-10 сентября 2025 г.", "2025-09-01..2025-09-10"),
        ("по мере необходимости в течение года", "2025-09-01..2026-08-31 [bySchedule]"),
        ("Постоянно (в течение года)", "2025-09-01..2026-08-31 [continuous]"),
        ("2 раза в год (по графику)", "[unreadable]"),
        ("2 раза в год", "[unreadable]"),
        ("осенние каникулы 2025", "[unreadable]"),
    ])
    func schoolYearTerms(term: String, expected: String) {
        #expect(describe(TermParser(period: d("2025-09-01")...d("2026-08-31")).parse(term)) == expected, "\(term)")
    }

    /// A school-year roadmap that ends in December has no spring half.
    @Test func halfYearlyWorkStaysWithinAShortSchoolPeriod() {
        #expect(
            describe(TermParser(period: d("2025-09-01")...d("2025-12-31")).parse("раз в полугодие"))
                == "2025-09-01..2025-12-31~halfYearly")
    }

    /// «с сентября» without a year, in a roadmap of several years, is each September.
    @Test func anOpenStartWithoutAYearRepeatsYearly() {
        #expect(
            describe(TermParser(period: period2020to2022).parse("с сентября"))
                == "2020-09-01..2020-09-30~yearly 2021-09-01..2021-09-30~yearly 2022-09-01..2022-09-30~yearly")
    }

    @Test func monthlyDeadlinesOnADayOfTheMonth() {
        let parser = TermParser(period: d("2025-09-01")...d("2026-08-31"))
        for term in ["ежемесячно до 5 числа", "Ежемесячно, до 5 числа", "до 5 числа каждого месяца"] {
            let parsed = parser.parse(term)
            #expect(parsed.occurrences.count == 12, "\(term)")
            #expect(
                parsed.occurrences.first
                    == TermOccurrence(
                        start: d("2025-09-05"), end: d("2025-09-05"), recurrence: .monthly, isDeadline: true))
            #expect(parsed.occurrences.last?.start == d("2026-08-05"))
        }
        // The 31st is the last day of shorter months.
        #expect(parser.parse("до 31 числа каждого месяца").occurrences.map(\.start).contains(d("2026-02-28")))
        #expect(TermParser(period: nil).parse("ежемесячно до 5 числа").flag == .unreadable)
    }

    @Test(arguments: [
        "когда получится", "вчера", "31.02.2024", "через неделю после семинара", "до", "-", "2024-", "квартал",
    ])
    func unreadableTermsAreFlaggedNeverDated(term: String) {
        let parsed = TermParser(period: period2023).parse(term)
        #expect(parsed.occurrences.isEmpty, "\(term)")
        #expect(parsed.flag == .unreadable, "\(term)")
    }

    @Test func impossibleDatesAreNamed() {
        #expect(TermParser.impossibleDates(in: "до 31.02.2026") == ["31.02.2026"])
        #expect(TermParser.impossibleDates(in: "с 01.09.2025 по 13.13.2025") == ["13.13.2025"])
        #expect(TermParser.impossibleDates(in: "до 28.02.2026") == [])
    }

    @Test func termsWithoutAYearNeedAPeriod() {
        #expect(TermParser(period: nil).parse("Ежеквартально").flag == .unreadable)
        #expect(TermParser(period: nil).parse("I квартал").flag == .unreadable)
        #expect(describe(TermParser(period: nil).parse("Декабрь 2020 года")) == "2020-12-01..2020-12-31")
    }
}

/// Inputs the fuzzer (Scripts/fuzz terms) found to crash the parser, kept as regression tests.
@Suite struct TermParserFuzzRegressions {
    @Test(arguments: [
        "MjAyMjsAIjAwMDCREQAAAN8="  // year 0000: a date that cannot exist was force-unwrapped
    ])
    func fuzzFindings(base64: String) throws {
        let bytes = try #require(Data(base64Encoded: base64))
        let text = String(decoding: bytes, as: UTF8.self)
        for parser in [TermParser(period: period2020to2022), TermParser(period: nil)] {
            let parsed = parser.parse(text)
            #expect(parsed.occurrences.allSatisfy { $0.start <= $0.end })
        }
    }

    @Test(arguments: ["0000 год", "9999", "Декабрь 0001 года", "с 01.01.0001 по 02.01.0001", "1899/00 учебный год"])
    func yearsOutsideAnyRoadmapAreNotDated(term: String) {
        let parsed = TermParser(period: period2020to2022).parse(term)
        #expect(parsed.flag == .unreadable || parsed.occurrences.allSatisfy { (1900...2200).contains($0.start.year) })
    }
}
