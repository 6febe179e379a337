import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

extension Competence: ExpressibleByArgument {}

struct DiagnosticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnostics",
        abstract: "Диагностика профессиональных дефицитов: кампании, пороги, сводка по школам и муниципалитету, динамика.",
        subcommands: [Campaigns.self, Thresholds.self, Summary.self, Dynamics.self]
    )

    static let shown: [Competence] = [.subject, .methodological, .psychological, .communicative]

    struct Campaigns: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Кампании диагностики.")
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let list = try database.open().campaigns()
            try format.emit([ReportTable(
                title: "", columns: [Column("id", "№"), Column("date", "Дата"), Column("instrument", "Инструмент"), Column("participants", "Участников")],
                rows: list.map { [.integer(Int($0.id)), .date($0.date), .text($0.instrument), .integer($0.participants)] },
                emptyMessage: "Диагностика не загружена: nastavnik import diagnostics ФАЙЛ.")])
        }
    }

    struct Thresholds: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Пороги компетенций (по умолчанию — как в Заиграевском районе: предметные выше 10, методические выше 20).")

        @Option(name: .long, help: "Инструмент диагностики; * — порог по умолчанию для всех.")
        var instrument: String = "*"

        @Option(name: .long, help: "Компетенция: предметные, методические, психолого-педагогические или коммуникативные (или subject, methodological, psychological, communicative).")
        var competence: Competence?

        @Option(name: .long, help: "Порог: балл, который нужно превысить.")
        var threshold: DecimalNumber?

        @Option(name: .long, help: "Максимальный балл шкалы.")
        var max: DecimalNumber?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            if let competence, let threshold {
                try db.setThreshold(instrument: instrument, competence: competence, threshold: threshold.value, maxScore: max?.value)
            } else if competence != nil || threshold != nil {
                throw UserError("Укажите и --competence, и --threshold.")
            }
            let values = try db.thresholds(instrument: instrument)
            var out = "Пороги" + (instrument == "*" ? " по умолчанию" : " для «\(instrument)»") + ":\n"
            for c in DiagnosticsCommand.shown {
                out += "  \(c.russian): " + (values[c].map { "выше \(Cell.russianNumber($0, decimals: $0 == $0.rounded() ? 0 : 1))" } ?? "не задан") + "\n"
            }
            Console.current.out(out)
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Сводка кампании: по школам и по муниципалитету — доля педагогов выше порогов, средние баллы, частота дефицитов.")

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Option(name: .long, help: "Кампания: номер или дата (ДД.ММ.ГГГГ); по умолчанию — последний результат каждого педагога (как в indicators).")
        var campaign: String?

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            guard let c = try db.campaign(campaign) else {
                throw UserError(campaign.map { "Кампания «\($0)» не найдена (--campaign)." } ?? "Диагностика не загружена.")
            }
            if let school, try !db.schools().contains(where: { $0.code == school }) { throw UserError("Школа с кодом «\(school)» не найдена (--school).") }
            let thresholds = try db.thresholds(instrument: c.instrument)
            // Who counts is decided in one place for this summary and `indicators`.
            let results = StaffPopulation.countedResults(try db.diagnosticRecords(schoolCode: school), campaign: campaign == nil ? nil : c.id)
            let teachers = results.map { ScoredTeacher(key: $0.staffRowID, group: "\($0.schoolCode)|\($0.schoolName)", scores: $0.scores, deficits: $0.deficits) }
            let groups = Dictionary(grouping: teachers, by: \.group)
            let competences = DiagnosticsCommand.shown.filter { c in thresholds[c] != nil }
            func row(_ label: (String, String), _ f: DiagnosticFigures) -> [Cell] {
                [.text(label.0), .text(label.1), .integer(f.teachers)]
                    + competences.map { f.shareAbove[$0].map { .percent($0) } ?? .empty }
                    + DiagnosticsCommand.shown.map { f.mean[$0].map { .number($0, decimals: 1) } ?? .empty }
            }
            var rows = groups.keys.sorted().map { key -> [Cell] in
                let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                return row((parts[0], parts[1]), DiagnosticFigures(groups[key]!, thresholds: thresholds))
            }
            let total = DiagnosticFigures(teachers, thresholds: thresholds)
            if school == nil { rows.append(row(("", "Муниципалитет"), total)) }
            let columns = [Column("school_code", "Код ОО"), Column("school", "Школа"), Column("teachers", "Педагогов")]
                + competences.map { Column("above_\($0.rawValue)", "Выше порога: \($0.russian) (>\(Cell.russianNumber(thresholds[$0]!, decimals: 0)))") }
                + DiagnosticsCommand.shown.map { Column("mean_\($0.rawValue)", "Средний балл: \($0.russian)") }
            let scope = school.map { "школы \($0)" } ?? "педагогических и руководящих работников"
            let none = "Результатов диагностики \(scope) с согласием педагога нет" + (campaign == nil ? "." : " в кампании \(c.date.russian).")
            let summary = ReportTable(title: campaign == nil ? "Последний результат каждого педагога (кампании по \(c.date.russian))"
                                                             : "Кампания \(c.date.russian), \(c.instrument)",
                                      columns: columns, rows: teachers.isEmpty ? [] : rows, emptyMessage: none)
            let deficits = ReportTable(
                title: "Частота дефицитов", columns: [Column("topic", "Дефицит"), Column("teachers", "Педагогов"), Column("share", "Доля")],
                rows: total.deficits.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { topic, n in
                    [.text(topic), .integer(n), .percent(Double(n) * 100 / Double(max(1, total.teachers)))]
                },
                emptyMessage: total.noDeficitsMessage)
            let renderer = JSONRenderer()
            try format.emit([summary, deficits], json: .object([("schools", renderer.value(summary)), ("deficits", renderer.value(deficits))]))
        }
    }

    struct Dynamics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Динамика между двумя кампаниями: по педагогам, школам и компетенциям.")

        @Option(name: .long, help: "Первая кампания: номер или дата.")
        var from: String

        @Option(name: .long, help: "Вторая кампания: номер или дата.")
        var to: String

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            guard let a = try db.campaign(from) else { throw UserError("Кампания «\(from)» не найдена.") }
            guard let b = try db.campaign(to) else { throw UserError("Кампания «\(to)» не найдена.") }
            let thresholds = try db.thresholds(instrument: b.instrument)
            let first = Dictionary(uniqueKeysWithValues: try db.results(campaignID: a.id, schoolCode: school).filter(\.consent).map { ($0.staffRowID, $0) })
            let second = try db.results(campaignID: b.id, schoolCode: school).filter(\.consent)
            let both = second.filter { first[$0.staffRowID] != nil }
            func delta(_ r: ResultLine, _ c: Competence) -> Cell {
                guard let x = first[r.staffRowID]?.scores[c], let y = r.scores[c] else { return .empty }
                return .number(y - x, decimals: 1)
            }
            let teachers = ReportTable(
                title: "По педагогам (прошли обе кампании: \(both.count))",
                columns: [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО")]
                    + DiagnosticsCommand.shown.flatMap { c in
                        [Column("\(c.rawValue)_from", "\(c.russian): \(a.date.russian)"), Column("\(c.rawValue)_to", "\(c.russian): \(b.date.russian)"),
                         Column("\(c.rawValue)_change", "\(c.russian): изменение")]
                    } + [Column("deficits_resolved", "Преодолены дефициты"), Column("deficits_new", "Новые дефициты")],
                rows: both.map { r in
                    let before = Set(first[r.staffRowID]!.deficits.map(CellValue.fold)), after = Set(r.deficits.map(CellValue.fold))
                    return [Cell(r.staffID), .text(r.fullName), .text(r.schoolCode)]
                        + DiagnosticsCommand.shown.flatMap { c in
                            [first[r.staffRowID]!.scores[c].map { .number($0, decimals: 1) } ?? .empty,
                             r.scores[c].map { .number($0, decimals: 1) } ?? .empty, delta(r, c)]
                        }
                        + [.list(first[r.staffRowID]!.deficits.filter { !after.contains(CellValue.fold($0)) }),
                           .list(r.deficits.filter { !before.contains(CellValue.fold($0)) })]
                },
                emptyMessage: "Нет педагогов, прошедших обе кампании.")
            var rows: [[Cell]] = []
            let bySchool = Dictionary(grouping: both, by: { "\($0.schoolCode)|\($0.schoolName)" })
            let competences = DiagnosticsCommand.shown.filter { thresholds[$0] != nil }
            func figures(_ list: [ResultLine], _ pick: (ResultLine) -> [Competence: Double]) -> DiagnosticFigures {
                DiagnosticFigures(list.map { ScoredTeacher(key: $0.staffRowID, group: "", scores: pick($0), deficits: []) }, thresholds: thresholds)
            }
            for key in bySchool.keys.sorted() + (school == nil ? ["|Муниципалитет"] : []) {
                let list = key == "|Муниципалитет" ? both : bySchool[key]!
                let parts = key.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let before = figures(list) { first[$0.staffRowID]!.scores }, after = figures(list) { $0.scores }
                rows.append([.text(parts[0]), .text(parts[1]), .integer(list.count)]
                    + DiagnosticsCommand.shown.map { c in
                        guard let x = before.mean[c], let y = after.mean[c] else { return .empty }
                        return .number(y - x, decimals: 1)
                    }
                    + competences.flatMap { c in
                        [before.shareAbove[c].map { .percent($0) } ?? .empty, after.shareAbove[c].map { .percent($0) } ?? .empty]
                    })
            }
            let schools = ReportTable(
                title: "По школам и муниципалитету",
                columns: [Column("school_code", "Код ОО"), Column("school", "Школа"), Column("teachers", "Педагогов")]
                    + DiagnosticsCommand.shown.map { Column("mean_change_\($0.rawValue)", "Изменение среднего: \($0.russian)") }
                    + competences.flatMap { c in
                        [Column("above_\(c.rawValue)_from", "Выше порога (\(c.russian)): \(a.date.russian)"),
                         Column("above_\(c.rawValue)_to", "Выше порога (\(c.russian)): \(b.date.russian)")]
                    },
                rows: rows)
            let renderer = JSONRenderer()
            try format.emit([schools, teachers], json: .object([("schools", renderer.value(schools)), ("teachers", renderer.value(teachers))]))
        }
    }
}
