import Foundation
import GRDB
import GRDBSQLite
import NastavnikCore

/// The staff import's fast path, fenced in one type: the map of every person key
/// (`KeyedWrite` over a `BytesMap`), the writer thread, and, for a file larger than the table,
/// the bulk load — indexes dropped and built again, the insert trigger replaced by one audit
/// entry, the rollback journal instead of WAL, and the page cache sized for each phase.
///
/// What the import reads straight from a file's bytes comes in through `@_spi(StaffBulkLoad)`
/// (`write(key:…)`, `prefetch(key:)`, `schoolID(code:)`, `BackgroundWriter.Batch`): only the
/// import target opts into it; the public API takes plain values.
@_spi(StaffBulkLoad) public final class StaffBulkLoad {
    private let db: Database
    /// The schools by code, the session's own map.
    private let schoolIDs: BytesMap
    /// Columns an update leaves as stored (the file does not have them).
    var keptColumns: Set<String> = []
    /// How many staff rows were planned or written: the session's caches of staff drop when
    /// it moves.
    private(set) var writes = 0

    // Touched on every staff row of an import, by its thread alone: no runtime check of
    // exclusive access (see `BytesMap`).
    @exclusivity(unchecked) private var writer: KeyedWrite?
    @exclusivity(unchecked) private var background: BackgroundWriter?

    /// The indexes a bulk load of a table drops and builds again, exactly as the schema has them.
    private var droppedIndexes: [(name: String, sql: String)] = []
    /// The table being bulk-loaded, the first row id it appends, the SQL of its audit trigger
    /// for inserts (dropped meanwhile), and the rows the file may add.
    private var bulk: (table: String, firstID: Int64, insertTrigger: String?, estimatedRows: Int)?
    /// The data version's insert trigger of the table being loaded (v27), made again by `end()`.
    private var countingTrigger: String?

    init(db: Database, schoolIDs: BytesMap) {
        self.db = db
        self.schoolIDs = schoolIDs
    }

    /// How many values a packed staff row has: its key, then what `staffValues` gives.
    static let staffColumnCount = 16

    private static let staffColumns = [
        "staff_id", "full_name", "school_id", "position", "position_kind", "subjects",
        "birth_date", "teaching_since", "experience_years", "category", "category_date",
        "email", "phone", "post_since", "snils",
    ]

    private func makeWriter() throws -> KeyedWrite {
        if let writer { return writer }
        let made = try KeyedWrite(
            db, table: "staff", keyColumn: "person_key", columns: Self.staffColumns,
            keep: keptColumns, expectedRows: bulk?.estimatedRows ?? 0)
        writer = made
        return made
    }

    // MARK: Plain values (the general path)

    /// The key and `staffValues`, packed into a background batch.
    static func packStaff(
        _ member: StaffMember, key: String, kind: PositionKind, schoolID: Int64,
        into batch: inout BackgroundWriter.Batch
    ) {
        batch.text(key)
        batch.text(member.staffID)
        batch.text(member.fullName)
        batch.integer(schoolID)
        batch.text(member.position)
        batch.text(kind.rawValue)
        batch.text(StaffRowRules.subjectsText(member.subjects))
        batch.date(member.birthDate)
        batch.date(member.teachingSince)
        batch.real(member.experienceYears)
        batch.text(member.category?.rawValue)
        batch.date(member.categoryDate)
        batch.text(member.email)
        batch.text(member.phone)
        batch.date(member.postSince)
        batch.text(member.snils?.formatted)
    }

    /// A staff row's values after its key, in the order of `staffColumns`.
    static func staffValues(_ member: StaffMember, kind: PositionKind, schoolID: Int64) -> [SQLValue] {
        [
            SQLValue(member.staffID), .text(member.fullName), .integer(schoolID),
            .text(member.position), .text(kind.rawValue), .text(StaffRowRules.subjectsText(member.subjects)),
            SQLValue(member.birthDate?.iso), SQLValue(member.teachingSince?.iso), SQLValue(member.experienceYears),
            SQLValue(member.category?.rawValue), SQLValue(member.categoryDate?.iso), SQLValue(member.email),
            SQLValue(member.phone), SQLValue(member.postSince?.iso), SQLValue(member.snils?.formatted),
        ]
    }

    /// Writes a staff member under `key` (see `ImportSession.writeStaff`).
    func write(
        _ member: StaffMember, key: String, kind: PositionKind, schoolID: Int64, line: Int, fields: [String]
    ) throws -> KeyedWrite.Result {
        let writer = try makeWriter()
        writes &+= 1
        guard let background else {
            return try writer.write(
                key: key, values: Self.staffValues(member, kind: kind, schoolID: schoolID), line: line)
        }
        switch writer.plan(key: key, line: line) {
        case .duplicate(let first):
            return .duplicate(line: first)
        case let plan:
            background.submit(BackgroundWriter.Item(plan: plan, line: line, fields: fields), to: writer) {
                Self.packStaff(member, key: key, kind: kind, schoolID: schoolID, into: &$0)
            }
            if case .insert = plan { return .written(.added) }
            return .pending
        }
    }

    // MARK: Bytes (the fast path)

    /// Whether staff rows go to the background writer (`startBackgroundWrites()`).
    @_spi(StaffBulkLoad) public var writesInBackground: Bool { background != nil }

    /// The id of the school with this code, given as its UTF-8 bytes.
    @_spi(StaffBulkLoad) public func schoolID(code: UnsafeBufferPointer<UInt8>) -> Int64? { schoolIDs[code]?.id }

    /// `write` for a row checked as bytes, with background writes started: `key` is the
    /// person key's UTF-8; `pack` packs the row's values after the key, as `staffValues` gives
    /// them, and is called only when the row is to be written; `fields` gives the row's cells
    /// for the rejects file.
    @_spi(StaffBulkLoad) public func write(
        key: UnsafeBufferPointer<UInt8>, line: Int, fields: () -> [String],
        pack: (inout BackgroundWriter.Batch) -> Void
    ) throws -> KeyedWrite.Result {
        guard let background else { preconditionFailure("write(key:) needs background writes") }
        let writer = try makeWriter()
        let plan = writer.plan(key: key, line: line)
        if case .duplicate(let first) = plan { return .duplicate(line: first) }
        writes &+= 1
        background.submit(BackgroundWriter.Item(plan: plan, line: line, fields: fields()), to: writer) { batch in
            batch.text(key)
            pack(&batch)
        }
        if case .insert = plan { return .written(.added) }
        return .pending
    }

    /// Starts loading the memory that `write(key:…)` of this key will read: a caller that
    /// checks the row's other cells in between then rarely waits for it.
    @_spi(StaffBulkLoad) public func prefetch(key: UnsafeBufferPointer<UInt8>) {
        writer?.prefetch(key: key)
    }

    // MARK: Background writes

    func startBackgroundWrites() {
        if background == nil { background = BackgroundWriter() }
    }

    /// Waits for the writer's thread to be idle: the connection is then the caller's.
    func drain() { background?.drain() }

    func finishBackgroundWrites() -> BackgroundWriter.Outcome {
        guard let background else { return BackgroundWriter.Outcome() }
        self.background = nil
        return background.finish()
    }

    // MARK: Bulk loading

    /// Whether a file of about `estimatedRows` rows is a bulk load of `table`: large, and more
    /// than twice what the table holds.
    static func isBulk(_ db: Database, table: String, estimatedRows: Int) throws -> Bool {
        guard estimatedRows >= 50_000 else { return false }
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        return estimatedRows > 2 * existing
    }

    /// Before the transaction of a bulk load (only outside one may the journal change): leaves
    /// WAL for a rollback journal and returns whether it did.
    ///
    /// In WAL mode each appended page is written twice, to the WAL and again by the commit's
    /// checkpoint; a rollback journal keeps only the few pages that existed before, and
    /// appended pages are written once. Readers elsewhere wait for the commit (busy timeout)
    /// instead of reading the old state meanwhile. Leaving WAL needs the file to itself: if
    /// another connection holds it, the load simply stays in WAL.
    static func leaveWAL(_ db: Database) -> Bool {
        let left = (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
        // Rollback mode's setting that survives a power cut at any moment.
        if left { try? db.execute(sql: "PRAGMA synchronous = FULL") }
        return left
    }

    /// After the transaction: back to WAL. Should another process hold the file now, the next
    /// connection to open it puts it back in WAL mode, as every connection of ours asks for WAL;
    /// until then this one keeps rollback mode's safe setting.
    static func returnToWAL(_ db: Database) {
        if (try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")) == "wal" {
            try? db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
    }

    /// Drops `table`'s indexes, so rows are appended without keeping B-trees in order, and its
    /// insert trigger; `end()` builds and makes them again. Both happen inside the import's
    /// transaction.
    func begin(table: String, estimatedRows: Int) throws {
        // Every index the migrations gave the table (SQLite's own, for UNIQUE and PRIMARY KEY
        // clauses, have no SQL and stay).
        let indexes = try Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            arguments: [table])
        for index in indexes {
            let name: String = index["name"]
            try db.execute(sql: "DROP INDEX \(name)")
            droppedIndexes.append((name, index["sql"]))
        }
        // A row per added person in the audit log would triple a large load's time and
        // quadruple its file. The appended rows get one entry instead, naming their id range;
        // changes to existing rows are still recorded one by one, old and new values.
        // SQLite keeps a TEMP trigger's SQL without the word TEMP: it is put back for the
        // trigger to be made again in the connection's temp schema, not in the file.
        let trigger = "audit_\(table)_insert"
        let insertTrigger = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_temp_master WHERE type = 'trigger' AND name = ?",
            arguments: [trigger]
        )
        .map { $0.hasPrefix("CREATE TRIGGER") ? "CREATE TEMP TRIGGER" + $0.dropFirst("CREATE TRIGGER".count) : $0 }
        if insertTrigger != nil { try db.execute(sql: "DROP TRIGGER temp.\(AuditLog.quoted(trigger))") }
        // Likewise the data version's counter (v27) moves once for the whole load, not once a row.
        let counting = "data_change_\(table)_insert"
        countingTrigger = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [counting])
        if countingTrigger != nil { try db.execute(sql: "DROP TRIGGER main.\(AuditLog.quoted(counting))") }
        // Appending needs few pages in memory, and the sort that builds the indexes at the end
        // runs faster in smaller runs.
        try db.execute(sql: "PRAGMA cache_size = -8192")
        let next = (try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") ?? 0) + 1
        bulk = (table, next, insertTrigger, estimatedRows)
    }

    /// Builds again the indexes `begin` dropped; a unique index that no longer holds fails.
    /// Records the rows the load appended as one audit entry.
    func end() throws {
        if !droppedIndexes.isEmpty {
            // The map of keys is not needed while the indexes are built: its memory goes to
            // sorting threads.
            writer = nil
            // A sorting helper for every core, the building thread included, and sorted runs
            // of 2 MiB: the helpers sort while the table is read.
            let helpers = min(ProcessInfo.processInfo.activeProcessorCount, 4)
            try db.execute(sql: "PRAGMA threads = \(helpers); PRAGMA cache_size = -2048")
            defer { try? db.execute(sql: "PRAGMA threads = 0") }
            for index in droppedIndexes { try db.execute(sql: index.sql) }
        }
        droppedIndexes = []
        if let counting = countingTrigger {
            try db.execute(sql: counting)
            try db.execute(sql: "UPDATE data_change SET counter = counter + 1")
            countingTrigger = nil
        }
        guard let bulk else { return }
        self.bulk = nil
        guard let insertTrigger = bulk.insertTrigger else { return }
        try db.execute(sql: insertTrigger)
        let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \(bulk.table)") ?? 0
        guard last >= bulk.firstID else { return }
        // Rows are only appended during the load, each with the next rowid.
        let added = Int(last - bulk.firstID + 1)
        try AuditLog.record(
            db, table: bulk.table, key: "№ \(bulk.firstID)–\(last)", action: .bulkInsert,
            values: [("rows", added), ("first_row_id", bulk.firstID), ("last_row_id", last)])
    }
}
