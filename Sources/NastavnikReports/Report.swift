import NastavnikCore

/// A report: the model every document renderer (Markdown, HTML, XLSX) takes.
public struct Report: Sendable, Equatable {
    public var title: String
    /// A line under the title: the organisation, the date the figures are as of.
    public var subtitle: String?
    public var sections: [ReportSection]

    public init(title: String, subtitle: String? = nil, sections: [ReportSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }
}

/// A section with a heading; a section without data says so in one line instead of vanishing.
public struct ReportSection: Sendable, Equatable {
    public var title: String
    public var blocks: [ReportBlock]

    public init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }

    /// A section that has no data: its title and one line saying why.
    public static func empty(_ title: String, _ message: String) -> ReportSection {
        ReportSection(title: title, blocks: [.note(message)])
    }
}

public enum ReportBlock: Sendable, Equatable {
    case paragraph(String)
    /// A short remark set apart (no data, a caveat).
    case note(String)
    case table(ReportTable)
    case chart(Chart)
}

/// The charts the reports draw, as inline SVG in HTML (and as their data in other formats).
public enum Chart: Sendable, Equatable {
    case bars(BarChart)
    case stackedBars(StackedBarChart)
    case heatmap(Heatmap)
    case timeline(Timeline)

    public var title: String {
        switch self {
        case let .bars(c): c.title
        case let .stackedBars(c): c.title
        case let .heatmap(c): c.title
        case let .timeline(c): c.title
        }
    }

    /// The chart's data as a table, for formats that cannot draw.
    public var table: ReportTable {
        switch self {
        case let .bars(c):
            return ReportTable(title: c.title, columns: [Column("label", "Показатель"), Column("value", c.valueTitle)],
                               rows: c.items.map { [.text($0.label), c.percent ? .percent($0.value) : .number($0.value, decimals: 1)] })
        case let .stackedBars(c):
            return ReportTable(title: c.title, columns: [Column("label", "")] + c.series.enumerated().map { Column("s\($0.offset)", $0.element) },
                               rows: c.items.map { item in [.text(item.label)] + item.values.map { .number($0, decimals: 0) } })
        case let .heatmap(c):
            return ReportTable(title: c.title, columns: [Column("row", "")] + c.columns.enumerated().map { Column("c\($0.offset)", $0.element) },
                               rows: zip(c.rows, c.values).map { label, values in
                                   [.text(label)] + values.map { $0.map { .number($0, decimals: c.decimals) } ?? .empty }
                               })
        case let .timeline(c):
            return ReportTable(title: c.title, columns: [Column("label", "Мероприятие"), Column("start", "Начало"),
                                                         Column("end", "Окончание"), Column("status", "Статус")],
                               rows: c.rows.flatMap { row in
                                   row.segments.map { [.text(row.label), .date($0.start), .date($0.end), Cell($0.status)] }
                               })
        }
    }
}

/// Horizontal bars, one per item, with an optional target line.
public struct BarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }
    public var title: String
    public var valueTitle: String
    public var items: [Item]
    /// Values are percentages (the axis runs to 100).
    public var percent: Bool
    /// A target drawn as a vertical line (for example the 100 % of the 3-year rule).
    public var target: Double?

    public init(title: String, valueTitle: String, items: [Item], percent: Bool = true, target: Double? = nil) {
        self.title = title
        self.valueTitle = valueTitle
        self.items = items
        self.percent = percent
        self.target = target
    }
}

/// Bars split into coloured segments, one per series, with a legend.
public struct StackedBarChart: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var label: String
        public var values: [Double]
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }
    public var title: String
    public var series: [String]
    public var items: [Item]

    public init(title: String, series: [String], items: [Item]) {
        self.title = title
        self.series = series
        self.items = items
    }
}

/// A grid of rows × columns coloured by value, with a legend.
public struct Heatmap: Sendable, Equatable {
    public var title: String
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`; `nil` is "no data".
    public var values: [[Double?]]
    public var decimals: Int
    /// What the values mean, for the legend ("% педагогов с дефицитом").
    public var legend: String

    public init(title: String, rows: [String], columns: [String], values: [[Double?]], decimals: Int = 0, legend: String) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.values = values
        self.decimals = decimals
        self.legend = legend
    }
}

/// Gantt-like rows between two dates, with a line for today. A row is an activity; a
/// recurring activity has a segment per occurrence.
public struct Timeline: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var start: LocalDate
        public var end: LocalDate
        /// planned, inProgress, done, overdue or cancelled: the segment's colour.
        public var status: String?
        public init(start: LocalDate, end: LocalDate, status: String? = nil) {
            self.start = start
            self.end = end
            self.status = status
        }
    }

    public struct Row: Sendable, Equatable {
        public var label: String
        public var segments: [Segment]
        public init(label: String, segments: [Segment]) {
            self.label = label
            self.segments = segments
        }
    }

    public var title: String
    public var rows: [Row]
    public var today: LocalDate

    public init(title: String, rows: [Row], today: LocalDate) {
        self.title = title
        self.rows = rows
        self.today = today
    }
}
