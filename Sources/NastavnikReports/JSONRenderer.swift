import Foundation
import NastavnikCore

/// Renders a table as a JSON array of objects keyed by the columns' stable keys.
public struct JSONRenderer: Sendable {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func value(_ table: ReportTable) -> JSONValue {
        .array(
            table.rows.map { row in
                .object(zip(table.columns, row).map { ($0.key, JSONValue($1)) })
            })
    }

    /// A report for scripts: its title, subtitle and sections, each with its text (paragraphs and
    /// notes), its tables (title and rows, as the list commands print them) and its figures
    /// (the charts: title, kind and data rows); then its appendix's lists, in the same shape.
    public func value(_ report: Report) -> JSONValue {
        func section(_ s: ReportSection) -> JSONValue {
            var text: [JSONValue] = []
            var tables: [JSONValue] = []
            var figures: [JSONValue] = []
            for block in s.blocks {
                switch block {
                case .paragraph(let t), .note(let t): text.append(.string(t))
                case .table(let t):
                    tables.append(.object([("title", .string(t.title)), ("rows", value(t))]))
                case .chart(let c):
                    figures.append(
                        .object([("title", .string(c.title)), ("kind", .string(c.kind)), ("rows", value(c.table))]))
                }
            }
            return .object([
                ("title", .string(s.title)), ("text", .array(text)), ("tables", .array(tables)),
                ("figures", .array(figures)),
            ])
        }
        return .object([
            ("title", .string(report.title)), ("subtitle", report.subtitle.map { .string($0) } ?? .null),
            ("sections", .array(report.sections.map(section))), ("appendix", .array(report.appendix.map(section))),
        ])
    }

    public func render(_ table: ReportTable) -> String {
        value(table).serialized(pretty: pretty) + "\n"
    }
}
