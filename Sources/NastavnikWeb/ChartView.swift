import NastavnikReports

/// A chart drawn by the reports' own SVG code (the same picture as the printed report).
struct ChartView: Sendable {
    var title: String
    /// The SVG, made by `SVGChart` from values it escapes itself: the template inserts it as it is.
    var svg: String

    init(_ chart: Chart) {
        self.title = chart.title
        self.svg = SVGChart.render(chart)
    }
}
