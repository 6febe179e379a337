import Foundation
import NastavnikCore

/// Draws the report charts as inline SVG: no scripts, no external resources, sized in user
/// units so that they scale to the page and print sharply.
public enum SVGChart {
    static let palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#718096", "#d69e2e", "#319795"]
    static let statusColors: [String: String] = [
        "planned": "#90cdf4", "inProgress": "#2b6cb0", "done": "#38a169", "overdue": "#e53e3e", "cancelled": "#a0aec0",
    ]
    static let statusNames: [String: String] = [
        "planned": "запланировано", "inProgress": "выполняется", "done": "выполнено", "overdue": "просрочено",
        "cancelled": "отменено",
    ]

    public static func render(_ chart: Chart) -> String {
        switch chart {
        case .bars(let c): bars(c)
        case .stackedBars(let c): stacked(c)
        case .heatmap(let c): heatmap(c)
        case .timeline(let c): timeline(c)
        }
    }

    private static func e(_ s: String) -> String { Typography.escape(s) }

    private static func number(_ v: Double, decimals: Int = 1) -> String {
        Cell.russianNumber(v, decimals: v == v.rounded() ? 0 : decimals)
    }

    /// The axis's end for counts: four ticks of 1, 2, 2.5, 3 or 5 times a power of ten.
    static func roundedUp(_ value: Double) -> Double {
        guard value > 0 else { return 4 }
        let raw = value / 4
        let power = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 3, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        return Swift.max(4, step * 4)
    }

    /// A label's lines: the text wrapped at spaces to at most `max` characters a line (a longer
    /// word keeps its line), never cut: a printed chart shows every label whole.
    static func lines(_ text: String, max: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= max {
                line += " " + word
            } else {
                out.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || out.isEmpty { out.append(line) }
        return out
    }

    /// The estimated width in user units of `count` characters at `fontSize`: generous, so that
    /// the drawing's box holds the text (Cyrillic in PT Sans or Liberation Sans runs ~0.55 em).
    static func textWidth(_ count: Int, fontSize: Double = 12) -> Double { Double(count) * fontSize * 0.6 }

    /// A text of several lines, one `tspan` each, the first at `y`, the next `lineHeight` below.
    private static func text(
        _ lines: [String], x: Double, y: Double, lineHeight: Double = 13, attributes: String = ""
    ) -> String {
        var s = "<text x=\"\(x)\" y=\"\(y)\"\(attributes.isEmpty ? "" : " " + attributes)>"
        for (i, line) in lines.enumerated() {
            s += "<tspan x=\"\(x)\" dy=\"\(i == 0 ? 0 : lineHeight)\">\(e(line))</tspan>"
        }
        return s + "</text>"
    }

    /// Rows of labels wrapped to `maxChars` characters: each row's top, the rows' heights and the
    /// total height, every row at least `minimum` high.
    private static func rowLayout(_ labels: [[String]], minimum: Int, lineHeight: Int = 13) -> (
        tops: [Int], heights: [Int], total: Int
    ) {
        var tops: [Int] = []
        var heights: [Int] = []
        var y = 0
        for l in labels {
            let h = Swift.max(minimum, l.count * lineHeight + 4)
            tops.append(y)
            heights.append(h)
            y += h
        }
        return (tops, heights, y)
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(e(title))\" font-family=\"'PT Sans','Liberation Sans',Arial,sans-serif\" font-size=\"12\">"
            + "<title>\(e(title))</title>"
    }

    /// The label column's width and its characters a line: wider for long labels (a roadmap's
    /// title), so that they wrap into fewer lines; the plot takes the rest of `total`.
    static func labelColumn(_ labels: [String]) -> (width: Int, chars: Int) {
        labels.contains { $0.count > 72 } ? (340, 52) : (250, 36)
    }

    static func bars(_ c: BarChart) -> String {
        let (labelWidth, chars) = labelColumn(c.items.map(\.label))
        let plot = 650 - labelWidth
        // Small type and tight rows: a bar per school of a municipality fits half a page.
        let row = 13
        let top = 24
        let width = labelWidth + plot + 70
        let labels = c.items.map { lines($0.label, max: chars) }
        let layout = rowLayout(labels, minimum: row, lineHeight: 12)
        let height = top + layout.total + 10
        let maxValue = c.percent ? 100 : roundedUp((c.items.map(\.value).max() ?? 1) * 1.05)
        func x(_ v: Double) -> Double {
            Double(labelWidth) + Swift.max(0, Swift.min(v, maxValue)) / maxValue * Double(plot)
        }
        var s = open(width: width, height: height, title: c.title)
        for tick in 0...4 {
            let v = maxValue * Double(tick) / 4
            let tx = x(v)
            s += "<line x1=\"\(tx)\" y1=\"\(top - 4)\" x2=\"\(tx)\" y2=\"\(height - 8)\" stroke=\"#e2e8f0\"/>"
            s +=
                "<text x=\"\(tx)\" y=\"\(top - 8)\" text-anchor=\"middle\" fill=\"#4a5568\">\(number(v))\(c.percent ? " %" : "")</text>"
        }
        for (i, item) in c.items.enumerated() {
            let y = top + layout.tops[i]
            let h = layout.heights[i]
            let mid = Double(y) + Double(h) / 2
            let first = mid - Double(labels[i].count - 1) * 6 + 4
            s += text(
                labels[i], x: Double(labelWidth - 6), y: first, lineHeight: 12,
                attributes: "text-anchor=\"end\" font-size=\"11\"")
            let w = x(item.value) - Double(labelWidth)
            let below = (item.target ?? c.target).map { item.value < $0 } ?? false
            s +=
                "<rect x=\"\(labelWidth)\" y=\"\(mid - 5)\" width=\"\(w)\" height=\"10\" fill=\"\(below ? "#dd6b20" : "#2b6cb0")\"/>"
            if let own = item.target {
                let tx = x(own)
                s +=
                    "<line x1=\"\(tx)\" y1=\"\(mid - 8)\" x2=\"\(tx)\" y2=\"\(mid + 8)\" stroke=\"#c53030\" stroke-width=\"2\"><title>Цель: \(number(own))\(c.percent ? " %" : "")</title></line>"
            }
            s +=
                "<text x=\"\(Double(labelWidth) + w + 4)\" y=\"\(mid + 4)\" fill=\"#1a202c\" font-size=\"11\">\(number(item.value))\(c.percent ? " %" : "")</text>"
        }
        if let target = c.target {
            let tx = x(target)
            s +=
                "<line x1=\"\(tx)\" y1=\"\(top - 2)\" x2=\"\(tx)\" y2=\"\(height - 8)\" stroke=\"#c53030\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
        }
        return s + "</svg>"
    }

    /// A series' colour: its own, else the palette's.
    static func color(_ c: StackedBarChart, _ k: Int) -> String {
        k < c.colors.count ? c.colors[k] : palette[k % palette.count]
    }

    static func stacked(_ c: StackedBarChart) -> String {
        let (labelWidth, chars) = labelColumn(c.items.map(\.label))
        let plot = 650 - labelWidth
        let row = 18
        // The legend in columns wide enough for the longest series name.
        let legendColumn = Int(textWidth(c.series.map(\.count).max() ?? 0)) + 24
        let perLine = Swift.max(1, 680 / legendColumn)
        let legendHeight = 22 + ((c.series.count - 1) / perLine) * 16
        let top = legendHeight + 6
        let width = labelWidth + plot + 60
        let labels = c.items.map { lines($0.label, max: chars) }
        let layout = rowLayout(labels, minimum: row)
        let height = top + layout.total + 8
        let maxTotal = Swift.max(1, c.items.map { $0.values.reduce(0, +) }.max() ?? 1)
        var s = open(width: width, height: height, title: c.title)
        for (i, name) in c.series.enumerated() {
            let lx = 10 + (i % perLine) * legendColumn
            let ly = 6 + (i / perLine) * 16
            s += "<rect x=\"\(lx)\" y=\"\(ly)\" width=\"10\" height=\"10\" fill=\"\(color(c, i))\"/>"
            s += "<text x=\"\(lx + 14)\" y=\"\(ly + 9)\">\(e(name))</text>"
        }
        for (i, item) in c.items.enumerated() {
            let y = top + layout.tops[i]
            let mid = Double(y) + Double(layout.heights[i]) / 2
            let first = mid - Double(labels[i].count - 1) * 6.5 + 4
            s += text(labels[i], x: Double(labelWidth - 6), y: first, attributes: "text-anchor=\"end\"")
            var x = Double(labelWidth)
            for (k, value) in item.values.enumerated() where value > 0 {
                let w = value / maxTotal * Double(plot)
                s +=
                    "<rect x=\"\(x)\" y=\"\(mid - 7)\" width=\"\(w)\" height=\"14\" fill=\"\(color(c, k))\"><title>\(e(c.series[k])): \(number(value))</title></rect>"
                if w > 18 {
                    s +=
                        "<text x=\"\(x + w / 2)\" y=\"\(mid + 4)\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"10\">\(number(value))</text>"
                }
                x += w
            }
            s += "<text x=\"\(x + 4)\" y=\"\(mid + 4)\" fill=\"#4a5568\">\(number(item.values.reduce(0, +)))</text>"
        }
        return s + "</svg>"
    }

    /// Light to dark blue by value between the map's minimum and maximum.
    static func heatColor(_ t: Double) -> String {
        let low = (247.0, 251.0, 255.0)
        let high = (8.0, 48.0, 107.0)
        let k = Swift.max(0, Swift.min(1, t))
        let r = Int(low.0 + (high.0 - low.0) * k)
        let g = Int(low.1 + (high.1 - low.1) * k)
        let b = Int(low.2 + (high.2 - low.2) * k)
        return String(format: "#%02x%02x%02x", r, g, b)
    }

    static func heatmap(_ c: Heatmap) -> String {
        let rowLabels = c.rows.map { lines($0, max: 40) }
        let labelWidth = Int(textWidth(rowLabels.flatMap { $0 }.map(\.count).max() ?? 0)) + 12
        let cellW = 34
        let cellH = 22
        // Column labels run up and to the right at 55°: the header is as tall, and the drawing as
        // wide, as the longest label needs, so that none is clipped by the drawing's box.
        let angle = 55.0 * Double.pi / 180
        let longest = textWidth(c.columns.map(\.count).max() ?? 0, fontSize: 11)
        let header = Int(longest * sin(angle)) + 16
        let overhang = Int(longest * cos(angle))
        let layout = rowLayout(rowLabels, minimum: cellH)
        let width = labelWidth + c.columns.count * cellW + Swift.max(20, overhang - cellW / 2 + 10)
        let legendTop = header + layout.total + 14
        let height = legendTop + 40
        let all = c.values.flatMap { $0 }.compactMap { $0 }
        let lo = all.min() ?? 0
        let hi = all.max() ?? 1
        var s = open(width: width, height: height, title: c.title)
        for (j, column) in c.columns.enumerated() {
            let cx = labelWidth + j * cellW + cellW / 2
            s +=
                "<text transform=\"translate(\(cx + 4),\(header - 6)) rotate(-55)\" font-size=\"11\">\(e(column))</text>"
        }
        for (i, rowLabel) in c.rows.enumerated() {
            let y = header + layout.tops[i]
            let h = layout.heights[i]
            let first = Double(y) + Double(h) / 2 - Double(rowLabels[i].count - 1) * 6.5 + 4
            s += text(rowLabels[i], x: Double(labelWidth - 6), y: first, attributes: "text-anchor=\"end\"")
            for (j, value) in (i < c.values.count ? c.values[i] : []).enumerated() where j < c.columns.count {
                let x = labelWidth + j * cellW
                guard let value else {
                    s +=
                        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW - 1)\" height=\"\(h - 1)\" fill=\"#fff\" stroke=\"#edf2f7\"/>"
                    continue
                }
                let t = hi > lo ? (value - lo) / (hi - lo) : 0.5
                s +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW - 1)\" height=\"\(h - 1)\" fill=\"\(heatColor(t))\"><title>\(e(rowLabel)) — \(e(c.columns[j])): \(number(value, decimals: c.decimals))</title></rect>"
                s +=
                    "<text x=\"\(x + cellW / 2)\" y=\"\(y + h / 2 + 4)\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(t > 0.55 ? "#fff" : "#1a202c")\">\(number(value, decimals: c.decimals))</text>"
            }
        }
        s +=
            "<defs><linearGradient id=\"heat\" x1=\"0\" x2=\"1\"><stop offset=\"0\" stop-color=\"\(heatColor(0))\"/><stop offset=\"1\" stop-color=\"\(heatColor(1))\"/></linearGradient></defs>"
        s +=
            "<rect x=\"\(labelWidth)\" y=\"\(legendTop)\" width=\"160\" height=\"10\" fill=\"url(#heat)\" stroke=\"#cbd5e0\"/>"
        s += "<text x=\"\(labelWidth)\" y=\"\(legendTop + 24)\">\(number(lo, decimals: c.decimals))</text>"
        s +=
            "<text x=\"\(labelWidth + 160)\" y=\"\(legendTop + 24)\" text-anchor=\"end\">\(number(hi, decimals: c.decimals))</text>"
        s += "<text x=\"\(labelWidth + 172)\" y=\"\(legendTop + 10)\" fill=\"#4a5568\">\(e(c.legend))</text>"
        return s + "</svg>"
    }

    private static let monthNames = [
        "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ]

    static func timeline(_ c: Timeline) -> String {
        let labelWidth = 260
        let plot = 440
        let row = 20
        let top = 40
        let width = labelWidth + plot + 20
        let labels = c.rows.map { lines($0.label, max: 44) }
        let layout = rowLayout(labels, minimum: row)
        let height = top + layout.total + 34
        let segments = c.rows.flatMap(\.segments)
        guard let first = segments.map(\.start).min(), let last = segments.map(\.end).max() else {
            return open(width: width, height: 30, title: c.title) + "</svg>"
        }
        let start = LocalDate(year: first.year, month: first.month, day: 1)!
        let endMonth = last.adding(months: 1)
        let end = LocalDate(year: endMonth.year, month: endMonth.month, day: 1)!
        let span = Double(Swift.max(1, start.days(until: end)))
        func x(_ d: LocalDate) -> Double { Double(labelWidth) + Double(start.days(until: d)) / span * Double(plot) }
        var s = open(width: width, height: height, title: c.title)
        // Month ticks, thinned so that labels do not collide.
        let months = (start.year * 12 + start.month - 1)..<(end.year * 12 + end.month - 1)
        let step = Swift.max(1, months.count / 12)
        for (k, m) in months.enumerated() {
            let d = LocalDate(year: m / 12, month: m % 12 + 1, day: 1)!
            let tx = x(d)
            s +=
                "<line x1=\"\(tx)\" y1=\"\(top - 4)\" x2=\"\(tx)\" y2=\"\(height - 30)\" stroke=\"\(d.month == 1 ? "#a0aec0" : "#edf2f7")\"/>"
            if k % step == 0 {
                s +=
                    "<text x=\"\(tx + 2)\" y=\"\(top - 8)\" font-size=\"10\" fill=\"#4a5568\">\(monthNames[d.month - 1]) \(d.year % 100 < 10 ? "0" : "")\(d.year % 100)</text>"
            }
        }
        for (i, r) in c.rows.enumerated() {
            let mid = Double(top + layout.tops[i]) + Double(layout.heights[i]) / 2
            s += text(
                labels[i], x: Double(labelWidth - 6), y: mid - Double(labels[i].count - 1) * 6.5 + 4,
                attributes: "text-anchor=\"end\" font-size=\"11\"")
            for segment in r.segments {
                let x0 = x(segment.start)
                let x1 = Swift.max(x(segment.end.adding(days: 1)), x0 + 3)
                let color = statusColors[segment.status ?? "planned"] ?? "#90cdf4"
                s +=
                    "<rect x=\"\(x0)\" y=\"\(mid - 6)\" width=\"\(x1 - x0)\" height=\"12\" rx=\"2\" fill=\"\(color)\"><title>\(e(r.label)): \(segment.start.russian) — \(segment.end.russian)</title></rect>"
            }
        }
        if c.today >= start && c.today < end {
            let tx = x(c.today)
            s +=
                "<line x1=\"\(tx)\" y1=\"\(top - 16)\" x2=\"\(tx)\" y2=\"\(height - 30)\" stroke=\"#c53030\" stroke-width=\"1.5\"/>"
            s +=
                "<text x=\"\(tx + 3)\" y=\"\(top - 20)\" font-size=\"10\" fill=\"#c53030\">сегодня, \(c.today.russian)</text>"
        }
        var lx = labelWidth
        for key in ["planned", "inProgress", "done", "overdue", "cancelled"]
        where segments.contains(where: { ($0.status ?? "planned") == key }) {
            s += "<rect x=\"\(lx)\" y=\"\(height - 20)\" width=\"10\" height=\"10\" fill=\"\(statusColors[key]!)\"/>"
            s += "<text x=\"\(lx + 14)\" y=\"\(height - 11)\" font-size=\"11\">\(statusNames[key]!)</text>"
            lx += 110
        }
        return s + "</svg>"
    }
}
