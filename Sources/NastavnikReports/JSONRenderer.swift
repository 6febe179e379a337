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

    public func render(_ table: ReportTable) -> String {
        value(table).serialized(pretty: pretty) + "\n"
    }
}
