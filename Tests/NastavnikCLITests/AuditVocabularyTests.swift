import Foundation
import GRDB
import NastavnikApp
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// The audit log's Russian names cover the whole schema: a column or an enumerated value added
/// by a new migration without a Russian name fails here.
@Suite struct AuditVocabularyTests {
    /// The audited tables of a new database with their columns and the SQL that made them.
    func schema() throws -> [(table: String, columns: [String], sql: String)] {
        let sandbox = try CLISandbox()
        let database = try NastavnikDatabase(path: sandbox.path("schema.sqlite"))
        return try database.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_log', 'grdb_migrations')
                    ORDER BY name
                    """
            ).map { row in
                let table: String = row["name"]
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                return (table, columns, row["sql"] ?? "")
            }
        }
    }

    @Test func everyTableAndColumnHasARussianName() throws {
        var missing: [String] = []
        for (table, columns, _) in try schema() {
            if AuditVocabulary.tables[table] == nil { missing.append(table) }
            for column in columns where AuditVocabulary.label(table: table, column: column) == column {
                missing.append("\(table).\(column)")
            }
        }
        #expect(missing.isEmpty, "без русского названия: \(missing)")
    }

    /// The vocabulary names only tables the schema has (and the restore's `database`): a
    /// retired table (v8 dropped `indicator` and `indicator_value`) leaves no name behind.
    @Test func everyNamedTableIsInTheSchema() throws {
        let tables = Set(try schema().map(\.table))
        let stale = AuditVocabulary.tables.keys.filter { $0 != "database" && !tables.contains($0) }
        #expect(stale.isEmpty, "названия таблиц, которых нет: \(stale.sorted())")
        #expect(AuditVocabulary.tableColumns.keys.allSatisfy(tables.contains))
    }

    /// Every value a CHECK constraint enumerates (`CHECK (kind = 'a' OR kind = 'b')`) is shown in
    /// Russian; 0/1 columns as «да»/«нет».
    @Test func everyEnumeratedValueHasARussianName() throws {
        var missing: [String] = []
        var checked = 0
        for (table, _, sql) in try schema() {
            for check in sql.matches(of: #/CHECK \((?<body>[^()]*)\)/#) {
                let body = String(check.body)
                let alternatives = body.components(separatedBy: " OR ")
                let parsed = alternatives.compactMap { $0.wholeMatch(of: #/(?<column>\w+) = '(?<value>[^']*)'/#) }
                if parsed.count == alternatives.count, let column = parsed.first?.column,
                    parsed.allSatisfy({ $0.column == column })
                {
                    for value in parsed.map({ String($0.value) }) {
                        checked += 1
                        let shown = AuditVocabulary.value(table: table, column: String(column), .text(value))
                        if shown == value || shown.contains(where: { $0.isASCII && $0.isLetter }) {
                            missing.append("\(table).\(column) = \(value) → \(shown)")
                        }
                    }
                }
                let flags = alternatives.compactMap { $0.wholeMatch(of: #/(?<column>\w+) = [01]/#) }
                if flags.count == 2, flags.count == alternatives.count, let column = flags.first?.column {
                    checked += 1
                    let shown = AuditVocabulary.value(table: table, column: String(column), .integer(1))
                    if shown != "да" { missing.append("\(table).\(column) = 1 → \(shown)") }
                }
            }
        }
        #expect(checked > 40)
        #expect(missing.isEmpty, "без русского значения: \(missing)")
    }

    @Test func datesAndUnknownValues() {
        #expect(AuditVocabulary.value(table: "training", column: "end_date", .text("2026-09-01")) == "01.09.2026")
        #expect(AuditVocabulary.value(table: "staff", column: "category", .text("first")) == "первая")
        #expect(AuditVocabulary.value(table: "staff", column: "full_name", .text("first")) == "first")
        #expect(AuditVocabulary.value(table: "staff", column: "experience_years", .integer(3)) == "3")
    }
}
