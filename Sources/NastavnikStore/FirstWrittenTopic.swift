import GRDB

/// An SQL aggregate over rows (school code, full name, staff row id, topic): the topic of the
/// first row in the order `DiagnosticFigures` meets them — the people as
/// `StaffPopulation.countedResults` sorts them (Swift's order of the school code, the name and
/// the row id), each person's topics as `deficitTopics` reads them (SQLite's binary order, the
/// order of the UTF-8 bytes). A deficit written in several ways is shown as first written.
struct FirstWrittenTopic: DatabaseAggregate {
    private var first: (code: String, name: String, row: Int64, topic: String)?

    init() {}

    mutating func step(_ values: [DatabaseValue]) throws {
        guard let code = String.fromDatabaseValue(values[0]), let name = String.fromDatabaseValue(values[1]),
            let row = Int64.fromDatabaseValue(values[2]), let topic = String.fromDatabaseValue(values[3])
        else { return }
        if let first {
            let person = (code, name, row)
            let firstPerson = (first.code, first.name, first.row)
            if person > firstPerson { return }
            if row == first.row, !topic.utf8.lexicographicallyPrecedes(first.topic.utf8) { return }
        }
        first = (code, name, row, topic)
    }

    func finalize() throws -> (any DatabaseValueConvertible)? { first?.topic }
}
