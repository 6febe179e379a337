/// Where an import's records come from: a delimited text file (`CSVReader`) or a workbook's
/// sheet (`XLSXSheetReader`). The importer reads the header with `next()`, then the rows in
/// batches with `read(into:)` on a thread of its own (`RecordPrefetcher`).
protocol RecordSource: AnyObject {
    /// Defects found in fields and read past (only a text file has them).
    var fieldIssues: [CSVFieldIssue] { get }
    /// SHA-256 of the whole file, in lower-case hex, for the import log.
    var sha256: String { get }
    /// About how many records the file holds, erring high: the import decides on it whether a
    /// large staff file is loaded in bulk.
    var estimatedRows: Int { get }
    /// The next record, or `nil` at the end.
    func next() throws -> CSVRecord?
    /// Appends the next record to `records`; false at the end.
    func read(into records: inout RawRecords) throws -> Bool
}

extension CSVReader: RecordSource {
    /// Rows of a staff file run 80–150 bytes: the file's size over 100.
    var estimatedRows: Int { Importer.fileSize(path) / 100 }
}
