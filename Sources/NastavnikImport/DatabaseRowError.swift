/// A write that the database refused for one row.
struct DatabaseRowError: Error {
    let message: String
}
