import Foundation
import NastavnikCore

/// Writes long lists (a row per teacher of a country) as table, CSV or JSON straight into
/// bytes, in chunks: no report model of a million rows is built first.
public struct StreamingWriter {
    public enum Format: Sendable { case table, csv, json }

    public let columns: [Column]
    public let format: Format
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) throws -> Void

    public init(columns: [Column], format: Format, sink: @escaping ([UInt8]) throws -> Void) {
        self.columns = columns
        self.format = format
        self.sink = sink
        buffer.reserveCapacity(1 << 20)
    }

    private mutating func flushIfFull() throws {
        if buffer.count >= 1 << 20 {
            try sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    public mutating func finish() throws {
        if !buffer.isEmpty { try sink(buffer) }
        buffer.removeAll()
    }

    /// Writes every row; `row(i)` is asked twice for a table (widths first), once otherwise.
    public mutating func write(count: Int, emptyMessage: String, row: (Int) -> [Cell]) throws {
        switch format {
        case .json: try json(count: count, row: row)
        case .csv: try csv(count: count, row: row)
        case .table: try table(count: count, emptyMessage: emptyMessage, row: row)
        }
        try finish()
    }

    private mutating func jsonString(_ s: String) {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            buffer.append(0x22)
            buffer.append(contentsOf: s.utf8)
            buffer.append(0x22)
        } else {
            var escaped = ""
            JSONValue.escape(s, into: &escaped)
            buffer.append(contentsOf: escaped.utf8)
        }
    }

    private mutating func json(count: Int, row: (Int) -> [Cell]) throws {
        let keys = columns.map { column -> [UInt8] in
            var quoted = ""
            JSONValue.escape(column.key, into: &quoted)
            return Array((quoted + ":").utf8)
        }
        buffer.append(contentsOf: "[\n".utf8)
        for i in 0..<count {
            buffer.append(contentsOf: "  {".utf8)
            for (k, cell) in row(i).enumerated() where k < keys.count {
                if k > 0 { buffer.append(0x2C) }
                buffer.append(contentsOf: keys[k])
                switch cell {
                case .text(let s): jsonString(s)
                case .date(let d):
                    buffer.append(0x22)
                    appendDate(d, iso: true)
                    buffer.append(0x22)
                case .bool(let b): buffer.append(contentsOf: (b ? "true" : "false").utf8)
                case .integer(let n): buffer.append(contentsOf: String(n).utf8)
                case .empty: buffer.append(contentsOf: "null".utf8)
                default:
                    var text = ""
                    JSONValue(cell).write(into: &text)
                    buffer.append(contentsOf: text.utf8)
                }
            }
            buffer.append(contentsOf: (i < count - 1 ? "},\n" : "}\n").utf8)
            try flushIfFull()
        }
        buffer.append(contentsOf: "]\n".utf8)
    }

    private mutating func csv(count: Int, row: (Int) -> [Cell]) throws {
        let renderer = CSVRenderer()
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
        buffer.append(contentsOf: DelimitedText.record(columns.map(\.title), delimiter: ";").utf8)
        for i in 0..<count {
            for (k, cell) in row(i).enumerated() {
                if k > 0 { buffer.append(0x3B) }
                switch cell {
                case .empty: break
                case .date(let d): appendDate(d, iso: false)
                case .bool: buffer.append(contentsOf: cell.display.utf8)
                default: appendCSVField(renderer.value(cell))
                }
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
            try flushIfFull()
        }
    }

    private mutating func appendCSVField(_ value: String) {
        // Quoted only when it must be, which `DelimitedText.field` decides on the bytes.
        buffer.append(contentsOf: DelimitedText.field(value, delimiter: ";").utf8)
    }

    // A date's text is at most 15 bytes, kept inside the `String` itself: no allocation.
    private mutating func appendDate(_ date: LocalDate, iso: Bool) {
        buffer.append(contentsOf: (iso ? date.iso : date.russian).utf8)
    }

    private static func displayWidth(_ cell: Cell) -> Int {
        switch cell {
        case .text(let s): TextTableRenderer.width(s)
        case .date(let d): d.russianWidth
        case .empty: 0
        default: TextTableRenderer.width(cell.display)
        }
    }

    private static func isBlank(_ cell: Cell) -> Bool {
        switch cell {
        case .empty: true
        case .text(let s): s.isEmpty
        case .list(let items): items.allSatisfy(\.isEmpty)
        default: false
        }
    }

    private mutating func appendDisplay(_ cell: Cell) {
        switch cell {
        case .text(let s): buffer.append(contentsOf: s.utf8)
        case .date(let d): appendDate(d, iso: false)
        case .empty: break
        default: buffer.append(contentsOf: cell.display.utf8)
        }
    }

    private mutating func table(count: Int, emptyMessage: String, row: (Int) -> [Cell]) throws {
        guard count > 0 else {
            buffer.append(contentsOf: (emptyMessage + "\n").utf8)
            return
        }
        var widths = columns.map { TextTableRenderer.width($0.title) }
        var numeric = Array(repeating: true, count: columns.count)
        // Each cell's width, measured once for the column widths and kept for the padding.
        var cellWidths = [UInt32](repeating: 0, count: count * columns.count)
        for i in 0..<count {
            for (k, cell) in row(i).enumerated() where k < widths.count {
                let width = Self.displayWidth(cell)
                cellWidths[i * columns.count + k] = UInt32(clamping: width)
                widths[k] = max(widths[k], width)
                if !cell.isNumeric && cell != .empty { numeric[k] = false }
            }
        }
        let spaces = [UInt8](repeating: 0x20, count: widths.reduce(0, +) + 2 * widths.count)
        func line(_ cells: [Cell], measured: Int?) {
            var pending = 0
            for (k, cell) in cells.enumerated() where k < widths.count {
                let width = measured.map { Int(cellWidths[$0 + k]) } ?? Self.displayWidth(cell)
                let pad = max(0, widths[k] - width)
                if k > 0 { pending += 2 }
                if numeric[k] { pending += pad }
                if !Self.isBlank(cell) {
                    buffer.append(contentsOf: spaces[0..<pending])
                    appendDisplay(cell)
                    pending = 0
                }
                if !numeric[k] { pending += pad }
            }
            buffer.append(0x0A)
        }
        line(columns.map { .text($0.title) }, measured: nil)
        buffer.append(
            contentsOf: (widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n").utf8)
        for i in 0..<count {
            line(row(i), measured: i * columns.count)
            try flushIfFull()
        }
    }
}
