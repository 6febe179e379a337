import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// A school's official statuses as the audit log names their rows (`school_status` by the
    /// school's id, the table's first column): the version of the form that sets them.
    public func schoolStatusVersion(code: String) throws -> RecordVersion {
        guard let id = try schoolID(code: code) else { throw StoreError.notFound(what: "школа", key: code) }
        return try recordVersion([Self.statusPart(id)])
    }

    /// Sets school `code`'s official statuses to `statuses` by the order `order` («Приказ № 45
    /// от 01.12.2026», kept as the rows' reason); the proposed ones stay. With `expectedVersion`
    /// (`schoolStatusVersion` when the form was opened), statuses changed since are left as they
    /// are (`StaleRecordError`). The same statuses by the same order write nothing. Returns the
    /// official statuses it had.
    @discardableResult
    public func setOfficialStatuses(
        schoolCode code: String, statuses: [SchoolStatus], order: String, expectedVersion: Int64? = nil
    ) throws -> [SchoolStatus] {
        guard let id = try schoolID(code: code) else { throw StoreError.notFound(what: "школа", key: code) }
        return try checkedWrite([Self.statusPart(id)], expectedVersion: expectedVersion) { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT status, reason FROM school_status WHERE school_id = ? AND source = 'official'",
                arguments: [id])
            let old = rows.compactMap { SchoolStatus(rawValue: $0["status"]) }.sorted()
            let wanted = Set(statuses).sorted()
            if old == wanted, rows.allSatisfy({ ($0["reason"] as String?) == order }) { return old }
            try db.execute(
                sql: "DELETE FROM school_status WHERE school_id = ? AND source = 'official'", arguments: [id])
            for status in wanted {
                try db.execute(
                    sql: "INSERT INTO school_status (school_id, status, source, reason) VALUES (?, ?, 'official', ?)",
                    arguments: [id, status.rawValue, order])
            }
            return old
        }
    }

    private func schoolID(code: String) throws -> Int64? {
        try reader.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [code])
        }
    }

    private static func statusPart(_ id: Int64) -> RecordVersion.Part {
        RecordVersion.Part(table: "school_status", key: String(id))
    }
}
