import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The rows the curators' suggestion is computed from, as the audit log names them: every
    /// pairing (ended ones too) and every school with its own capacity. Read again inside each
    /// checked write, so a pairing or a capacity added since the form was opened shows as a
    /// newer entry.
    static func curatorVersionParts(_ db: Database) throws -> [RecordVersion.Part] {
        let pairings = try Int64.fetchAll(db, sql: "SELECT id FROM curator_pairing ORDER BY id")
            .map { RecordVersion.Part.numbered("curator_pairing", $0) }
        let schools = try String.fetchAll(
            db, sql: "SELECT code FROM school WHERE curator_capacity IS NOT NULL ORDER BY code"
        ).map { RecordVersion.Part(table: "school", key: $0) }
        return pairings + schools
    }

    /// The version the curators' suggestion page is opened on (`RecordVersion`): the latest
    /// change to the pairings or to a school's capacity.
    public func curatorsVersion() throws -> RecordVersion {
        try reader.read { db in try RecordVersion.latest(db, try Self.curatorVersionParts(db)) }
    }

    /// Records the pairs «school → curator» of one order in one transaction, all or none (each
    /// as `assignCurator`: a school's earlier pair with another curator ends on `since`).
    /// Returns how many pairs were recorded; throws `StaleRecordError` when `expectedVersion`
    /// is no longer `curatorsVersion`, `StoreError` when a pair is refused or none is given.
    public func assignCurators(
        _ pairs: [(school: String, curator: String)], orderRef: String?, since: LocalDate,
        expectedVersion: Int64? = nil
    ) throws -> Int {
        try checkedWrite { db in
            try RecordVersion.check(db, try Self.curatorVersionParts(db), expected: expectedVersion)
            guard !pairs.isEmpty else { throw StoreError.invalid("Пар для записи нет.") }
            for pair in pairs {
                try Self.recordPairing(
                    db, school: pair.school, curator: pair.curator, curatorName: nil, coordinator: nil,
                    orderRef: orderRef, since: since)
            }
            return pairs.count
        }
    }
}
