import Foundation
import GRDB
import NastavnikCore

// What a school's page adds to `school(code:asOf:)`: the history of its statuses and the
// statuses `schools classify` proposed.
extension NastavnikDatabase {
    /// The changes of the school's official statuses, oldest first, replayed from the audit
    /// log (the schema keeps only the statuses in force). An import replaces a school's
    /// statuses by deleting the old ones and inserting the new: a run of deletes then inserts
    /// by one actor and command, its entries at most `SchoolStatusChange.sameChangeSeconds`
    /// apart, makes one change, and a replacement by the same statuses is no change. Changes
    /// made outside Nastavnik are not in the log.
    public func statusHistory(schoolCode: String) throws -> [SchoolStatusChange] {
        try reader.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [schoolCode])
            else { return [] }
            // The log's key of a `school_status` row is its school's id (the table's first column).
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT at, actor, command, action,
                           json_extract(coalesce(new_values, old_values), '$.status') AS status,
                           json_extract(coalesce(new_values, old_values), '$.source') AS source
                    FROM audit_log WHERE table_name = 'school_status' AND row_key = ? ORDER BY id
                    """, arguments: [String(id)])
            var changes: [SchoolStatusChange] = []
            var current = Set<SchoolStatus>()
            var group: (last: String, actor: String, command: String?, before: Set<SchoolStatus>, inserted: Bool)?
            func close() {
                guard let g = group, g.before != current, let date = LocalDate(parsing: String(g.last.prefix(10)))
                else { return }
                changes.append(
                    SchoolStatusChange(
                        timestamp: g.last, date: date, actor: g.actor, command: g.command,
                        added: current.subtracting(g.before).sorted(), removed: g.before.subtracting(current).sorted(),
                        statuses: current.sorted()))
            }
            for row in rows {
                guard (row["source"] as String?) == "official", let status = SchoolStatus(rawValue: row["status"] ?? "")
                else { continue }
                let at: String = row["at"]
                let actor: String = row["actor"]
                let command: String? = row["command"]
                let deletes = (row["action"] as String) == "delete"
                let same = group.map {
                    $0.actor == actor && $0.command == command && !(deletes && $0.inserted)
                        && Self.seconds($0.last, at) <= SchoolStatusChange.sameChangeSeconds
                }
                if same != true {
                    close()
                    group = (at, actor, command, current, false)
                }
                group!.last = at
                if deletes {
                    current.remove(status)
                } else {
                    current.insert(status)
                    group!.inserted = true
                }
            }
            close()
            return changes
        }
    }

    /// The statuses `schools classify --save` proposed for the school, with its reasons (one
    /// text for the school, stored with each status).
    public func proposedStatuses(schoolCode: String) throws -> (statuses: [SchoolStatus], reason: String?) {
        try reader.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT st.status, st.reason FROM school_status st JOIN school s ON s.id = st.school_id
                    WHERE s.code = ? AND st.source = 'proposed' ORDER BY st.status
                    """, arguments: [schoolCode])
            return (
                rows.compactMap { SchoolStatus(rawValue: $0["status"]) }.sorted(),
                rows.compactMap { $0["reason"] as String? }.first
            )
        }
    }

    /// Seconds from one log timestamp to a later one (ISO 8601 in UTC, as the log writes them).
    static func seconds(_ from: String, _ to: String) -> Double {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        guard let a = try? Date(from, strategy: style), let b = try? Date(to, strategy: style) else { return .infinity }
        return b.timeIntervalSince(a)
    }
}
