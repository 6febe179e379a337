import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The staff indicators of the seed roadmaps, per school and for the municipality.
struct StaffIndicators {
    struct Line {
        var code: String
        var name: String
        var staff: Int
        var trained: Int
        var diagnosed: Int
        var aboveSubject: Int?
        var aboveMethodological: Int?
        /// Teachers, and those reached by an event in the school year of the date.
        var teachers = 0
        var reached = 0
    }
    var lines: [Line]
    var total: Line
    var subjectThreshold: Double?
    var methodologicalThreshold: Double?

    static func compute(_ db: NastavnikDatabase, asOf date: LocalDate, schoolCode: String? = nil) throws -> StaffIndicators {
        let status = try db.trainingStatus(asOf: date, schoolCode: schoolCode)
        var lines: [String: Line] = [:]
        for school in try db.schools() where schoolCode == nil || school.code == schoolCode {
            lines[school.code] = Line(code: school.code, name: school.name, staff: 0, trained: 0, diagnosed: 0)
        }
        for s in status {
            lines[s.schoolCode]?.staff += 1
            if s.trainedWithin3Years { lines[s.schoolCode]?.trained += 1 }
        }
        var thresholds: [Competence: Double] = [:]
        let campaigns = try db.campaigns().filter { $0.date <= date }
        if let campaign = campaigns.last {
            thresholds = try db.thresholds(instrument: campaign.instrument)
            // Each person's latest result up to the date counts once.
            var latest: [Int64: ResultLine] = [:]
            for c in campaigns {
                for r in try db.results(campaignID: c.id, schoolCode: schoolCode) where r.consent { latest[r.staffRowID] = r }
            }
            for r in latest.values {
                guard lines[r.schoolCode] != nil else { continue }
                lines[r.schoolCode]!.diagnosed += 1
                if let t = thresholds[.subject], let v = r.scores[.subject] {
                    lines[r.schoolCode]!.aboveSubject = (lines[r.schoolCode]!.aboveSubject ?? 0) + (v > t ? 1 : 0)
                }
                if let t = thresholds[.methodological], let v = r.scores[.methodological] {
                    lines[r.schoolCode]!.aboveMethodological = (lines[r.schoolCode]!.aboveMethodological ?? 0) + (v > t ? 1 : 0)
                }
            }
        }
        // Coverage: teachers who attended any event in the school year that contains the date.
        let yearStart = LocalDate(year: date.month >= 9 ? date.year : date.year - 1, month: 9, day: 1)!
        for c in try db.coverage(period: yearStart...yearStart.adding(years: 1).adding(days: -1), kind: nil) where lines[c.code] != nil {
            lines[c.code]!.teachers = c.teachers
            lines[c.code]!.reached = c.reached
        }
        let sorted = lines.values.sorted { $0.code < $1.code }
        func sum(_ f: (Line) -> Int?) -> Int? {
            let values = sorted.compactMap(f)
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        let total = Line(code: "", name: "Муниципалитет", staff: sorted.reduce(0) { $0 + $1.staff },
                         trained: sorted.reduce(0) { $0 + $1.trained }, diagnosed: sorted.reduce(0) { $0 + $1.diagnosed },
                         aboveSubject: sum(\.aboveSubject), aboveMethodological: sum(\.aboveMethodological),
                         teachers: sorted.reduce(0) { $0 + $1.teachers }, reached: sorted.reduce(0) { $0 + $1.reached })
        return StaffIndicators(lines: sorted, total: total, subjectThreshold: thresholds[.subject],
                               methodologicalThreshold: thresholds[.methodological])
    }

    func table(includeTotal: Bool) -> ReportTable {
        func pct(_ n: Int?, _ base: Int) -> Cell { n.map { base > 0 ? .percent(Double($0) * 100 / Double(base)) : .empty } ?? .empty }
        let sub = subjectThreshold.map { " (>\(Cell.russianNumber($0, decimals: 0)))" } ?? ""
        let met = methodologicalThreshold.map { " (>\(Cell.russianNumber($0, decimals: 0)))" } ?? ""
        return ReportTable(
            title: "",
            columns: [Column("school_code", "Код ОО"), Column("school", "Школа"), Column("staff", "Педагогов и руководителей"),
                      Column("trained_share", "Прошли КПК за 3 года"), Column("diagnosed", "Прошли диагностику"),
                      Column("above_subject_share", "Предметные выше порога\(sub)"),
                      Column("above_methodological_share", "Методические выше порога\(met)"),
                      Column("event_coverage_share", "Охват мероприятиями (учебный год)")],
            rows: (lines + (includeTotal ? [total] : [])).map { l in
                [.text(l.code), .text(l.name), .integer(l.staff), pct(l.trained, l.staff), .integer(l.diagnosed),
                 pct(l.aboveSubject, l.diagnosed), pct(l.aboveMethodological, l.diagnosed), pct(l.reached, l.teachers)]
            })
    }
}

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Целевые показатели по кадрам: доля прошедших КПК за 3 года и доля педагогов выше порогов диагностики — по школам и муниципалитету.")

    @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
    var asOf: LocalDate?

    @Option(name: .long, help: "Только школа с этим кодом.")
    var school: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let indicators = try StaffIndicators.compute(try database.open(), asOf: asOf ?? .today(), schoolCode: school)
        try format.emit([indicators.table(includeTotal: school == nil)])
    }
}
