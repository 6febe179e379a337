import GRDB

extension NastavnikDatabase {
    /// The batch `region` last acknowledged, or `nil` before the first push there.
    public func lastRegionBatch(region: String) throws -> String? {
        try reader.read { db in
            try String.fetchOne(
                db, sql: "SELECT batch FROM region_push WHERE region = ? ORDER BY id DESC LIMIT 1", arguments: [region])
        }
    }

    /// Records an acknowledged push; the same batch acknowledged again (a repeated push's stored
    /// receipt) is recorded once.
    public func recordRegionPush(_ record: RegionPushRecord) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO region_push (region, batch, pushed_at, as_of, personal_data, added, changed, deleted, unchanged)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (region, batch) DO NOTHING
                    """,
                arguments: [
                    record.region, record.batch, record.pushedAt, record.asOf, record.personalData, record.added,
                    record.changed, record.deleted, record.unchanged,
                ])
        }
    }

    /// Every acknowledged push, latest first.
    public func regionPushes() throws -> [RegionPushRecord] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM region_push ORDER BY id DESC").map {
                RegionPushRecord(
                    region: $0["region"], batch: $0["batch"], pushedAt: $0["pushed_at"], asOf: $0["as_of"],
                    personalData: $0["personal_data"], added: $0["added"], changed: $0["changed"],
                    deleted: $0["deleted"], unchanged: $0["unchanged"])
            }
        }
    }
}
