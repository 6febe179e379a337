import GRDB

extension NastavnikDatabase {
    /// One write transaction, recorded in the audit log as the actor this instance acts for
    /// (`acting(as:)`), else as the connection's own.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        prepareForWrites()
        guard let actor = actingAs else {
            return try writer.write { db in
                try audit.check()
                return try body(db)
            }
        }
        return try writer.write { db in
            try audit.check()
            return try AuditLog.acting(as: actor, db) { try body(db) }
        }
    }
}
