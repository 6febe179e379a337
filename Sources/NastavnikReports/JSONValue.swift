import Foundation
import NastavnikCore

/// A JSON value whose objects keep their keys in order, so output is stable for scripts.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    public init(_ cell: Cell) {
        switch cell {
        case .text(let s): self = .string(s)
        case .integer(let i): self = .integer(i)
        case .number(let v, _): self = .number(JSONValue.withoutBinaryNoise(v))
        case .percent(let v): self = .number(JSONValue.withoutBinaryNoise(v))
        case .date(let d): self = .string(d.iso)
        case .bool(let b): self = .bool(b)
        case .list(let items): self = .array(items.map { .string($0) })
        case .empty: self = .null
        }
    }

    /// A computed figure to nine decimals: 0.85 − 1 is −0.15 for a script, not the
    /// −0.15000000000000002 of binary arithmetic; far more digits than any figure means.
    static func withoutBinaryNoise(_ v: Double) -> Double {
        guard v.isFinite, abs(v) < 1e9 else { return v }
        return (v * 1e9).rounded() / 1e9
    }

    /// Compact or indented JSON text; non-ASCII is written as is (UTF-8).
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let v):
            if v.isFinite {
                if v == v.rounded(), abs(v) < 1e15 { out += String(Int(v)) } else { out += String(v) }
            } else {
                out += "null"
            }
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[" + newline
            for (i, item) in items.enumerated() {
                out += pad
                item.write(into: &out, pretty: pretty, indent: indent + 1)
                out += (i < items.count - 1 ? "," : "") + newline
            }
            out += closePad + "]"
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{" + newline
            for (i, (key, value)) in pairs.enumerated() {
                out += pad
                JSONValue.escape(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
                out += (i < pairs.count - 1 ? "," : "") + newline
            }
            out += closePad + "}"
        }
    }

    /// Appends the compact JSON text of this value.
    public func write(into out: inout String) {
        write(into: &out, pretty: false, indent: 0)
    }

    public static func escape(_ s: String, into out: inout String) {
        // Most strings need no escaping: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
