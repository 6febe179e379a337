import Foundation

/// Reads terms (сроки) as Russian officials write them into occurrences.
///
/// The period of the roadmap (for example 2020–2022) gives a year to terms that name none
/// («ежеквартально», «I квартал», «в течение учебного года») and bounds the repetitions of
/// «далее ежегодно». What cannot be read is flagged, never guessed.
public struct TermParser: Sendable {
    public var period: ClosedRange<LocalDate>?

    public init(period: ClosedRange<LocalDate>? = nil) { self.period = period }

    // MARK: Tokens

    enum Token: Equatable {
        case month(Int)
        case year(Int)
        case schoolYear(Int)
        case date(LocalDate)
        case number(Int)
        case quarter(Int)
        case half(Int)
        case season(Int)  // 0 winter, 1 spring, 2 summer, 3 autumn
        case word(String)
        case dash
        case comma
    }

    static let monthStems: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7), ("август", 8),
        ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]

    static func month(_ word: String) -> Int? {
        // «май», «мая», «мае»; «март», «марта», «марте»: check longer stems first.
        if word == "май" || word == "мая" || word == "мае" { return 5 }
        for (stem, m) in monthStems where stem != "ма" && word.hasPrefix(stem) {
            let rest = word.dropFirst(stem.count)
            if rest.count <= 3 { return m }
        }
        return nil
    }

    /// «IV», «4» and the ordinal words «первый», «второе», «третьем», «четвертый».
    static func roman(_ word: String) -> Int? {
        if let n = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4][word] { return n }
        for (stem, n) in [("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4)] where word.hasPrefix(stem) { return n }
        return nil
    }

    /// The number a quarter or half-year token is written with, or `nil`.
    static func ordinal(_ token: Token?) -> Int? {
        switch token {
        case .number(let n)?: n
        case .word(let w)?: roman(w)
        default: nil
        }
    }

    /// Turns the number before «квартал»/«полугодие» into one, with the one before a dash
    /// («III–IV квартал», «1-2 полугодие»).
    static func numbered(_ tokens: inout [Token], limit: Int, make: (Int) -> Token) -> Bool {
        guard let n = ordinal(tokens.last), (1...limit).contains(n) else { return false }
        tokens.removeLast()
        if tokens.count >= 2, tokens[tokens.count - 1] == .dash, let first = ordinal(tokens[tokens.count - 2]),
            (1...limit).contains(first), first < n
        {
            tokens[tokens.count - 2] = make(first)
        }
        tokens.append(make(n))
        return true
    }

    /// Lower case, `ё`→`е`, dashes unified, `г.`/`гг.` after years dropped, dates with stray
    /// spaces («25 .11.2020г») joined.
    static func tokenize(_ text: String) -> [Token] {
        var s = CellValue.fold(text)
        for dash in ["–", "—", "−", "‑"] { s = s.replacingOccurrences(of: dash, with: "-") }
        var tokens: [Token] = []
        let chars = Array(s)
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "." || c == "(" || c == ")" || c == ":" || c == ";" || c == "«" || c == "»" || c == "\""
            {
                if c == ";" { tokens.append(.comma) }
                i += 1
                continue
            }
            if c == "," {
                tokens.append(.comma)
                i += 1
                continue
            }
            if c == "-" {
                tokens.append(.dash)
                i += 1
                continue
            }
            if c == "/" {
                tokens.append(.word("/"))
                i += 1
                continue
            }
            if isDigit(c) {
                // A date dd.mm.yyyy, tolerating spaces around the dots.
                var j = i
                var parts: [String] = []
                var current = ""
                while j < chars.count {
                    let d = chars[j]
                    if isDigit(d) {
                        current.append(d)
                        j += 1
                        continue
                    }
                    if d == "." || d == " " {
                        // Look ahead: spaces and one dot between digit groups.
                        var k = j
                        var dots = 0
                        while k < chars.count, chars[k] == " " || chars[k] == "." {
                            if chars[k] == "." { dots += 1 }
                            k += 1
                        }
                        if dots == 1, k < chars.count, isDigit(chars[k]), !current.isEmpty, parts.count < 2 {
                            parts.append(current)
                            current = ""
                            j = k
                            continue
                        }
                    }
                    break
                }
                if parts.count == 2, !current.isEmpty {
                    // «01.09.25»: a two-digit year in a term is this century's.
                    parts.append(current.count == 2 ? "20" + current : current)
                    i = j
                    if i < chars.count, chars[i] == "г" { i += 1 }
                    // A date that does not exist (31.02.2024) makes the term unreadable.
                    tokens.append(
                        LocalDate(parsing: parts.joined(separator: ".")).map { .date($0) } ?? .word("#invalid-date"))
                    continue
                }
                // Digits alone: a year, a school year 2020/21, or a day number.
                var digits = ""
                var k = i
                while k < chars.count, isDigit(chars[k]) {
                    digits.append(chars[k])
                    k += 1
                }
                i = k
                // Years outside 1900–2200 are no years of a roadmap (and no dates either).
                if digits.count == 4, let year = Int(digits), (1900...2200).contains(year) {
                    // 2020/21, 2020/2021, 2020-2021 учебный год is handled by the grammar.
                    var m = i
                    while m < chars.count, chars[m] == " " { m += 1 }
                    if m < chars.count, chars[m] == "/" {
                        var n = m + 1
                        while n < chars.count, chars[n] == " " { n += 1 }
                        var next = ""
                        while n < chars.count, isDigit(chars[n]) {
                            next.append(chars[n])
                            n += 1
                        }
                        if let second = Int(next), next.count == 2 || next.count == 4,
                            next.count == 2
                                ? year % 100 + 1 == second % 100 || (year % 100 == 99 && second == 0)
                                : second == year + 1
                        {
                            tokens.append(.schoolYear(year))
                            i = n
                            continue
                        }
                    }
                    tokens.append(.year(year))
                } else if let n = Int(digits), digits.count <= 2 {
                    tokens.append(.number(n))
                } else {
                    tokens.append(.word(digits))
                }
                continue
            }
            // A word.
            var word = ""
            var k = i
            while k < chars.count, chars[k].isLetter {
                word.append(chars[k])
                k += 1
            }
            if word.isEmpty {
                i += 1
                continue
            }
            i = k
            if let m = month(word) {
                tokens.append(.month(m))
                continue
            }
            if ["г", "гг", "год", "года", "году", "годы", "годов"].contains(word) {
                tokens.append(.word("год"))
                continue
            }
            if word.hasPrefix("квартал") || word == "кв" {
                if !numbered(&tokens, limit: 4, make: { .quarter($0) }) { tokens.append(.word("квартал")) }
                continue
            }
            if word.hasPrefix("полугоди") {
                if !numbered(&tokens, limit: 2, make: { .half($0) }) { tokens.append(.word("полугодие")) }
                continue
            }
            // «уч. г.», «уч. год»: the school year abbreviated.
            if word == "уч" {
                tokens.append(.word("учебный"))
                continue
            }
            if word.hasPrefix("зим") {
                tokens.append(.season(0))
                continue
            }
            if word.hasPrefix("весн") {
                tokens.append(.season(1))
                continue
            }
            if word.hasPrefix("лет") && word != "лет" || word == "лето" {
                tokens.append(.season(2))
                continue
            }
            if word.hasPrefix("осен") {
                tokens.append(.season(3))
                continue
            }
            tokens.append(.word(word))
        }
        // «2025-2026 учебный год» is the school year 2025/26, not two calendar years.
        if tokens.contains(where: { if case .word(let w) = $0 { w.hasPrefix("учебн") } else { false } }) {
            var index = 0
            while index + 2 < tokens.count {
                if case .year(let a) = tokens[index], tokens[index + 1] == .dash, tokens[index + 2] == .year(a + 1) {
                    tokens.replaceSubrange(index...(index + 2), with: [.schoolYear(a)])
                }
                index += 1
            }
        }
        return tokens
    }

    // MARK: Undated forms

    /// Phrases that mean "throughout" and "by a schedule kept elsewhere".
    static let continuousPhrases = [
        "постоянно", "в течение всего периода", "весь период", "на протяжении всего периода",
        "систематически", "в постоянном режиме", "на постоянной основе", "регулярно",
        // Weekly and daily work is tracked as ongoing, not as 52 deadlines a year.
        "еженедельно", "ежедневно",
    ]
    static let schedulePhrases = [
        "по графику", "по отдельному графику", "по отдельному плану", "согласно отдельному плану",
        "согласно графику", "согласно плану", "по плану", "по мере готовности", "по мере необходимости",
        "по мере поступления", "по необходимости", "в рамках соглашения", "по результатам",
        "в период", "по запросу", "по согласованию", "по итогам",
        "в сроки", "по приглашению", "по заявкам", "по заявке", "в соответствии с",
    ]

    // MARK: Parsing

    /// The text without remarks in parentheses and without the clauses the flags came from
    /// («ежегодно, согласно отдельному плану» → «ежегодно,»). With `keepRemarks` the remarks
    /// follow it: «ежегодно (сентябрь)», «по итогам ВПР (апрель–май 2026)».
    static func datedPart(of folded: String, keepRemarks: Bool = false) -> String {
        var text = folded
        var remarks: [String] = []
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            remarks.append(String(text[text.index(after: open)..<close]))
            text.replaceSubrange(open...close, with: " ")
        }
        for phrase in schedulePhrases + continuousPhrases {
            while let range = text.range(of: phrase) {
                let end = text[range.upperBound...].firstIndex(of: ",") ?? text.endIndex
                text.replaceSubrange(range.lowerBound..<end, with: " ")
            }
        }
        return keepRemarks ? ([text] + remarks).joined(separator: ", ") : text
    }

    // The words `normalizeFrequency` puts in place of a frequency: letters only, so that they
    // stay one token, and no word a term is written with.
    static let halfYearlyWord = "развполугодие"
    static let severalTimesWord = "многократно"

    /// «1 раз в квартал» → «ежеквартально»; «2 раза в год (декабрь, май)» → «ежегодно (декабрь, май)»,
    /// whose remark names the times. Several times a year without them stays unreadable.
    static func normalizeFrequency(_ folded: String) -> String {
        var text = folded
        let pattern = #"\b(\d+\s*)?раза?\s+в\s+(месяц|квартал|полугодие|год)\b"#
        while let range = text.range(of: pattern, options: .regularExpression) {
            let phrase = text[range]
            let count = Int(phrase.prefix { $0.isNumber }) ?? 1
            let unit = phrase.split(separator: " ").last.map(String.init) ?? ""
            let word =
                [
                    "месяц": "ежемесячно", "квартал": "ежеквартально", "полугодие": Self.halfYearlyWord,
                    "год": "ежегодно",
                ][unit] ?? ""
            // The times are named only if the remark after the phrase holds dates.
            let after = text[range.upperBound...]
            let named =
                after.firstIndex(of: "(").flatMap { open in
                    after[open...].firstIndex(of: ")").map { close in
                        !Reading(String(after[after.index(after: open)..<close])).meaningful.isEmpty
                    }
                } ?? false
            text.replaceSubrange(range, with: count == 1 || (unit == "год" && named) ? word : Self.severalTimesWord)
        }
        return text
    }

    /// The school year is the period: it starts on 1 September.
    static func isSchoolYear(_ period: ClosedRange<LocalDate>) -> Bool {
        period.lowerBound.month == 9 && period.lowerBound.day == 1
    }

    /// The tokens of a term's dated part, without the recurrence words they carry.
    struct Reading {
        var tokens: [Token] = []
        var repeatAfter: Recurrence?
        var standalone: Recurrence?
        var meaningful: [Token] { tokens.filter { if case .word = $0 { false } else { $0 != .comma && $0 != .dash } } }
        var words: [String] { tokens.compactMap { if case .word(let w) = $0 { w } else { nil } } }

        init(_ text: String) {
            // «далее ежегодно», «далее – ежеквартально»: the rest repeats.
            var sawDalee = false
            var afterDalee = false
            for token in TermParser.tokenize(text) {
                if afterDalee, token == .dash || token == .comma { continue }
                afterDalee = false
                if case .word(let w) = token {
                    let r: Recurrence? =
                        w.hasPrefix("ежегодн")
                        ? .yearly
                        : w.hasPrefix("ежекварт")
                            ? .quarterly
                            : w.hasPrefix("ежемесячн") ? .monthly : w == TermParser.halfYearlyWord ? .halfYearly : nil
                    if w == "далее" || w == "затем" {
                        sawDalee = true
                        afterDalee = true
                        continue
                    }
                    if let r {
                        if sawDalee { repeatAfter = r } else { standalone = r }
                        continue
                    }
                }
                tokens.append(token)
            }
        }
    }

    /// The dates written in a term that no calendar has («31.02.2026», «13.13.2025»), to say
    /// why it was not read.
    public static func impossibleDates(in term: String) -> [String] {
        var found: [String] = []
        var rest = term[...]
        while let range = rest.range(of: #"\b\d{1,2}\.\d{1,2}\.\d{4}\b"#, options: .regularExpression) {
            let text = String(rest[range])
            if LocalDate(parsing: text) == nil { found.append(text) }
            rest = rest[range.upperBound...]
        }
        // «29 февраля 2026», «31 июня 2025 г.»: a day and a month in words.
        rest = term[...]
        while let range = rest.range(of: #"\b\d{1,2}\s+[А-Яа-яЁё]+\s+\d{4}\b"#, options: .regularExpression) {
            let text = String(rest[range])
            let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if parts.count == 3, let day = Int(parts[0]), let month = month(CellValue.fold(parts[1])),
                let year = Int(parts[2]),
                LocalDate(year: year, month: month, day: day) == nil
            {
                found.append(parts.joined(separator: " "))
            }
            rest = rest[range.upperBound...]
        }
        return found
    }

    /// «до 10 числа месяца, следующего за кварталом (отчетным кварталом)»: the day and the
    /// period after which it falls; a unit not named («за отчетным периодом») is the term's
    /// own frequency («ежеквартально …»).
    static func followingMonthDeadline(_ folded: String) -> (day: Int, every: Recurrence)? {
        guard folded.contains("следующ") else { return nil }
        let pattern =
            #"(?:до|не позднее|не позже|к)\s+(\d{1,2})(?:\s*-?\s*(?:го|е|ого))?\s+числа\s+(?:месяца\s*,?\s*)?(?:следующего|следующем)\s+за\s+(?:отчетн[а-я]*\s*)?([а-я]*)"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)),
            let dayRange = Range(match.range(at: 1), in: folded), let day = Int(folded[dayRange]),
            (1...31).contains(day)
        else { return nil }
        let unit = Range(match.range(at: 2), in: folded).map { String(folded[$0]) } ?? ""
        let named: Recurrence? =
            unit.hasPrefix("квартал")
            ? .quarterly
            : unit.hasPrefix("месяц")
                ? .monthly
                : unit.hasPrefix("полугоди") ? .halfYearly : unit.hasPrefix("год") ? .yearly : nil
        let written = Reading(folded).standalone
        guard let every = named ?? written else { return nil }
        return (day, every)
    }

    /// The frequency a remark gives the dated term before it: «январь–май 2026 (ежемесячно)».
    static func remarkRecurrence(_ folded: String) -> Recurrence? {
        var text = folded[...]
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            let remark = Reading(String(text[text.index(after: open)..<close]))
            if remark.meaningful.isEmpty, let r = remark.standalone { return r }
            text = text[text.index(after: close)...]
        }
        return nil
    }

    /// The part of a roadmap's period its terms without a year fall in: from the day its order
    /// was signed, when that is within the period. A roadmap approved on 30.11.2020 for
    /// «2020–2021» has no «ежемесячно» in January 2020, and «в течение учебного года» in a
    /// roadmap approved on 22.09.2020 is 2020/21 on, not 2019/20.
    public static func inForce(period: ClosedRange<LocalDate>, signed: LocalDate?) -> ClosedRange<LocalDate> {
        guard let signed, period.contains(signed) else { return period }
        return signed...period.upperBound
    }

    /// The occurrences of a parsed term that end before `date` (the day the roadmap's order was
    /// signed): a term a roadmap cannot have meant, born overdue.
    public static func occurrences(of term: ParsedTerm, endingBefore date: LocalDate) -> [TermOccurrence] {
        term.occurrences.filter { $0.end < date }
    }

    public func parse(_ term: String) -> ParsedTerm {
        let folded = Self.normalizeFrequency(
            CellValue.fold(term).replacingOccurrences(of: "в течении", with: "в течение"))
        var flag: TermFlag?
        if Self.continuousPhrases.contains(where: { folded.contains($0) }) { flag = .continuous }
        if Self.schedulePhrases.contains(where: { folded.contains($0) }) { flag = flag ?? .bySchedule }

        // «29.02.2026, далее ежегодно», «ежеквартально, 31.06.2026»: a date no calendar has makes the
        // whole term unreadable, wherever it stands (a frequency beside it would otherwise be read alone).
        if Self.tokenize(folded).contains(.word("#invalid-date")) || !Self.impossibleDates(in: term).isEmpty {
            return .unreadable
        }

        // «ежеквартально (до 10 числа месяца, следующего за кварталом)»: a deadline after each
        // quarter of the period — 10 April, 10 July, 10 October, 10 January. The last quarter's
        // falls after the period: it is that quarter's report.
        if let (day, r) = Self.followingMonthDeadline(folded) {
            guard let period else { return .unreadable }
            return ParsedTerm(
                occurrences: repeatWithin(period: period, every: r).map { unit in
                    let next = unit.end.adding(days: 1)
                    // «до 31 числа» in a month of 30 days is its last day, as «до 30 числа каждого месяца» in February.
                    let date = LocalDate(
                        year: next.year, month: next.month,
                        day: min(day, LocalDate.daysIn(month: next.month, year: next.year)))!
                    return TermOccurrence(start: date, end: date, recurrence: r, isDeadline: true)
                }, flag: nil)
        }

        // The dates may stand in a remark («ежегодно (сентябрь)») or after «в период» («в период
        // летних каникул 2026»); they are read there only when the plain reading finds none.
        var reading = Reading(Self.datedPart(of: folded))
        var alternativeItems: [Item]?
        if reading.meaningful.isEmpty {
            let alternatives = [
                Self.datedPart(of: folded, keepRemarks: true),
                folded.contains("в период") ? folded.replacingOccurrences(of: "в период", with: " ") : nil,
            ]
            for case let text? in alternatives {
                let candidate = Reading(text)
                if !candidate.meaningful.isEmpty, let items = readItems(candidate.tokens) {
                    reading = candidate
                    alternativeItems = items
                    break
                }
            }
        }
        let tokens = reading.tokens
        let repeatAfter = reading.repeatAfter
        let standalone = reading.standalone ?? (reading.repeatAfter == nil ? Self.remarkRecurrence(folded) : nil)
        let words = reading.words
        // «в течение года» counts wherever it stands («по мере необходимости в течение года»),
        // «в течение всего периода» does not: it is the ongoing flag.
        let throughYear = Self.continuousPhrases.reduce(folded) { $0.replacingOccurrences(of: $1, with: " ") }.contains(
            "течение")
        let schoolYear = words.contains(where: { $0.hasPrefix("учебн") })

        // «ежемесячно до 5 числа», «до 25 числа каждого месяца», «ежемесячно (до 5 числа)»: a
        // deadline every month (the day may stand in a remark).
        let dayReading = reading.meaningful.isEmpty ? Reading(Self.datedPart(of: folded, keepRemarks: true)) : reading
        let dayWords = dayReading.words

        // «ежеквартально (до 10 числа)», «раз в полугодие до 5 числа»: a report on each quarter
        // (half-year, year) is due by that day of the month after it — the short form of «до 10
        // числа месяца, следующего за кварталом», as reporting orders use it; «до 20 числа
        // последнего (первого) месяца квартала» names the quarter's own last (first) month.
        if dayReading.meaningful.count == 1, case .number(let day)? = dayReading.meaningful.first,
            dayWords.contains("числа")
        {
            let quarterNamed =
                dayWords.contains(where: { $0.hasPrefix("квартал") })
                && (dayWords.contains("каждого") || dayWords.contains("последнего") || dayWords.contains("первого"))
            // «каждого квартала» outweighs the «месяца» before it, which alone reads as monthly.
            let every = quarterNamed ? .quarterly : standalone ?? dayReading.standalone
            if let every, every != .monthly {
                guard let period, (1...31).contains(day) else { return .unreadable }
                let inLast = dayWords.contains("последнего")
                let inFirst = dayWords.contains("первого")
                return ParsedTerm(
                    occurrences: repeatWithin(period: period, every: every).map { unit in
                        let month = inLast ? unit.end : inFirst ? unit.start : unit.end.adding(days: 1)
                        let date = LocalDate(
                            year: month.year, month: month.month,
                            day: min(day, LocalDate.daysIn(month: month.month, year: month.year)))!
                        return TermOccurrence(start: date, end: date, recurrence: every, isDeadline: true)
                    }, flag: nil)
            }
        }
        if dayReading.meaningful.count == 1, case .number(let day)? = dayReading.meaningful.first,
            dayWords.contains("числа"),
            (standalone ?? dayReading.standalone) == .monthly
                || dayWords.contains("каждого") && dayWords.contains(where: { $0.hasPrefix("месяц") })
        {
            guard let period, (1...31).contains(day) else { return .unreadable }
            let months = repeatWithin(period: period, every: .monthly)
            return ParsedTerm(
                occurrences: months.compactMap { month in
                    let date = LocalDate(
                        year: month.start.year, month: month.start.month,
                        day: min(day, LocalDate.daysIn(month: month.start.month, year: month.start.year)))!
                    guard period.contains(date) else { return nil }
                    return TermOccurrence(start: date, end: date, recurrence: .monthly, isDeadline: true)
                }, flag: flag)
        }

        // Undated: nothing but words (and perhaps a recurrence).
        if reading.meaningful.isEmpty {
            if words.contains(Self.severalTimesWord) { return .unreadable }
            if let r = standalone ?? repeatAfter {
                guard let period else { return ParsedTerm(occurrences: [], flag: .unreadable) }
                return ParsedTerm(occurrences: repeatWithin(period: period, every: r), flag: flag)
            }
            if throughYear {
                guard let period else { return ParsedTerm(occurrences: [], flag: flag ?? .unreadable) }
                // «в течение года» in a roadmap for a school year is that school year.
                if schoolYear || Self.isSchoolYear(period) {
                    return ParsedTerm(occurrences: schoolYears(in: period), flag: flag)
                }
                let years = self.years(in: period)
                return ParsedTerm(
                    occurrences: years.map { y in
                        TermOccurrence(
                            start: LocalDate(year: y, month: 1, day: 1)!, end: LocalDate(year: y, month: 12, day: 31)!,
                            recurrence: years.count > 1 ? .yearly : nil)
                    }, flag: flag)
            }
            if let flag { return ParsedTerm(occurrences: [], flag: flag) }
            return .unreadable
        }

        guard var items = alternativeItems ?? readItems(tokens) else {
            return ParsedTerm(occurrences: [], flag: .unreadable)
        }
        // «с сентября 2025 года»: from then on, to the end of the roadmap.
        if let period, repeatAfter == nil, standalone == nil {
            // Only a start with its year: «с сентября» in a roadmap of several years is each September.
            for index in items.indices
            where items[index].openStart && items[index].to == nil && !items[index].deadline
                && !items[index].needsYear
            {
                items[index].openEnd = period.upperBound
            }
        }
        // Items with no year take the period's years.
        if items.contains(where: { $0.needsYear }) {
            guard let period else { return ParsedTerm(occurrences: [], flag: .unreadable) }
            let years = self.years(in: period)
            var dated: [TermOccurrence] = []
            for var item in items {
                if item.needsYear {
                    // In a school-year roadmap «первое полугодие» and «весна» are the school
                    // year's: September to December, and the spring that follows.
                    var starts = years
                    if Self.isSchoolYear(period), item.from.isHalfOrSeason {
                        item.from.academic = true
                        item.to?.academic = true
                        starts = schoolYears(in: period).map(\.start.year)
                    }
                    // A school-year roadmap's «ежегодно, май» is May of its own year only.
                    // A day some year lacks («29 февраля» in 2025) is no date: the term is not read.
                    let resolved = starts.map { item.resolve(year: $0) }
                    if resolved.contains(where: { $0 == nil }) { return ParsedTerm(occurrences: [], flag: .unreadable) }
                    var kept = resolved.compactMap { $0 }
                        .filter { $0.start <= period.upperBound && $0.end >= period.lowerBound }
                    // An item repeats when the period holds it more than once, or the term says so.
                    let recurrence: Recurrence? = kept.count > 1 || standalone != nil ? .yearly : nil
                    for index in kept.indices { kept[index].recurrence = recurrence }
                    dated += kept
                } else if let o = item.resolve(year: nil) {
                    dated.append(o)
                } else {
                    return ParsedTerm(occurrences: [], flag: .unreadable)
                }
            }
            return finish(dated, repeatAfter: repeatAfter, standalone: nil, flag: flag)
        }
        // «29 февраля 2026», «май – март 2025»: one item that is no date makes the term unreadable,
        // never silently shorter.
        let resolved = items.map { $0.resolve(year: nil) }
        guard !resolved.isEmpty, !resolved.contains(where: { $0 == nil }) else {
            return ParsedTerm(occurrences: [], flag: .unreadable)
        }
        let dated = resolved.compactMap { $0 }
        return finish(dated, repeatAfter: repeatAfter, standalone: standalone, flag: flag)
    }

    private func finish(_ dated: [TermOccurrence], repeatAfter: Recurrence?, standalone: Recurrence?, flag: TermFlag?)
        -> ParsedTerm
    {
        var occurrences = dated
        // «в течение 2021 года, ежемесячно», «январь–май 2026 (ежемесячно)»: a period longer than
        // one step of its frequency is divided into months (quarters, years) within it.
        if repeatAfter == nil, let r = standalone,
            dated.allSatisfy({ !$0.isDeadline && $0.end >= $0.start.adding(months: r.months) })
        {
            occurrences = dated.flatMap { o in
                repeatWithin(period: o.start...o.end, every: r).compactMap { unit in
                    let start = max(unit.start, o.start)
                    let end = min(unit.end, o.end)
                    return start <= end ? TermOccurrence(start: start, end: end, recurrence: r) : nil
                }
            }
            occurrences.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            return ParsedTerm(occurrences: occurrences, flag: flag == .unreadable ? nil : flag)
        }
        if let r = repeatAfter ?? standalone {
            // «март 2020 года, далее ежегодно»: the first and its repetitions to the period's end.
            let limit = period?.upperBound ?? dated.map(\.end).max()!
            occurrences = []
            for o in dated {
                var current = o
                current.recurrence = r
                var step = 0
                while current.start <= limit, step < 400 {
                    occurrences.append(current)
                    step += 1
                    let (start, end) = r.step(o.start, o.end, times: step)
                    current = TermOccurrence(start: start, end: end, recurrence: r, isDeadline: o.isDeadline)
                }
            }
        }
        occurrences.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return ParsedTerm(occurrences: occurrences, flag: flag == .unreadable ? nil : flag)
    }

    /// Shifts an end date by whole months, keeping "end of month" at the end of the month.
    static func shiftEnd(_ end: LocalDate, months: Int) -> LocalDate {
        let isMonthEnd = end.day == LocalDate.daysIn(month: end.month, year: end.year)
        let moved = end.adding(months: months)
        return isMonthEnd
            ? LocalDate(
                year: moved.year, month: moved.month, day: LocalDate.daysIn(month: moved.month, year: moved.year))!
            : moved
    }

    func years(in period: ClosedRange<LocalDate>) -> [Int] {
        Array(period.lowerBound.year...period.upperBound.year)
    }

    /// A school year's half: the first September to December of `year`, the second January
    /// to May of the next.
    static func schoolHalf(_ half: Int, of year: Int) -> (LocalDate, LocalDate) {
        half == 1
            ? (LocalDate(year: year, month: 9, day: 1)!, LocalDate(year: year, month: 12, day: 31)!)
            : (LocalDate(year: year + 1, month: 1, day: 1)!, LocalDate(year: year + 1, month: 5, day: 31)!)
    }

    /// Every month, quarter or year of the period.
    func repeatWithin(period: ClosedRange<LocalDate>, every r: Recurrence) -> [TermOccurrence] {
        var out: [TermOccurrence] = []
        if r == .halfYearly, Self.isSchoolYear(period) {
            for year in schoolYears(in: period).map(\.start.year) {
                for half in 1...2 {
                    let (start, end) = Self.schoolHalf(half, of: year)
                    // A period that ends in December has no spring half.
                    if start <= period.upperBound, end >= period.lowerBound {
                        out.append(TermOccurrence(start: start, end: end, recurrence: r))
                    }
                }
            }
            return out
        }
        // Series start with the month, quarter or half-year the period starts in.
        let first = period.lowerBound.month
        var start = LocalDate(
            year: period.lowerBound.year, month: r == .yearly ? 1 : (first - 1) / r.months * r.months + 1, day: 1)!
        while start <= period.upperBound, out.count < 600 {
            let next = start.adding(months: r.months)
            out.append(TermOccurrence(start: start, end: next.adding(days: -1), recurrence: r))
            start = next
        }
        return out
    }

    func schoolYears(in period: ClosedRange<LocalDate>) -> [TermOccurrence] {
        var out: [TermOccurrence] = []
        var y = period.lowerBound.month >= 9 ? period.lowerBound.year : period.lowerBound.year - 1
        while LocalDate(year: y, month: 9, day: 1)! <= period.upperBound {
            let occurrence = TermOccurrence(
                start: LocalDate(year: y, month: 9, day: 1)!, end: LocalDate(year: y + 1, month: 8, day: 31)!)
            if occurrence.end >= period.lowerBound { out.append(occurrence) }
            y += 1
        }
        if out.count > 1 {
            out = out.map {
                var o = $0
                o.recurrence = .yearly
                return o
            }
        }
        return out
    }

    // MARK: Items

    /// A point in time as written: a month, quarter, half-year, season, year or exact date,
    /// perhaps still without its year.
    struct Point {
        enum Unit {
            case month(Int)
            case quarter(Int)
            case half(Int)
            case season(Int)
            case year, schoolYear
            case date(LocalDate)
        }
        var unit: Unit
        var year: Int?
        var day: Int?
        /// The year came from a school year («I полугодие 2025/2026 учебного года», «май
        /// 2025/26»): September to December fall in its first year, the rest in its second.
        var academic = false

        var needsYear: Bool {
            if case .date = unit { return false }
            return year == nil
        }

        func range(year given: Int?) -> (LocalDate, LocalDate)? {
            if case .date(let d) = unit { return (d, d) }
            guard var y = given ?? year else { return nil }
            if academic {
                switch unit {
                case .half(let h):
                    return TermParser.schoolHalf(h, of: y)
                case .month(let m) where m < 9: y += 1
                case .quarter(let q) where q < 4: y += 1
                case .season(let s) where s == 1 || s == 2: y += 1
                default: break
                }
            }
            switch unit {
            case .month(let m):
                if let day {
                    guard let d = LocalDate(year: y, month: m, day: day) else { return nil }
                    return (d, d)
                }
                return (
                    LocalDate(year: y, month: m, day: 1)!,
                    LocalDate(year: y, month: m, day: LocalDate.daysIn(month: m, year: y))!
                )
            case .quarter(let q):
                let first = (q - 1) * 3 + 1
                return (
                    LocalDate(year: y, month: first, day: 1)!,
                    LocalDate(year: y, month: first + 2, day: LocalDate.daysIn(month: first + 2, year: y))!
                )
            case .half(let h):
                return h == 1
                    ? (LocalDate(year: y, month: 1, day: 1)!, LocalDate(year: y, month: 6, day: 30)!)
                    : (LocalDate(year: y, month: 7, day: 1)!, LocalDate(year: y, month: 12, day: 31)!)
            case .season(let s):
                switch s {
                case 0:
                    return (
                        LocalDate(year: y, month: 12, day: 1)!,
                        LocalDate(year: y + 1, month: 2, day: LocalDate.daysIn(month: 2, year: y + 1))!
                    )
                case 1: return (LocalDate(year: y, month: 3, day: 1)!, LocalDate(year: y, month: 5, day: 31)!)
                case 2: return (LocalDate(year: y, month: 6, day: 1)!, LocalDate(year: y, month: 8, day: 31)!)
                default: return (LocalDate(year: y, month: 9, day: 1)!, LocalDate(year: y, month: 11, day: 30)!)
                }
            case .year:
                return (LocalDate(year: y, month: 1, day: 1)!, LocalDate(year: y, month: 12, day: 31)!)
            case .schoolYear:
                return (LocalDate(year: y, month: 9, day: 1)!, LocalDate(year: y + 1, month: 8, day: 31)!)
            case .date:
                return nil
            }
        }

        var monthNumber: Int? { if case .month(let m) = unit { return m } else { return nil } }

        var isHalfOrSeason: Bool {
            switch unit {
            case .half, .season: true
            default: false
            }
        }
    }

    /// An item: a point, a range between two points, or a deadline.
    struct Item {
        var from: Point
        var to: Point?
        var deadline = false
        /// «до конца 2025 года»: the deadline is the end of the point, not the day before it.
        var deadlineAtEnd = false
        /// «с сентября 2025 года» with no end written.
        var openStart = false
        /// Where an open start runs to: the end of the roadmap's period.
        var openEnd: LocalDate?

        var needsYear: Bool { from.needsYear || (to?.needsYear ?? false) }

        func resolve(year: Int?) -> TermOccurrence? {
            guard let a = from.range(year: year) else { return nil }
            if deadline {
                // «до 25.11.2020», «до 1 сентября 2024 г.»; «до декабря 2020» ends before December.
                if case .date = from.unit { return TermOccurrence(start: a.0, end: a.0, isDeadline: true) }
                if deadlineAtEnd { return TermOccurrence(start: a.1, end: a.1, isDeadline: true) }
                if from.day != nil { return TermOccurrence(start: a.0, end: a.0, isDeadline: true) }
                let end = a.0.adding(days: -1)
                return TermOccurrence(start: end, end: end, isDeadline: true)
            }
            guard let to else {
                if let openEnd, openEnd > a.1 { return TermOccurrence(start: a.0, end: openEnd) }
                return TermOccurrence(start: a.0, end: a.1)
            }
            var toYear = year ?? to.year ?? from.year
            // «декабрь-январь 2020 года»: a range that runs past New Year (a school year's
            // months already fall in the right year).
            if !to.academic, let fm = from.monthNumber, let tm = to.monthNumber, tm < fm,
                to.year == from.year || to.year == nil || from.year == nil
            {
                toYear = (from.year ?? year).map { $0 + 1 }
            }
            guard let b = to.range(year: toYear) else { return nil }
            guard b.1 >= a.0 else { return nil }
            return TermOccurrence(start: a.0, end: b.1)
        }
    }

    /// Reads the dated part of a term into items; `nil` when it does not follow the grammar.
    func readItems(_ tokens: [Token]) -> [Item]? {
        var items: [Item] = []
        var pending: [Int] = []  // indexes of items whose points still need the year written after them
        var expectRangeEnd = false
        var nextIsDeadline = false
        var nextIsAtEnd = false
        var nextIsOpen = false
        var pendingDay: Int?
        var pendingStartDay: Int?
        var dayRange = false

        func add(_ point: Point) {
            if expectRangeEnd, let last = items.indices.last, items[last].to == nil {
                items[last].to = point
                expectRangeEnd = false
                nextIsAtEnd = false
            } else {
                var item = Item(from: point)
                item.deadline = nextIsDeadline
                item.deadlineAtEnd = nextIsDeadline && nextIsAtEnd
                item.openStart = nextIsOpen
                nextIsDeadline = false
                nextIsAtEnd = false
                nextIsOpen = false
                items.append(item)
            }
            if point.year == nil, !(point.unit.isDate) { pending.append(items.count - 1) }
        }

        func applyYear(_ year: Int, academic: Bool = false) -> Bool {
            guard !pending.isEmpty else { return false }
            for index in pending {
                if items[index].from.year == nil, !items[index].from.unit.isDate {
                    items[index].from.year = year
                    items[index].from.academic = academic
                }
                if let to = items[index].to, to.year == nil, !to.unit.isDate {
                    items[index].to!.year = year
                    items[index].to!.academic = academic
                }
            }
            // In a range the year written last belongs to its end; an earlier month takes it too,
            // unless the range runs past New Year (handled when the item resolves).
            pending = []
            return true
        }

        for token in tokens {
            switch token {
            case .date(let d):
                add(Point(unit: .date(d)))
            case .number(let n):
                // «с 1 по 10 сентября», «1–10 сентября»: two days of one month.
                if let first = pendingDay {
                    guard dayRange, pendingStartDay == nil else { return nil }
                    pendingStartDay = first
                }
                pendingDay = n
            case .month(let m):
                if let start = pendingStartDay {
                    add(Point(unit: .month(m), year: nil, day: start))
                    expectRangeEnd = true
                    pendingStartDay = nil
                    dayRange = false
                }
                add(Point(unit: .month(m), year: nil, day: pendingDay))
                pendingDay = nil
            case .quarter(let q):
                add(Point(unit: .quarter(q)))
            case .half(let h):
                add(Point(unit: .half(h)))
            case .season(let s):
                add(Point(unit: .season(s)))
            case .year(let y):
                if pendingDay != nil { return nil }
                if !applyYear(y) { add(Point(unit: .year, year: y)) }
            case .schoolYear(let y):
                // «зима 2021/22», «II полугодие 2025/2026 учебного года»: a point within the school
                // year; otherwise the school year itself.
                if !applyYear(y, academic: true) { add(Point(unit: .schoolYear, year: y)) }
            case .dash:
                if pendingDay != nil {
                    dayRange = true
                    continue
                }
                guard !items.isEmpty else { return nil }
                expectRangeEnd = true
            case .comma:
                expectRangeEnd = false
            case .word(let w):
                switch w {
                // «до 1 сентября», «к 1 сентября», «к началу учебного года», «до конца 2025 года».
                case "до", "к":
                    // «с сентября 2025 до конца 2026 года», «с 1 сентября до 31 декабря»: the end
                    // of a range that began with «с», not a deadline of its own.
                    if w == "до", let last = items.indices.last, items[last].openStart, items[last].to == nil,
                        !expectRangeEnd
                    {
                        expectRangeEnd = true
                        nextIsAtEnd = false
                    } else if w == "до", pendingDay != nil, items.isEmpty {
                        dayRange = true
                    } else {
                        nextIsDeadline = true
                    }
                case "конца", "окончания": nextIsAtEnd = true
                case "началу", "начала", "срок": break
                // «с марта 2020 года»: the month it starts; «далее …» repeats it, «по …» ends it.
                case "с", "со": nextIsOpen = true
                case "по":
                    if pendingDay != nil {
                        dayRange = true
                    } else if let last = items.indices.last, items[last].to == nil {
                        expectRangeEnd = true
                    }
                case "год", "в", "и", "течение", "учебного", "учебный", "учебном", "года", "/", "на", "числа", "не",
                    "позднее":
                    if w == "позднее" { nextIsDeadline = true }
                default:
                    if w.hasPrefix("учебн") { continue }
                    // «летние каникулы 2026» are the summer; other holidays differ by region.
                    if w.hasPrefix("каникул"), case .season(2)? = items.last?.from.unit { continue }
                    return nil
                }
            }
        }
        if expectRangeEnd || pendingDay != nil || pendingStartDay != nil { return nil }
        return items.isEmpty ? nil : items
    }
}

extension TermParser.Point.Unit {
    fileprivate var isDate: Bool { if case .date = self { return true } else { return false } }
}
