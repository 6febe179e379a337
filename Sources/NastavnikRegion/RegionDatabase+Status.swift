import Foundation
import PostgresNIO

extension RegionDatabase {
    /// Every municipality that has pushed, by name, with its latest push.
    public func status() async throws -> [RegionMunicipalityStatus] {
        try await withConnection { connection in
            try await Self.requireCurrentSchema(connection, url: url)
            let rows = try await connection.query(
                """
                SELECT m.id::text, m.oktmo, m.name, m.last_push_at, m.as_of::text, m.last_batch, b.personal_data,
                    b.counts::text, (SELECT count(*) FROM nastavnik.batch x WHERE x.municipality_id = m.id)::int
                FROM nastavnik.municipality m LEFT JOIN nastavnik.batch b ON b.id = m.last_batch
                ORDER BY m.name, m.oktmo
                """, logger: Self.logger)
            var out: [RegionMunicipalityStatus] = []
            for try await (id, oktmo, name, pushedAt, asOf, batch, personal, counts, pushes) in rows.decode(
                (String, String, String, Date?, String?, String?, Bool?, String?, Int).self)
            {
                var receipt: RegionReceipt?
                if let batch, let counts {
                    receipt = RegionReceipt(batch: batch, tables: try Self.decodeCounts(counts), pushedAt: pushedAt)
                }
                out.append(
                    RegionMunicipalityStatus(
                        id: id, oktmo: oktmo, name: name, lastPushAt: pushedAt, asOf: asOf, lastBatch: batch,
                        personalData: personal, pushes: pushes, receipt: receipt))
            }
            return out
        }
    }
}
