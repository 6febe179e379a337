import GRDB
import NastavnikCore

/// Anti-risk programmes and the schools' development documents (issue 21).
extension NastavnikDatabase {
    /// The anti-risk programmes (all, or school `schoolCode`'s), by school code and factor;
    /// throws `StoreError.notFound` for an unknown school.
    public func programmes(schoolCode: String? = nil) throws -> [ProgrammeLine] {
        try reader.read { db in
            var sql: SQL = """
                SELECT p.roadmap_id, r.roadmap_key, r.title, s.code, s.name, p.factor, p.goal, r.period_start,
                       r.period_end, (SELECT count(*) FROM activity a WHERE a.roadmap_id = r.id) AS measures
                FROM risk_programme p JOIN roadmap r ON r.id = p.roadmap_id JOIN school s ON s.id = r.school_id
                """
            if let code = schoolCode {
                try Self.requireSchool(db, code: code)
                sql += " WHERE s.code = \(code)"
            }
            sql += " ORDER BY s.code, p.factor"
            return try ProgrammeLine.fetchAll(db, SQLRequest(literal: sql))
        }
    }

    /// Records a school's development document; the same school, kind and date of approval is
    /// the same document (its title, number and period are updated). Throws `StoreError.notFound`
    /// for an unknown school.
    @discardableResult
    public func saveSchoolDocument(_ document: SchoolDocumentLine) throws -> UpsertOutcome {
        try write { db in
            guard
                let schoolID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM school WHERE code = ?", arguments: [document.schoolCode])
            else { throw StoreError.notFound(what: "школа", key: document.schoolCode) }
            let values: [(any DatabaseValueConvertible)?] = [
                document.title, document.number, document.periodStart, document.periodEnd,
            ]
            if let stored = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, title, number, period_start, period_end FROM school_document
                    WHERE school_id = ? AND kind = ? AND approved_on = ?
                    """, arguments: [schoolID, document.kind.rawValue, document.approvedOn.iso])
            {
                let same =
                    (stored["title"] as String) == document.title && (stored["number"] as String?) == document.number
                    && (stored["period_start"] as Int?) == document.periodStart
                    && (stored["period_end"] as Int?) == document.periodEnd
                if same { return .unchanged }
                try db.execute(
                    sql:
                        "UPDATE school_document SET title = ?, number = ?, period_start = ?, period_end = ? WHERE id = ?",
                    arguments: StatementArguments(values + [stored["id"] as Int64]))
                return .changed
            }
            try db.execute(
                sql: """
                    INSERT INTO school_document (school_id, kind, approved_on, title, number, period_start, period_end)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: StatementArguments([schoolID, document.kind.rawValue, document.approvedOn.iso] + values))
            return .added
        }
    }

    /// The development documents (all, or school `schoolCode`'s), by school, kind and date.
    public func schoolDocuments(schoolCode: String? = nil) throws -> [SchoolDocumentLine] {
        try reader.read { db in
            var sql: SQL = """
                SELECT s.code, s.name, d.kind, d.title, d.number, d.approved_on, d.period_start, d.period_end
                FROM school_document d JOIN school s ON s.id = d.school_id
                """
            if let code = schoolCode {
                try Self.requireSchool(db, code: code)
                sql += " WHERE s.code = \(code)"
            }
            sql += " ORDER BY s.code, d.kind, d.approved_on"
            return try SchoolDocumentLine.fetchAll(db, SQLRequest(literal: sql))
        }
    }

    /// Throws `StoreError.notFound` unless school `code` is stored.
    static func requireSchool(_ db: Database, code: String) throws {
        guard try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [code]) != nil else {
            throw StoreError.notFound(what: "школа", key: code)
        }
    }
}
