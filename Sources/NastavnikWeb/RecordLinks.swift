import NastavnikReports

/// Links from a table's cells to the records they name: a person's card by the personnel number
/// in another column of the row, a school's card by its code.
enum RecordLinks {
    /// A person's card, `/staff/<personnel number>`, from the row's cell in column `key`
    /// (no link when the table has no such column or the cell is empty).
    static func person(_ table: ReportTable, idColumn key: String) -> ([Cell]) -> String? {
        guard let index = table.columns.firstIndex(where: { $0.key == key }) else { return { _ in nil } }
        return StaffRoutes.personLink(column: index)
    }

    /// A school's card, `/schools/<code>`, from the row's cell in column `key`.
    static func school(_ table: ReportTable, codeColumn key: String) -> ([Cell]) -> String? {
        guard let index = table.columns.firstIndex(where: { $0.key == key }) else { return { _ in nil } }
        return school(column: index)
    }

    /// A school's card from the row's cell at `column` (no link when it is empty: a totals' row).
    static func school(column: Int) -> ([Cell]) -> String? {
        { row in row[column].display.isEmpty ? nil : "/schools/" + URLPath.segment(row[column].display) }
    }

    /// The usual links of a table: each column named in `people` (a name → the column of its
    /// personnel number) to a person's card, the personnel number to the same card, and the
    /// school code columns (`school_code`, `mentor_school`, `mentee_school`) to the school's card.
    static func standard(_ table: ReportTable, people: [String: String] = [:]) -> [String: ([Cell]) -> String?] {
        var links: [String: ([Cell]) -> String?] = [:]
        for (name, id) in people where table.columns.contains(where: { $0.key == id }) {
            links[name] = person(table, idColumn: id)
            links[id] = person(table, idColumn: id)
        }
        for key in ["school_code", "mentor_school", "mentee_school"]
        where table.columns.contains(where: { $0.key == key }) {
            links[key] = school(table, codeColumn: key)
        }
        return links
    }
}
