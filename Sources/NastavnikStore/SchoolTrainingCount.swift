import GRDB

/// One school's teaching and leading staff, and how many of them lack a counting training on
/// a date (`NastavnikDatabase.trainingCounts`).
struct SchoolTrainingCount: FetchableRecord, Sendable, Equatable {
    var schoolID: Int64
    var code: String
    var name: String
    var base: Int
    var untrained: Int

    init(row: Row) throws {
        schoolID = row["school_id"]
        code = row["code"]
        name = row["name"]
        base = row["base"]
        untrained = row["untrained"]
    }
}
