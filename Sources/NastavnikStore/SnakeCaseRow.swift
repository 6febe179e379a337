import GRDB

/// A row read by column names in snake case (`school_id` fills `schoolId`), the convention of
/// every table: stated here once instead of in each row type the queries read.
protocol SnakeCaseRow: FetchableRecord, Decodable {}

extension SnakeCaseRow {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}
