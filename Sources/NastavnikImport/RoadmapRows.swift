import Foundation
import NastavnikCore
import NastavnikStore

/// A roadmap file is one document: rows are gathered, their terms read within the roadmap's
/// period, then written in order at the end.
final class RoadmapRows: RowMapper {
    private var entries: [(entry: RoadmapEntry, line: Int, termHeader: String)] = []
    private var direction: String?
    /// An anti-risk programme's factor, goal and school (issue 21).
    private var programme = ProgrammeColumns()

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let fields = row.record.fields.map { CellValue.trimmed($0) }
        let filled = fields.indices.filter { !fields[$0].isEmpty }
        if filled.count == 1, filled[0] <= 1 {
            direction = fields[filled[0]]
            return nil
        }
        let text = row.text(map["activity"], required: true)
        let term = row.text(map["term"], required: true)
        let schoolCode = row.raw(map["school_code"])
        if schoolCode != nil { _ = school(schoolCode, map["school_code"], row: &row) }
        programme.read(&row, map: map)
        guard let text, let term, row.issues.isEmpty else { return nil }
        var entry = RoadmapEntry(
            number: row.raw(map["number"]), direction: row.raw(map["direction"]) ?? direction,
            text: text, term: term, responsible: row.raw(map["responsible"]),
            result: row.raw(map["result"]), schoolCode: schoolCode)
        entry.indicator = row.raw(map["indicator"])
        entries.append((entry, row.line, map["term"].header))
        return nil
    }

    /// The roadmap's period: as given, else the calendar years its terms name.
    func period() -> ClosedRange<LocalDate>? {
        let road = options.roadmap
        if let start = road.periodStart, let end = road.periodEnd { return start...end }
        let undated = TermParser(period: nil)
        var years: [Int] = []
        var earliest: LocalDate?
        for item in entries {
            for occurrence in undated.parse(item.entry.term).occurrences where occurrence.recurrence == nil {
                years += [occurrence.start.year, occurrence.end.year]
                earliest = min(earliest ?? occurrence.start, occurrence.start)
            }
        }
        // A programme is written for a school year (issue 21): «ежеквартально» repeats within it.
        if road.isProgramme || road.factor != nil || programme.factor != nil, let earliest {
            let first = earliest.month >= 9 ? earliest.year : earliest.year - 1
            return LocalDate(year: first, month: 9, day: 1)!...LocalDate(year: first + 1, month: 8, day: 31)!
        }
        guard let low = years.min(), let high = years.max() else { return nil }
        return LocalDate(year: low, month: 1, day: 1)!...LocalDate(year: high, month: 12, day: 31)!
    }

    /// The entries with their terms read in the period; an unread term is a warning.
    private func readTerms(period: ClosedRange<LocalDate>?) -> [RoadmapEntry] {
        let signed = options.roadmap.orderRef.flatMap(OrderText.date)
        let parser = TermParser(period: period.map { TermParser.inForce(period: $0, signed: signed) })
        var written: [RoadmapEntry] = []
        // Яковлевский lists «Сентябрь – октябрь 2020» under 2020, 2021 and 2022 for item 1: a row
        // repeating another's activity and term adds nothing but a second copy of its dates.
        var seen: [String: Int] = [:]
        for (entry, line, header) in entries {
            var entry = entry
            let key = [entry.number ?? "", entry.text, entry.term].map(CellValue.fold).joined(separator: "\u{1F}")
            if let first = seen[key] {
                warnings.append(
                    ImportIssue(
                        line: line, column: header,
                        message: "строка повторяет строку \(first): то же мероприятие "
                            + "с тем же сроком «\(entry.term)» — проверьте срок"))
            } else {
                seen[key] = line
            }
            entry.parsed = parser.parse(entry.term)
            if entry.parsed.flag == .unreadable {
                let impossible = TermParser.impossibleDates(in: entry.term)
                let reason =
                    impossible.isEmpty
                    ? ""
                    : " (" + (impossible.count == 1 ? "даты " : "дат ")
                        + impossible.joined(separator: ", ") + " нет в календаре)"
                warnings.append(
                    ImportIssue(
                        line: line, column: header,
                        message: "срок не распознан\(reason) и сохранён как текст, без дат (\(entry.term))"))
            }
            // A term over before the order approved the roadmap is a slip of the document (Яковлевский
            // приказ от 22.09.2020 № 803 lists «Июнь-август 2020»): kept as written, but said, not silently overdue.
            // Without an order, the period's start is the limit (Минусинск: «Апрель, май 2019» in a roadmap for 2020–2021).
            if let limit = signed ?? period?.lowerBound {
                let early = TermParser.occurrences(of: entry.parsed, endingBefore: limit)
                if !early.isEmpty {
                    let dates = early.map {
                        $0.start == $0.end ? $0.end.russian : "\($0.start.russian)–\($0.end.russian)"
                    }
                    let before =
                        signed.map { "до утверждения дорожной карты приказом от \($0.russian)" }
                        ?? "до начала периода дорожной карты (\(limit.russian))"
                    warnings.append(
                        ImportIssue(
                            line: line, column: header,
                            message: "срок «\(entry.term)» закончился \(before): "
                                + "\(dates.joined(separator: ", ")) — проверьте срок"))
                }
            }
            written.append(entry)
        }
        return written
    }

    // A file with errors is not written, but its terms are still worth a word: the user fixes
    // everything in one go.
    override func checkWithoutWriting() {
        _ = readTerms(period: period())
    }

    override func finish() throws -> [(UpsertOutcome, Int)] {
        var road = options.roadmap
        let found = try programme.resolve(road)
        if let found {
            road.schoolCode = found.schoolCode
            road.key = road.key ?? ImportSession.programmeKey(schoolCode: found.schoolCode, factor: found.factor)
            road.title = road.title ?? "Антирисковая программа по фактору риска «\(found.factor.russian)»"
        }
        let key = road.key ?? ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        var schoolID: Int64?
        if let code = road.schoolCode {
            guard let id = session.schoolID(code: code) else {
                throw DatabaseRowError(message: "нет школы с кодом «\(code)» для дорожной карты")
            }
            schoolID = id
        }
        let period = self.period()
        let written = readTerms(period: period)
        return try guarded {
            let (_, roadmapID) = try session.upsertRoadmap(
                key: key, title: road.title ?? key, schoolID: schoolID, periodStart: period?.lowerBound,
                periodEnd: period?.upperBound, orderRef: road.orderRef,
                sourceFile: (fileName as NSString).lastPathComponent)
            let outcomes = try session.replaceActivities(roadmapID: roadmapID, entries: written)
            if let found { try session.linkProgramme(roadmapID: roadmapID, factor: found.factor, goal: found.goal) }
            return [UpsertOutcome.added, .changed, .unchanged].map { kind in
                (kind, outcomes.filter { $0 == kind }.count)
            }
        }
    }
}
