import Foundation
import Hummingbird
import NastavnikReports

/// A file the browser saves: a list as XLSX or CSV, a report as HTML, XLSX, DOCX or Markdown,
/// always rendered by the same renderers as the command line's.
enum Download {
    /// The formats of a list (`?format=`): the page itself, or the list as a file.
    enum ListFormat: String {
        case page, xlsx, csv
    }

    /// The format a list's request asks for; an unknown one is a 400 naming the parameter and value.
    static func listFormat(_ request: Request) throws -> ListFormat {
        guard let raw = request.uri.queryParameters["format"].map(String.init), !raw.isEmpty else { return .page }
        guard let format = ListFormat(rawValue: raw), format != .page else {
            throw WebError.badRequest("Параметр format: неизвестный формат «\(raw)»; возможны xlsx и csv.")
        }
        return format
    }

    /// `tables` as a workbook (one sheet) or one CSV file (UTF-8 with BOM, semicolons, as Excel opens it).
    static func list(_ tables: [ReportTable], format: ListFormat, title: String, file name: String) throws -> Response {
        switch format {
        case .xlsx:
            let bytes = try XLSXWriter().render(
                sheets: [XLSXWriter.Sheet(name: String(title.prefix(31)), tables: tables)], title: title)
            return file(bytes, name: name + ".xlsx", type: xlsxType)
        case .csv, .page:
            return file(CSVRenderer().render(tables), name: name + ".csv", type: "text/csv; charset=utf-8")
        }
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// Bytes as an attachment named `name` (a Russian name kept for the browsers that read RFC 5987).
    static func file(_ bytes: [UInt8], name: String, type: String) -> Response {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        return Response(
            status: .ok,
            headers: [
                .contentType: type,
                .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(URLPath.segment(name))",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
