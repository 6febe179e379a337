/// What stops reading a workbook, in terms the importer turns into a Russian message.
public enum XLSXError: Error, Equatable, Sendable {
    /// The file is not a ZIP archive ZIPFoundation can open.
    case notAnArchive(reason: String)
    /// A part the workbook needs is absent (an `.ods` or a damaged file).
    case missingPart(String)
    /// `--sheet` names no sheet of the workbook.
    case noSuchSheet(String, available: [String])
    /// A sheet's XML could not be read.
    case damaged(part: String, reason: String)
}
