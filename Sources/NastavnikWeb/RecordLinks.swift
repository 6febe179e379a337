import NastavnikReports

/// Links from a table's cells to the records they name: a person's card by the personnel number
/// in another column of the row, a school's card by its code.
enum RecordLinks {
    /// A person's card, `/staff/<personnel number>`, from the row's cell in column `key`
    /// (no link when the table has no such column or the cell is empty).
    static func person(_ table: ReportTable, idColumn key: String) -> ([Cell]) -> String? {
        let index = table.columns.firstIndex { $0.key == key }
        return { row in
            guard let index, index < row.count, !row[index].display.isEmpty else { return nil }
            return "/staff/" + URLPath.segment(row[index].display)
        }
    }

    /// A school's card, `/schools/<code>`, from the row's cell in column `key`.
    static func school(_ table: ReportTable, codeColumn key: String) -> ([Cell]) -> String? {
        let index = table.columns.firstIndex { $0.key == key }
        return { row in
            guard let index, index < row.count, !row[index].display.isEmpty else { return nil }
            return "/schools/" + URLPath.segment(row[index].display)
        }
    }

    /// The usual links of a table: each column named in `people` (a name → the column of its
    /// personnel number) to a person's card, the personnel number to the same card, and the
    /// school code column `school_code` to the school's card.
    static func standard(_ table: ReportTable, people: [String: String] = [:]) -> [String: ([Cell]) -> String?] {
        var links: [String: ([Cell]) -> String?] = [:]
        for (name, id) in people {
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
