import Foundation
import NIOCore
import NastavnikCore
import PostgresNIO

extension RegionDatabase {
    /// Where a push stands, for a progress line (and for the tests that break a push half-way).
    public enum PushStage: Sendable, Equatable {
        /// The snapshot is made: its rows over all tables.
        case built(rows: Int)
        /// A table's rows are in the staging table (or, on a first push, in the municipality's
        /// partition, attached once it and the tables before it in `RegionTable.attachOrder` are
        /// in), not yet committed.
        case staged(table: String, rows: Int)
    }

    /// Sends a municipality's snapshot as one batch and returns the region's receipt.
    ///
    /// In one transaction, under a lock of the municipality (two pushes of one municipality wait
    /// for each other; different municipalities push at once): a batch the region already has
    /// (the same municipality, previous batch and snapshot) answers with its stored receipt; a
    /// snapshot equal to what the region holds is counted unchanged without sending a row;
    /// otherwise each table's rows are streamed with COPY into a staging table and merged by
    /// (municipality, key): new rows added, changed rows (by their hash) updated, rows the
    /// municipality no longer has marked deleted. A municipality's first push copies each table
    /// into a partition of its own while it is read, in pieces, and attaches each partition as
    /// soon as it and the tables before it in `RegionTable.attachOrder` are in (the attachment
    /// holds its table against other first pushes' attachments until the commit, so concurrent
    /// first pushes attach one after another, in one order). A push that is not the first
    /// makes its whole snapshot before the transaction. A failure anywhere, a broken connection
    /// included, leaves the region as it was.
    ///
    /// - Parameters:
    ///   - snapshot: whose snapshot it is, of which day, with or without personal data.
    ///   - previousBatch: the batch the region last acknowledged to this municipality.
    ///   - dryRun: count the differences and roll everything back.
    ///   - tables: emits each table's rows, given the region's key of the СНИЛС links (read first).
    public func push(
        _ snapshot: RegionSnapshot, previousBatch: String?, unchangedSince known: UnchangedState? = nil,
        dryRun: Bool = false, progress: @escaping @Sendable (PushStage) async throws -> Void = { _ in },
        tables: @escaping @Sendable (_ linkKey: String, _ sink: RegionSnapshot.Sink) async throws -> Void
    ) async throws -> RegionReceipt {
        try await withConnection { connection in
            try await Self.requireCurrentSchema(connection, url: url)
            if let known, let previousBatch,
                let receipt = try await Self.pushTransaction(
                    connection, dryRun: dryRun,
                    { try await Self.repeatUnchanged(connection, known: known, previous: previousBatch) })
            {
                return receipt
            }
            let linkKey = try await Self.linkKey(connection)
            let batch = RegionSnapshot.newBatchID()
            let (pieces, piecesIn) = AsyncThrowingStream.makeStream(of: (RegionTable, RegionSnapshot.Piece).self)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                // The snapshot is read and its lines made while the transaction sends the pieces
                // already made.
                group.addTask {
                    do {
                        let sink = RegionSnapshot.Sink { piecesIn.yield(($0, $1)) }
                        try await tables(linkKey, sink)
                        // A cancelled reading may end early without an error: said here, so that the
                        // transaction never takes the tables made so far for the snapshot.
                        try Task.checkCancellation()
                        piecesIn.finish()
                    } catch {
                        piecesIn.finish(throwing: error)
                    }
                }
                do {
                    // A municipality the region already holds needs the whole snapshot before its
                    // first statement (its hash, then the comparison): it is made before the
                    // transaction, so that neither the transaction nor the municipality's lock waits
                    // on the municipal database. A first push streams inside the transaction.
                    let made =
                        try await Self.isNew(connection, municipality: snapshot.municipalityID)
                        ? nil : try await Self.whole(pieces)
                    // Never nil: the merge always has a receipt.
                    let receipt = try await Self.pushTransaction(connection, dryRun: dryRun) {
                        try await Self.merge(
                            connection, snapshot: snapshot, batch: batch, pieces: pieces, made: made,
                            previous: previousBatch, progress: progress)
                    }!
                    try await group.waitForAll()
                    return receipt
                } catch {
                    group.cancelAll()
                    throw error
                }
            }
        }
    }

    /// `body` in one transaction, committed — or, in a dry run, rolled back with its receipt marked
    /// `dryRun` (a stored receipt of a batch the region already has is returned as it is).
    static func pushTransaction(
        _ connection: PostgresConnection, dryRun: Bool, _ body: () async throws -> RegionReceipt?
    ) async throws -> RegionReceipt? {
        do {
            return try await inTransaction(connection) {
                let receipt = try await body()
                if dryRun, let receipt, !receipt.repeated { throw DryRun(receipt: receipt) }
                return receipt
            }
        } catch let dry as DryRun {
            var receipt = dry.receipt
            receipt.dryRun = true
            return receipt
        }
    }

    /// What the municipality knows of the snapshot it last pushed, when nothing it is made of has
    /// changed since (no write to the municipal database, the same as-of day and personal-data
    /// choice): the region needs no row to record a push of the same snapshot.
    public struct UnchangedState: Sendable, Equatable {
        public var municipality: UUID
        public var sha256: String
        public var asOf: String
        public var personalData: Bool

        public init(municipality: UUID, sha256: String, asOf: String, personalData: Bool) {
            self.municipality = municipality
            self.sha256 = sha256
            self.asOf = asOf
            self.personalData = personalData
        }
    }

    /// The push of a snapshot the region holds as the municipality's latest: the batch recorded,
    /// every row counted unchanged, without building or sending the snapshot. `nil` when the region
    /// holds something else (another batch since, or none), and the snapshot must be sent.
    static func repeatUnchanged(
        _ connection: PostgresConnection, known: UnchangedState, previous: String
    ) async throws -> RegionReceipt? {
        try await lock(connection, municipality: known.municipality)
        if let stored = try await storedReceipt(
            connection, municipality: known.municipality, previous: previous, sha: known.sha256)
        {
            return stored
        }
        let rows = try await connection.query(
            """
            SELECT b.counts::text FROM nastavnik.municipality m JOIN nastavnik.batch b ON b.id = m.last_batch
            WHERE m.id = \(known.municipality) AND m.last_batch = \(previous) AND m.state_sha = \(known.sha256)
            """, logger: logger)
        var held: [RegionReceipt.TableCounts]?
        for try await text in rows.decode(String.self) { held = try decodeCounts(text) }
        guard let held else { return nil }
        // The rows the region holds of the municipality: what the last batch added, changed or left.
        let receipt = RegionReceipt(
            batch: RegionSnapshot.newBatchID(),
            tables: held.map { .init(table: $0.table, unchanged: $0.added + $0.changed + $0.unchanged) },
            sha256: known.sha256)
        try await record(
            connection, receipt: receipt, municipality: known.municipality, asOf: known.asOf,
            personalData: known.personalData, sha: known.sha256, previous: previous)
        return receipt
    }

    static func lock(_ connection: PostgresConnection, municipality: UUID) async throws {
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\("nastavnik.push." + municipality.uuidString.lowercased()), 0))",
            logger: logger)
    }

    // Carries a dry run's receipt out of the transaction it rolls back.
    struct DryRun: Error {
        var receipt: RegionReceipt
    }

    static func linkKey(_ connection: PostgresConnection) async throws -> String {
        let rows = try await connection.query(
            "SELECT value FROM nastavnik.region_setting WHERE key = 'link.key'", logger: logger)
        for try await value in rows.decode(String.self) { return value }
        throw RegionError("В региональной базе нет ключа связывания работников: выполните «nastavnik region init».")
    }

    /// A whole table as a push that is not the first keeps it: its pieces of lines and its summary.
    struct MadeTable: Sendable {
        var lines: [[UInt8]] = []
        var summary = RegionSnapshot.TableSummary(rows: 0, sha256: [])
    }

    /// Every table's lines, once the stream has given them all; a snapshot cut short is refused.
    static func whole(_ pieces: AsyncThrowingStream<(RegionTable, RegionSnapshot.Piece), any Error>)
        async throws -> [String: MadeTable]
    {
        var tables: [String: MadeTable] = [:]
        var ended: Set<String> = []
        for try await (table, piece) in pieces {
            guard !ended.contains(table.name) else { throw givenTwice(table) }
            switch piece {
            case .lines(let bytes, _): tables[table.name, default: MadeTable()].lines.append(bytes)
            case .end(let summary):
                tables[table.name, default: MadeTable()].summary = summary
                ended.insert(table.name)
            }
        }
        try requireWhole(ended)
        return tables
    }

    /// Reads a snapshot's pieces one after another, inside and between the tables' COPY: only the
    /// transaction's task reads it, never two at once.
    final class PieceReader: @unchecked Sendable {
        private var iterator: AsyncThrowingStream<(RegionTable, RegionSnapshot.Piece), any Error>.Iterator

        init(_ pieces: AsyncThrowingStream<(RegionTable, RegionSnapshot.Piece), any Error>) {
            iterator = pieces.makeAsyncIterator()
        }

        func next() async throws -> (RegionTable, RegionSnapshot.Piece)? { try await iterator.next() }
    }

    static func givenTwice(_ table: RegionTable) -> RegionError {
        RegionError("Таблица «\(table.title)» передана в снимке дважды; данные не отправлены.")
    }

    /// The push's statements, under the municipality's lock. `whole`: the snapshot's tables when
    /// they were all made before the transaction (the region held the municipality then); else
    /// they are taken from `pieces` as they come.
    static func merge(
        _ connection: PostgresConnection, snapshot: RegionSnapshot, batch: String,
        pieces: AsyncThrowingStream<(RegionTable, RegionSnapshot.Piece), any Error>,
        made whole: [String: MadeTable]?, previous: String?,
        progress: @Sendable (PushStage) async throws -> Void
    ) async throws -> RegionReceipt {
        let municipality = snapshot.municipalityID
        try await lock(connection, municipality: municipality)
        var counts: [RegionReceipt.TableCounts] = []
        let sha: String
        // Once the region holds a batch of a municipality it always will (no batch is ever
        // removed), so only a push that found it new before the lock asks again: another push of
        // the same municipality may have committed its first batch in between.
        if whole == nil, try await isNew(connection, municipality: municipality) {
            // The region holds nothing of the municipality (no batch of it ever committed, and rows
            // come only with a batch): every row is added, none can conflict, none is deleted, and
            // no earlier batch can be this one, so each table goes into a partition of its own
            // while it is read, and the partitions join the region's tables as they are loaded.
            try await register(connection, snapshot: snapshot)
            // postgres-nio quotes COPY's table name whole, so a schema-qualified name cannot be
            // given: the transaction's search path names the schema instead (every other statement
            // qualifies).
            try await run(connection, "SET LOCAL search_path TO nastavnik")
            // Every table's partition made at once, before the first rows come (the server waits
            // for them anyway): not one table after another between the copies. The lines carry
            // neither the municipality nor the batch (`RegionTableWriter`): the partitions'
            // defaults give them while they are loaded, and go before the commit.
            let id = municipality.uuidString.lowercased()
            try await everyPartition(connection, municipality: municipality) { table, partition in
                """
                CREATE TABLE \(partition) (LIKE nastavnik.\(table.name), CHECK (municipality_id = '\(id)'));
                ALTER TABLE \(partition) ALTER municipality_id SET DEFAULT '\(id)', ALTER batch_id SET DEFAULT \(literal(batch));
                """
            }
            var summaries: [String: RegionSnapshot.TableSummary] = [:]
            var loaded: [String: String] = [:]
            // Each partition is attached (its indexes built) as soon as it and every table before
            // it in `RegionTable.attachOrder` are loaded: while the client still reads the rest.
            // In one order whatever order the tables come in: an attached table stays locked
            // against other attachments until the commit, so two first pushes at once that
            // attached in different orders could wait on each other.
            var attached = 0
            func attach() async throws {
                while attached < RegionTable.attachOrder.count {
                    let table = RegionTable.attachOrder[attached]
                    guard let partition = loaded[table.name], summaries[table.name] != nil else { return }
                    try await run(
                        connection,
                        "ALTER TABLE nastavnik.\(table.name) ATTACH PARTITION nastavnik.\(partition) FOR VALUES IN ('\(municipality.uuidString.lowercased())')"
                    )
                    attached += 1
                }
            }
            let iterator = PieceReader(pieces)
            while let item = try await iterator.next() {
                let (table, first) = item
                guard loaded[table.name] == nil else { throw givenTwice(table) }
                let partition = partitionName(table, municipality: municipality)
                loaded[table.name] = partition
                var summary: RegionSnapshot.TableSummary?
                if case .end(let empty) = first {
                    summary = empty
                } else {
                    try await connection.copyFrom(table: partition, columns: copyColumns(table), logger: logger) {
                        writer in
                        var piece = first
                        while true {
                            switch piece {
                            case .lines(let bytes, _): try await writer.write(ByteBuffer(bytes: bytes))
                            case .end(let whole):
                                summary = whole
                                return
                            }
                            guard let item = try await iterator.next() else { break }
                            let (next, nextPiece) = item
                            guard next == table else {
                                throw RegionError(
                                    "Таблица «\(next.title)» начата прежде, чем кончилась «\(table.title)»; данные не отправлены."
                                )
                            }
                            piece = nextPiece
                        }
                    }
                }
                // The stream ended inside the table: the reading was cut short.
                guard let summary else { break }
                try await progress(.staged(table: table.name, rows: summary.rows))
                summaries[table.name] = summary
                try await attach()
            }
            try Self.requireWhole(Set(summaries.keys))
            try await attach()
            try await everyPartition(connection, municipality: municipality) { _, partition in
                "ALTER TABLE \(partition) ALTER municipality_id DROP DEFAULT, ALTER batch_id DROP DEFAULT;"
            }
            sha = snapshot.sha256(tables: summaries)
            try await progress(.built(rows: summaries.values.reduce(0) { $0 + $1.rows }))
            counts = RegionTable.all.map { .init(table: $0.name, added: summaries[$0.name]?.rows ?? 0) }
        } else {
            let tables: [String: MadeTable]
            if let whole { tables = whole } else { tables = try await Self.whole(pieces) }
            sha = snapshot.sha256(tables: tables.mapValues(\.summary))
            try await progress(.built(rows: tables.values.reduce(0) { $0 + $1.summary.rows }))
            if let stored = try await storedReceipt(
                connection, municipality: municipality, previous: previous, sha: sha)
            {
                return stored
            }
            try await register(connection, snapshot: snapshot)
            if try await stateHash(connection, municipality: municipality) == sha {
                counts = RegionTable.all.map { .init(table: $0.name, unchanged: tables[$0.name]?.summary.rows ?? 0) }
            } else {
                for table in RegionTable.all {
                    let made = tables[table.name] ?? MadeTable()
                    if try await holdsNothing(connection, table: table, municipality: municipality) {
                        try await insert(
                            connection, table: table, municipality: municipality, batch: batch, lines: made.lines)
                        try await progress(.staged(table: table.name, rows: made.summary.rows))
                        counts.append(.init(table: table.name, added: made.summary.rows))
                        continue
                    }
                    try await stage(connection, table: table, lines: made.lines)
                    try await progress(.staged(table: table.name, rows: made.summary.rows))
                    counts.append(
                        try await mergeStaged(
                            connection, table: table, municipality: municipality, batch: batch,
                            staged: made.summary.rows))
                }
            }
        }
        let receipt = RegionReceipt(batch: batch, tables: counts, sha256: sha)
        try await record(
            connection, receipt: receipt, municipality: municipality, asOf: snapshot.asOf,
            personalData: snapshot.personalData, sha: sha, previous: previous)
        return receipt
    }

    /// Refuses a snapshot that lacks a table (its reading was cancelled or broken off): committed,
    /// it would mark every row of the missing tables deleted.
    static func requireWhole(_ tables: Set<String>) throws {
        try Task.checkCancellation()
        let missing = RegionTable.all.filter { !tables.contains($0.name) }.map(\.title)
        guard missing.isEmpty else {
            throw RegionError(
                "Снимок муниципалитета собран не полностью (нет таблиц: \(missing.joined(separator: ", "))); данные не отправлены."
            )
        }
    }

    /// The stored receipt of the batch the region already has with this snapshot after this
    /// previous batch, as long as it is still the municipality's latest (pushed again after its
    /// answer was lost, or by two processes at once). An older one is not this push's answer: a
    /// later batch has changed the region since, and the snapshot must be compared again.
    static func storedReceipt(
        _ connection: PostgresConnection, municipality: UUID, previous: String?, sha: String
    ) async throws -> RegionReceipt? {
        let rows = try await connection.query(
            """
            SELECT id, counts::text, pushed_at FROM nastavnik.batch
            WHERE municipality_id = \(municipality) AND previous IS NOT DISTINCT FROM \(previous) AND sha256 = \(sha)
              AND schema_version = \(RegionSchema.version)
              AND id = (SELECT last_batch FROM nastavnik.municipality WHERE id = \(municipality))
            """, logger: logger)
        for try await (id, countsText, pushedAt) in rows.decode((String, String, Date).self) {
            return RegionReceipt(
                batch: id, tables: try decodeCounts(countsText), repeated: true, pushedAt: pushedAt, sha256: sha)
        }
        return nil
    }

    /// Whether the region has never committed a batch of the municipality.
    static func isNew(_ connection: PostgresConnection, municipality: UUID) async throws -> Bool {
        let rows = try await connection.query(
            "SELECT NOT EXISTS (SELECT 1 FROM nastavnik.batch WHERE municipality_id = \(municipality))", logger: logger)
        for try await new in rows.decode(Bool.self) { return new }
        return false
    }

    /// The municipality's row: made on its first push, its name kept current; an ОКТМО code held by
    /// another municipal database is refused.
    static func register(_ connection: PostgresConnection, snapshot: RegionSnapshot) async throws {
        let rows = try await connection.query(
            "SELECT id::text, name FROM nastavnik.municipality WHERE oktmo = \(snapshot.oktmo) AND id <> \(snapshot.municipalityID)",
            logger: logger)
        for try await (otherID, otherName) in rows.decode((String, String).self) {
            throw RegionError(
                "Код ОКТМО \(snapshot.oktmo) в региональной базе уже у другой муниципальной базы («\(otherName)», \(otherID)); "
                    + "данные не отправлены. Проверьте код: «nastavnik municipality show».")
        }
        try await connection.query(
            """
            INSERT INTO nastavnik.municipality (id, oktmo, name) VALUES (\(snapshot.municipalityID), \(snapshot.oktmo), \(snapshot.name))
            ON CONFLICT (id) DO UPDATE SET oktmo = EXCLUDED.oktmo, name = EXCLUDED.name
            """, logger: logger)
    }

    static func stateHash(_ connection: PostgresConnection, municipality: UUID) async throws -> String? {
        let rows = try await connection.query(
            "SELECT state_sha FROM nastavnik.municipality WHERE id = \(municipality)", logger: logger)
        for try await value in rows.decode(String?.self) { return value }
        return nil
    }

    /// Whether the region has no row of the municipality in `table`, live or deleted.
    static func holdsNothing(_ connection: PostgresConnection, table: RegionTable, municipality: UUID) async throws
        -> Bool
    {
        let rows = try await connection.query(
            "SELECT NOT EXISTS (SELECT 1 FROM nastavnik.\(unescaped: table.name) WHERE municipality_id = \(municipality))",
            logger: logger)
        for try await empty in rows.decode(Bool.self) { return empty }
        return false
    }

    /// The columns of a table's COPY lines (`RegionTableWriter`), in order.
    static func copyColumns(_ table: RegionTable) -> [String] {
        ["key"] + table.columns.map(\.name) + ["row_hash"]
    }

    /// Runs `statements` (SQL without parameters) for each table's partition of the municipality
    /// (schema-qualified), all in one round trip.
    static func everyPartition(
        _ connection: PostgresConnection, municipality: UUID,
        _ statements: (RegionTable, _ partition: String) -> String
    ) async throws {
        let body = RegionTable.all.map {
            statements($0, "nastavnik." + partitionName($0, municipality: municipality))
        }
        try await run(connection, "DO $$ BEGIN\n" + body.joined(separator: "\n") + "\nEND $$")
    }

    /// A text as an SQL string literal (quotes doubled), for the statements that take no
    /// parameters (`ALTER TABLE … SET DEFAULT`).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Adds a table's lines to the region: a table the region holds nothing of for the
    /// municipality (a table new to it) needs no comparison, as every row is added, none can
    /// conflict (the keys are unique in the snapshot) and none is deleted, so the staging table
    /// is copied in whole, without the index and the merge.
    static func insert(
        _ connection: PostgresConnection, table: RegionTable, municipality: UUID, batch: String, lines: [[UInt8]]
    ) async throws {
        guard !lines.isEmpty else { return }
        try await stage(connection, table: table, lines: lines, indexed: false)
        let list = table.columns.map(\.name).joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(municipality)
        binds.append(batch)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO nastavnik.\(table.name) (municipality_id, key, \(list), row_hash, batch_id)
                    SELECT $1, key, \(list), row_hash, $2 FROM stage_\(table.name)
                    """, binds: binds), logger: logger)
    }

    /// The name of a municipality's partition of a regional table (r6): the table's name, «_m»
    /// and the municipality's id in hex. A first push creates it (`LIKE` the table, with a check
    /// of the municipality, so that attaching it need not read it), copies the table's rows into
    /// it without indexes, and attaches it once it is loaded (the attachment sorts its keys into
    /// the indexes once).
    public static func partitionName(_ table: RegionTable, municipality: UUID) -> String {
        "\(table.name)_m" + municipality.uuidString.lowercased().filter { $0 != "-" }
    }

    /// Streams a table's lines into a staging table that goes with the transaction; `indexed`,
    /// with an index of its keys and statistics for the merge.
    static func stage(_ connection: PostgresConnection, table: RegionTable, lines: [[UInt8]], indexed: Bool = true)
        async throws
    {
        let columns = table.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
        try await run(
            connection,
            "CREATE TEMP TABLE stage_\(table.name) (key text COLLATE \"C\" NOT NULL, \(columns), row_hash text NOT NULL) ON COMMIT DROP"
        )
        guard !lines.isEmpty else { return }
        try await connection.copyFrom(table: "stage_\(table.name)", columns: copyColumns(table), logger: logger) {
            writer in
            for piece in lines { try await writer.write(ByteBuffer(bytes: piece)) }
        }
        guard indexed else { return }
        // The regional table's statistics are stale inside the transaction, so the planner
        // expects a handful of the municipality's rows and makes the deletions' NOT EXISTS a
        // nested loop over the staging table: with a sequential scan of it for each row, 22,000
        // people took 61 s; with this index each row is one lookup, 0.09 s. The statistics let it
        // choose a hash anti-join where that is cheaper (100,000 trainings: 0.24 s).
        try await run(connection, "CREATE INDEX ON stage_\(table.name) (key)")
        try await run(connection, "ANALYZE stage_\(table.name)")
    }

    /// Merges a staged table into the region's: the counts of added (a row back from deleted
    /// counts as added), changed, deleted and unchanged rows.
    static func mergeStaged(
        _ connection: PostgresConnection, table: RegionTable, municipality: UUID, batch: String, staged: Int
    ) async throws -> RegionReceipt.TableCounts {
        let name = "nastavnik.\(table.name)"
        let columns = table.columns.map(\.name)
        let list = columns.joined(separator: ", ")
        let updates = (columns + ["row_hash", "batch_id"]).map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(municipality)
        binds.append(batch)
        // The rows inserted are the staged keys the region did not hold (a partitioned table, r6,
        // cannot return `xmax` to tell them): every part of one statement sees the table as it
        // was before it, so `held` counts them before the upsert.
        let upsert = PostgresQuery(
            unsafeSQL: """
                WITH held AS (
                    SELECT count(*) FILTER (WHERE t.deleted_at IS NOT NULL) AS restored, count(*) AS n
                    FROM stage_\(table.name) s JOIN \(name) t ON t.municipality_id = $1 AND t.key = s.key
                ), merged AS (
                    INSERT INTO \(name) AS t (municipality_id, key, \(list), row_hash, batch_id, deleted_at)
                    SELECT $1, key, \(list), row_hash, $2, NULL FROM stage_\(table.name)
                    ON CONFLICT (municipality_id, key) DO UPDATE SET \(updates), deleted_at = NULL
                    WHERE t.row_hash <> EXCLUDED.row_hash OR t.deleted_at IS NOT NULL
                    RETURNING 1
                )
                SELECT (SELECT restored FROM held), (SELECT n FROM held), (SELECT count(*) FROM merged)
                """, binds: binds)
        var restored = 0
        var held = 0
        var merged = 0
        for try await (r, h, m) in try await connection.query(upsert, logger: logger).decode((Int, Int, Int).self) {
            (restored, held, merged) = (r, h, m)
        }
        let inserted = staged - held
        let updated = merged - inserted
        let deletion = PostgresQuery(
            unsafeSQL: """
                WITH gone AS (
                    UPDATE \(name) t SET deleted_at = now(), batch_id = $2
                    WHERE t.municipality_id = $1 AND t.deleted_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM stage_\(table.name) s WHERE s.key = t.key)
                    RETURNING 1
                )
                SELECT count(*) FROM gone
                """, binds: binds)
        var deleted = 0
        for try await n in try await connection.query(deletion, logger: logger).decode(Int.self) { deleted = n }
        let added = inserted + restored
        let changed = updated - restored
        return .init(
            table: table.name, added: added, changed: changed, deleted: deleted, unchanged: staged - added - changed)
    }

    /// Stores the batch with its receipt and makes it the municipality's latest.
    static func record(
        _ connection: PostgresConnection, receipt: RegionReceipt, municipality: UUID, asOf: String,
        personalData: Bool, sha: String, previous: String?
    ) async throws {
        let counts = encodeCounts(receipt.tables)
        try await connection.query(
            """
            INSERT INTO nastavnik.batch (id, municipality_id, previous, schema_version, sha256, as_of, personal_data,
                added, changed, deleted, unchanged, counts)
            VALUES (\(receipt.batch), \(municipality), \(previous), \(RegionSchema.version), \(sha),
                \(asOf)::date, \(personalData), \(receipt.added), \(receipt.changed), \(receipt.deleted),
                \(receipt.unchanged), \(counts)::jsonb)
            """, logger: logger)
        try await connection.query(
            """
            UPDATE nastavnik.municipality SET state_sha = \(sha), last_batch = \(receipt.batch), last_push_at = now(),
                as_of = \(asOf)::date
            WHERE id = \(municipality)
            """, logger: logger)
    }

    // The per-table counts as JSON: {"school": [added, changed, deleted, unchanged], …}.
    static func encodeCounts(_ tables: [RegionReceipt.TableCounts]) -> String {
        "{"
            + tables.map { "\"\($0.table)\": [\($0.added), \($0.changed), \($0.deleted), \($0.unchanged)]" }
            .joined(separator: ", ") + "}"
    }

    static func decodeCounts(_ text: String) throws -> [RegionReceipt.TableCounts] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [Int]] else {
            throw RegionError("Квитанция партии в региональной базе повреждена.")
        }
        return RegionTable.all.compactMap { table in
            guard let c = object[table.name], c.count == 4 else { return nil }
            return .init(table: table.name, added: c[0], changed: c[1], deleted: c[2], unchanged: c[3])
        }
    }
}
