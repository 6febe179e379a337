import NastavnikCore
import NastavnikStore

/// The tables of `diagnostics summary` and `diagnostics dynamics`, built from Core's summaries.
public enum DiagnosticsTables {
    /// The competences the tables show, in this order.
    public static let shown: [Competence] = [.subject, .methodological, .psychological, .communicative]

    /// A summary's two tables: by school (and municipality), and the frequency of deficits.
    public struct Summary: Sendable {
        public var schools: ReportTable
        public var deficits: ReportTable
        /// The deficit heatmap by school and the shares above the subject and methodological
        /// thresholds by school, as the reports draw them (none without results).
        public var charts: [Chart] = []
    }

    /// A dynamics' two tables: by school (and municipality), and by teacher.
    public struct Dynamics: Sendable {
        public var schools: ReportTable
        public var teachers: ReportTable
    }

    /// The code and the name a scope's row shows.
    static func label(_ scope: DiagnosticScope) -> [Cell] {
        switch scope {
        case .school(let code, let name): [.text(code), .text(name)]
        case .municipality: [.text(""), .text("Муниципалитет")]
        }
    }

    /// `summary` of `campaign` (`latest`: each teacher's latest result up to it), for one school or all.
    public static func summary(
        _ summary: DiagnosticSummary, campaign: CampaignLine, thresholds: [Competence: Double],
        latest: Bool, school: String?
    ) -> Summary {
        let competences = shown.filter { thresholds[$0] != nil }
        let columns =
            [.schoolCode, .school, Column("teachers", "Педагогов")]
            + competences.map {
                Column(
                    "above_\($0.rawValue)",
                    "Выше порога: \($0.russian) (>\(Cell.russianNumber(thresholds[$0]!, decimals: 0)))")
            }
            + shown.map { Column("mean_\($0.rawValue)", "Средний балл: \($0.russian)") }
        let rows = summary.rows.map { row -> [Cell] in
            let f = row.figures
            return label(row.scope) + [.integer(f.teachers)]
                + competences.map { f.shareAbove[$0].map { .percent($0) } ?? .empty }
                + shown.map { f.mean[$0].map { .number($0, decimals: 1) } ?? .empty }
        }
        let scope = school.map { "школы \($0)" } ?? "педагогических и руководящих работников"
        let none =
            "Результатов диагностики \(scope) с согласием педагога нет"
            + (latest ? "." : " в кампании \(campaign.date.russian).")
        let total = summary.total
        let schools = ReportTable(
            title: latest
                ? "Последний результат каждого педагога (кампании по \(campaign.date.russian))"
                : "Кампания \(campaign.date.russian), \(campaign.instrument)",
            columns: columns, rows: total.teachers == 0 ? [] : rows, emptyMessage: none)
        let deficits = ReportTable(
            title: "Частота дефицитов",
            columns: [Column("topic", "Дефицит"), Column("teachers", "Педагогов"), Column("share", "Доля")],
            rows: total.deficits.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { topic, n in
                [.text(topic), .integer(n), .percent(Double(n) * 100 / Double(max(1, total.teachers)))]
            },
            emptyMessage: total.noDeficitsMessage)
        return Summary(
            schools: schools, deficits: deficits,
            charts: total.teachers == 0 ? [] : charts(summary, thresholds: thresholds))
    }

    /// The charts of a summary: the share of each school's teachers with each deficit (the
    /// commonest first, as the municipal report's heatmap), and the share above the subject and
    /// the methodological thresholds (the indicators the roadmaps set) by school.
    static func charts(_ summary: DiagnosticSummary, thresholds: [Competence: Double]) -> [Chart] {
        let schools = summary.rows.filter { $0.scope != .municipality && $0.figures.teachers > 0 }
        func name(_ scope: DiagnosticScope) -> String { label(scope).map(\.display).joined(separator: " ") }
        var charts: [Chart] = []
        let totals = summary.total.deficits
        let topics = totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }
        if !topics.isEmpty, !schools.isEmpty {
            charts.append(
                .heatmap(
                    Heatmap(
                        title: "Дефициты по школам", rows: schools.map { name($0.scope) }, columns: topics,
                        values: schools.map { row in
                            // A school's counts are keyed as first written there: matched without case.
                            var counts: [String: Int] = [:]
                            for (topic, n) in row.figures.deficits { counts[CellValue.fold(topic), default: 0] += n }
                            return topics.map {
                                Double(counts[CellValue.fold($0)] ?? 0) * 100 / Double(row.figures.teachers)
                            }
                        },
                        legend: "% педагогов с дефицитом")))
        }
        for c in [Competence.subject, .methodological] {
            guard let threshold = thresholds[c] else { continue }
            let items = schools.compactMap { row in
                row.figures.shareAbove[c].map { BarChart.Item(label: name(row.scope), value: $0) }
            }
            guard !items.isEmpty else { continue }
            charts.append(
                .bars(
                    BarChart(
                        title:
                            "Доля педагогов выше порога: \(c.russian) (>\(Cell.russianNumber(threshold, decimals: 0)))",
                        valueTitle: "Доля", items: items)))
        }
        return charts
    }

    /// The campaigns loaded (`diagnostics campaigns`).
    public static func campaigns(_ list: [CampaignLine]) -> ReportTable {
        ReportTable(
            title: "",
            columns: [
                Column("id", "№"), Column("date", "Дата"), Column("instrument", "Инструмент"),
                Column("participants", "Участников"),
            ],
            rows: list.map {
                [.integer(Int($0.id)), .date($0.date), .text($0.instrument), .integer($0.participants)]
            },
            emptyMessage: "Диагностика не загружена: nastavnik import diagnostics ФАЙЛ.")
    }

    /// The thresholds of each instrument («*»: the default for all), one row per instrument.
    public static func thresholds(_ instruments: [(instrument: String, thresholds: [Competence: Double])])
        -> ReportTable
    {
        ReportTable(
            title: "Пороги компетенций",
            columns: [Column("instrument", "Инструмент")]
                + shown.map { Column("threshold_\($0.rawValue)", "Порог: \($0.russian)") },
            rows: instruments.map { line in
                [.text(line.instrument == "*" ? "по умолчанию (все инструменты)" : line.instrument)]
                    + shown.map { c in
                        line.thresholds[c].map {
                            .text("выше \(Cell.russianNumber($0, decimals: $0 == $0.rounded() ? 0 : 1))")
                        }
                            ?? .text("не задан")
                    }
            })
    }

    /// The change from campaign `a` to `b` for `both` (the second campaign's results of those who
    /// took both), `first` the first campaign's results by teacher.
    public static func dynamics(
        _ dynamics: DiagnosticDynamics, both: [ResultLine], first: [Int64: ResultLine],
        from a: CampaignLine, to b: CampaignLine, thresholds: [Competence: Double]
    ) -> Dynamics {
        func delta(_ r: ResultLine, _ c: Competence) -> Cell {
            guard let x = first[r.staffRowID]?.scores[c], let y = r.scores[c] else { return .empty }
            return .number(y - x, decimals: 1)
        }
        let teachers = ReportTable(
            title: "По педагогам (прошли обе кампании: \(both.count))",
            columns: [.staffID, .fullName, .schoolCode]
                + shown.flatMap { c in
                    [
                        Column("\(c.rawValue)_from", "\(c.russian): \(a.date.russian)"),
                        Column("\(c.rawValue)_to", "\(c.russian): \(b.date.russian)"),
                        Column("\(c.rawValue)_change", "\(c.russian): изменение"),
                    ]
                } + [Column("deficits_resolved", "Преодолены дефициты"), Column("deficits_new", "Новые дефициты")],
            rows: both.map { r in
                let before = Set(first[r.staffRowID]!.deficits.map(CellValue.fold))
                let after = Set(r.deficits.map(CellValue.fold))
                return [Cell(r.staffID), .text(r.fullName), .text(r.schoolCode)]
                    + shown.flatMap { c in
                        [
                            first[r.staffRowID]!.scores[c].map { .number($0, decimals: 1) } ?? .empty,
                            r.scores[c].map { .number($0, decimals: 1) } ?? .empty, delta(r, c),
                        ]
                    }
                    + [
                        .list(first[r.staffRowID]!.deficits.filter { !after.contains(CellValue.fold($0)) }),
                        .list(r.deficits.filter { !before.contains(CellValue.fold($0)) }),
                    ]
            },
            emptyMessage: "Нет педагогов, прошедших обе кампании.")
        let competences = shown.filter { thresholds[$0] != nil }
        let schools = ReportTable(
            title: "По школам и муниципалитету",
            columns: [.schoolCode, .school, Column("teachers", "Педагогов")]
                + shown.map { Column("mean_change_\($0.rawValue)", "Изменение среднего: \($0.russian)") }
                + competences.flatMap { c in
                    [
                        Column("above_\(c.rawValue)_from", "Выше порога (\(c.russian)): \(a.date.russian)"),
                        Column("above_\(c.rawValue)_to", "Выше порога (\(c.russian)): \(b.date.russian)"),
                    ]
                },
            rows: dynamics.rows.map { row in
                label(row.scope) + [.integer(row.teachers)]
                    + shown.map { c in row.meanChange(c).map { .number($0, decimals: 1) } ?? .empty }
                    + competences.flatMap { c in
                        [
                            row.before.shareAbove[c].map { .percent($0) } ?? .empty,
                            row.after.shareAbove[c].map { .percent($0) } ?? .empty,
                        ]
                    }
            })
        return Dynamics(schools: schools, teachers: teachers)
    }
}
