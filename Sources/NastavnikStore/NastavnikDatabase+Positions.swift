import GRDB
import NastavnikCore

/// A position title as stored, with the kind its rows have and how many they are.
public struct PositionLine: Sendable, Equatable {
    public var title: String
    public var kind: PositionKind
    public var count: Int
    /// Whether the номенклатура's list or a department's correction names the title (else its
    /// kind was guessed).
    public var known: Bool
    /// Whether the kind is a department's correction (`staff positions --set`).
    public var overridden: Bool
}

extension NastavnikDatabase {
    /// The classifier in force: the built-in list under the stored corrections.
    static func positionClassifier(_ db: Database) throws -> PositionClassifier {
        var overrides: [String: PositionKind] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT title_key, kind FROM position_kind_override") {
            if let kind = PositionKind(rawValue: row["kind"]) { overrides[row["title_key"]] = kind }
        }
        return PositionClassifier(overrides: overrides)
    }

    /// Every stored title with its kind and number of rows, by kind then title; a title stored
    /// with two kinds (which only a change outside Nastavnik makes) is listed twice.
    public func positions() throws -> [PositionLine] {
        try reader.read { db in
            let classifier = try Self.positionClassifier(db)
            let sql = "SELECT position, position_kind, count(*) AS n FROM staff GROUP BY position, position_kind"
            return try Row.fetchAll(db, sql: sql).compactMap { row in
                guard let kind = PositionKind(rawValue: row["position_kind"]) else { return nil }
                let title: String = row["position"]
                return PositionLine(
                    title: title, kind: kind, count: row["n"], known: classifier.classify(title).known,
                    overridden: classifier.overrides[PositionTitles.key(title)] != nil)
            }
            .sorted {
                (PositionKind.allCases.firstIndex(of: $0.kind)!, CellValue.fold($0.title)) < (
                    PositionKind.allCases.firstIndex(of: $1.kind)!, CellValue.fold($1.title)
                )
            }
        }
    }

    /// Stores a department's correction of a title's kind and gives it to every stored row of
    /// that title (compared folded), in one transaction; later imports read it. Returns how many
    /// rows changed their kind.
    @discardableResult
    public func setPositionKind(title: String, kind: PositionKind) throws -> Int {
        let key = PositionTitles.key(title)
        guard !key.isEmpty else { throw StoreError.invalid("Не указана должность: --set требует название должности.") }
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO position_kind_override (title_key, title, kind) VALUES (?, ?, ?)
                    ON CONFLICT(title_key) DO UPDATE SET title = excluded.title, kind = excluded.kind
                    """, arguments: [key, title.trimmingCharacters(in: .whitespaces), kind.rawValue])
            // Titles are few: each distinct one is compared by its key in Swift, as imports do.
            let titles = try String.fetchAll(db, sql: "SELECT DISTINCT position FROM staff").filter {
                PositionTitles.key($0) == key
            }
            var changed = 0
            for stored in titles {
                try db.execute(
                    sql: "UPDATE staff SET position_kind = ? WHERE position = ? AND position_kind <> ?",
                    arguments: [kind.rawValue, stored, kind.rawValue])
                changed += db.changesCount
            }
            return changed
        }
    }
}
