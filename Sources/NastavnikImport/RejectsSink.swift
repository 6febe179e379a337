/// Where an import's rejected rows go, each with what is wrong with it: a text file
/// (`RejectsWriter`) or a workbook (`RejectsWorkbook`), as the rejects file's name says.
protocol RejectsSink: AnyObject {
    func write(fields: [String], issues: [ImportIssue]) throws
    func close() throws
}

extension RejectsWriter: RejectsSink {}
