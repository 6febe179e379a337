import Foundation
import NastavnikCore

/// A table of a report: the common model every renderer takes.
public struct ReportTable: Sendable, Equatable {
    /// Empty for most tables: the section or the command says what the table is.
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// What to say when there are no rows, instead of an empty table.
    public var emptyMessage: String

    public init(title: String = "", columns: [Column], rows: [[Cell]] = [], emptyMessage: String = "Нет данных.") {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.emptyMessage = emptyMessage
    }
}
