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

    /// `Content-Disposition` of an attachment named `name`: an ASCII name for old browsers and the
    /// Russian one for those that read RFC 5987.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(URLPath.segment(name))"
    }

    /// Bytes as an attachment named `name` (a Russian name kept for the browsers that read RFC 5987).
    static func file(_ bytes: [UInt8], name: String, type: String) -> Response {
        return Response(
            status: .ok,
            headers: [
                .contentType: type,
                .contentDisposition: attachment(name),
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Download {
    /// The file at `path` as an attachment named `name`, read and sent a mebibyte at a time (a
    /// backup of a country's database is more than a gigabyte), and `directory` (which holds
    /// it), when given, removed once it is sent or the sending failed.
    static func streamedFile(path: String, removing directory: URL?, name: String, type: String) -> Response {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return Response(
            status: .ok,
            headers: [
                .contentType: type,
                .contentDisposition: attachment(name),
            ],
            body: ResponseBody(contentLength: size) { writer in
                defer { if let directory { try? FileManager.default.removeItem(at: directory) } }
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    throw WebError.notFound("Файл «\(name)» не найден.")
                }
                defer { try? handle.close() }
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            })
    }
}

extension Download {
    /// The formats of a report or a document (`?format=`), as the command line writes them.
    enum DocumentFormat: String, CaseIterable {
        case html, xlsx, docx, md

        var label: String {
            switch self {
            case .html: "HTML (для печати)"
            case .xlsx: "XLSX"
            case .docx: "DOCX"
            case .md: "Markdown"
            }
        }
    }

    /// The format a report's request asks for (`html` when none); an unknown one is a 400.
    static func documentFormat(_ request: Request, allowed: [DocumentFormat] = DocumentFormat.allCases) throws
        -> DocumentFormat
    {
        guard let raw = request.uri.queryParameters["format"].map(String.init), !raw.isEmpty else { return .html }
        guard let format = DocumentFormat(rawValue: raw), allowed.contains(format) else {
            throw WebError.badRequest(
                "Параметр format: неизвестный формат «\(raw)»; возможны "
                    + allowed.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return format
    }

    /// The links to a report's or document's downloads: `base` with `format=…`.
    static func links(_ base: String, formats: [DocumentFormat] = DocumentFormat.allCases) -> [LinkView] {
        let joiner = base.contains("?") ? "&" : "?"
        return formats.map { LinkView(label: $0.label, href: base + joiner + "format=" + $0.rawValue) }
    }

    /// A report as its CLI renderers write it: HTML shown in the browser to print (its own inline
    /// style allowed), the other formats as files named `file`.
    static func report(_ report: Report, format: DocumentFormat, file name: String, pageBreaks: Bool = false) throws
        -> Response
    {
        switch format {
        case .html: return printable(HTMLRenderer().render(report, pageBreakBetweenSections: pageBreaks))
        case .xlsx: return file(try XLSXWriter().render(report), name: name + ".xlsx", type: xlsxType)
        case .docx:
            return file(
                try DOCXWriter().render(report, pageBreakBetweenSections: pageBreaks), name: name + ".docx",
                type: docxType)
        case .md: return file(Array(MarkdownRenderer().render(report).utf8), name: name + ".md", type: markdownType)
        }
    }

    /// A document (an order, an invitation) as the CLI writes it.
    static func document(_ document: Document, format: DocumentFormat, file name: String) throws -> Response {
        switch format {
        case .html: return printable(DocumentRenderer().html(document))
        case .xlsx: return file(try XLSXWriter().render(document), name: name + ".xlsx", type: xlsxType)
        case .docx: return file(try DOCXWriter().render(document), name: name + ".docx", type: docxType)
        case .md:
            return file(Array(DocumentRenderer().markdown(document).utf8), name: name + ".md", type: markdownType)
        }
    }

    static let markdownType = "text/markdown; charset=utf-8"

    /// A self-contained HTML report: its inline style is allowed, nothing else.
    static func printable(_ html: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
