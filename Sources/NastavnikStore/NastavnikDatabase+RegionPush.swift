import GRDB

extension NastavnikDatabase {
    /// The last push `region` acknowledged, with its snapshot's SHA-256 and the data's version it
    /// was made from; `nil` before the first push there.
    public func lastRegionPush(region: String) throws -> (batch: String, stateSHA: String?, dataVersion: String?)? {
        try reader.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT batch, state_sha, data_version FROM region_push WHERE region = ? ORDER BY id DESC LIMIT 1",
                arguments: [region]
            ).map { ($0["batch"], $0["state_sha"], $0["data_version"]) }
        }
    }

    /// The version of the data: the migrations applied and the count of changes to any table a
    /// snapshot is made of (v27's triggers). Equal versions mean equal data.
    public func dataVersion() throws -> String {
        try reader.read { db in
            let migrations = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0
            let counter = try Int64.fetchOne(db, sql: "SELECT counter FROM data_change WHERE id = 1") ?? -1
            return "\(migrations).\(counter)"
        }
    }

    /// Records an acknowledged push; the same batch acknowledged again (a repeated push's stored
    /// receipt) is recorded once.
    public func recordRegionPush(_ record: RegionPushRecord) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO region_push (region, batch, pushed_at, as_of, personal_data, added, changed, deleted, unchanged,
                        state_sha, data_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (region, batch) DO NOTHING
                    """,
                arguments: [
                    record.region, record.batch, record.pushedAt, record.asOf, record.personalData, record.added,
                    record.changed, record.deleted, record.unchanged, record.stateSHA, record.dataVersion,
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
                    deleted: $0["deleted"], unchanged: $0["unchanged"], stateSHA: $0["state_sha"],
                    dataVersion: $0["data_version"])
            }
        }
    }
}
