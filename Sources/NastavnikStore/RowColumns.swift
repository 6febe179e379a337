import GRDB

/// The positions of a query's columns, found once for all its rows: GRDB finds a column by name
/// by lower-casing both names for every look-up, which was most of the mapping of a long list
/// (a school's card maps a municipality's roadmap terms, 20 columns each).
struct RowColumns {
    private let positions: [String: Int]

    /// The columns of `row` (every row of a statement has the same); the leftmost of a repeated
    /// name, as GRDB's look-up by name answers.
    init(_ row: Row?) {
        var positions: [String: Int] = [:]
        let names: [String] = row.map { Array($0.columnNames) } ?? []
        for (index, name) in names.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        self.positions = positions
    }

    /// The position of `name`; a name the query does not select is a programming error.
    func callAsFunction(_ name: String) -> Int {
        guard let index = positions[name] else { preconditionFailure("no column «\(name)» in the query") }
        return index
    }
}
