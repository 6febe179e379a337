import Foundation

/// Which entries of the audit log are shown: by who, which table, when, which words, which person.
public struct AuditFilter: Sendable, Equatable {
    /// A part of the name of who made the change.
    public var actor: String?
    /// The table's stored name (`staff`, `school`…).
    public var table: String?
    /// From this moment on.
    public var from: Date?
    /// Before this moment.
    public var until: Date?
    /// Words anywhere in the entry: its record's key, the command, the old and new values.
    public var text: String?
    /// About the worker with this personnel number.
    public var staffID: String?
    /// Of this kind only (added, changed, deleted…).
    public var action: AuditEntry.Action?

    public init(
        actor: String? = nil, table: String? = nil, from: Date? = nil, until: Date? = nil, text: String? = nil,
        staffID: String? = nil, action: AuditEntry.Action? = nil
    ) {
        self.actor = actor
        self.table = table
        self.from = from
        self.until = until
        self.text = text
        self.staffID = staffID
        self.action = action
    }
}
