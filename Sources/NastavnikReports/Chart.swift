import NastavnikCore

/// The charts the reports draw, as inline SVG in HTML (and as their data in other formats).
public enum Chart: Sendable, Equatable {
    case bars(BarChart)
    case stackedBars(StackedBarChart)
    case heatmap(Heatmap)
    case timeline(Timeline)

    public var title: String {
        switch self {
        case .bars(let c): c.title
        case .stackedBars(let c): c.title
        case .heatmap(let c): c.title
        case .timeline(let c): c.title
        }
    }

    /// The chart's kind as JSON names it.
    public var kind: String {
        switch self {
        case .bars: "bars"
        case .stackedBars: "stacked_bars"
        case .heatmap: "heatmap"
        case .timeline: "timeline"
        }
    }

    /// The chart's data as a table, for formats that cannot draw.
    public var table: ReportTable {
        switch self {
        case .bars(let c):
            // A target column only where bars have targets of their own: the other charts' tables stay as they were.
            let targets = c.items.contains { $0.target != nil }
            func value(_ v: Double) -> Cell { c.percent ? .percent(v) : .number(v, decimals: 1) }
            return ReportTable(
                title: c.title,
                columns: [Column("label", "Показатель"), Column("value", c.valueTitle)]
                    + (targets ? [Column("target", "Цель")] : []),
                rows: c.items.map {
                    [.text($0.label), value($0.value)] + (targets ? [$0.target.map(value) ?? .empty] : [])
                })
        case .stackedBars(let c):
            return ReportTable(
                title: c.title,
                columns: [Column("label", "")] + c.series.enumerated().map { Column("s\($0.offset)", $0.element) },
                rows: c.items.map { item in [.text(item.label)] + item.values.map { .number($0, decimals: 0) } })
        case .heatmap(let c):
            return ReportTable(
                title: c.title,
                columns: [Column("row", "")] + c.columns.enumerated().map { Column("c\($0.offset)", $0.element) },
                rows: zip(c.rows, c.values).map { label, values in
                    [.text(label)] + values.map { $0.map { .number($0, decimals: c.decimals) } ?? .empty }
                })
        case .timeline(let c):
            return ReportTable(
                title: c.title,
                columns: [
                    Column("label", "Мероприятие"), Column("start", "Начало"),
                    Column("end", "Окончание"), Column("status", "Статус"),
                ],
                rows: c.rows.flatMap { row in
                    row.segments.map { [.text(row.label), .date($0.start), .date($0.end), Cell($0.status)] }
                })
        }
    }
}
