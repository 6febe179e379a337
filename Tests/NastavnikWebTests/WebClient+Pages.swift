import Foundation
import NastavnikTestSupport
import Testing

/// What the page tests read from an answer: a table's rows, a downloaded package's text.
extension WebClient.Answer {
    /// The body rows of the page's tables (each starts `<tr><td`).
    var tableRows: Int { body.components(separatedBy: "<tr><td").count - 1 }

    /// The answer is an Office package (XLSX, DOCX: a zip starting «PK») one of whose parts holds `text`.
    func package(contains text: String) throws -> Bool {
        guard bytes.starts(with: Array("PK".utf8)) else { return false }
        return try ZIPParts.read(bytes).values.contains { $0.contains(text) }
    }
}
