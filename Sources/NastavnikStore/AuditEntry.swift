import Foundation

/// One recorded change.
public struct AuditEntry: Sendable, Equatable {
    public enum Action: String, Sendable {
        case insert, update, delete
        /// Rows appended by a bulk import, recorded as one entry (see `AuditLog`).
        case bulkInsert = "bulk-insert"
        /// The whole database replaced by a backup copy.
        case restore

        public var russian: String {
            switch self {
            case .insert: "добавление"
            case .update: "изменение"
            case .delete: "удаление"
            case .bulkInsert: "массовая загрузка"
            case .restore: "восстановление из копии"
            }
        }
    }

    public var id: Int64
    /// When, as stored: ISO 8601 in UTC with milliseconds.
    public var timestamp: String
    /// When.
    public var at: Date { (try? Date(timestamp, strategy: Self.timestampStyle)) ?? Date(timeIntervalSince1970: 0) }

    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    public var actor: String
    public var command: String?
    public var table: String
    public var key: String?
    public var action: Action
    /// The changed columns' values before (for an update, only those that changed).
    public var oldValues: [String: AuditValue]
    public var newValues: [String: AuditValue]
    /// The personnel number of the person concerned, when there is one.
    public var staffID: String?
}
