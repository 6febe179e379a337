import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` request as it arrives: text fields into memory, each file straight
/// to a file of its own in a directory, so a 200 MB import is never held in memory (issue 20,
/// «Загрузка файлов»). Hummingbird's 2 MiB body limit applies to collected bodies only; a form
/// read here has the limit its route gives.
///
/// The session's CSRF token must come before the first file (a `FormView` writes its hidden
/// fields first): a forged form is refused before a byte of its file is written.
struct MultipartReader {
    /// The largest text field accepted (a note or a document's name is far smaller).
    static let fieldLimit = 64 * 1024

    /// Reads `request` into `directory` (created if missing); files beyond `limit` bytes in all
    /// are refused with 413 and what was written of them removed.
    static func read(_ request: Request, into directory: URL, limit: Int, session token: String) async throws
        -> UploadedForm
    {
        guard let boundary = boundary(request.headers[.contentType]) else {
            throw WebError.badRequest("Форма должна быть отправлена как multipart/form-data (с файлом).")
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit + fieldLimit {
            throw WebError.tooLarge(tooLarge(limit))
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let state = State(directory: directory, token: token, limit: limit)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.partComplete() }
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let refusal = state.refusal { throw refusal }
            }
            try state.finish()
        } catch {
            state.discard()
            if error is WebError { throw error }
            throw WebError.badRequest("Форма с файлом пришла не полностью или повреждена: отправьте её ещё раз.")
        }
        return UploadedForm(fields: state.fields, files: state.files)
    }

    /// The boundary of a `multipart/form-data` content type, unquoted.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// A part's `Content-Disposition` parameter (`name`, `filename`), unquoted.
    static func parameter(_ name: String, in disposition: String) -> String? {
        var rest = Substring(disposition)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].lowercased()
            var value = rest[rest.index(after: equals)...]
            var text = ""
            if value.first == "\"" {
                // A quoted value, up to the closing quote. Browsers escape nothing with a backslash
                // (a Windows path keeps its backslashes): a quote, CR and LF in a name come as %22,
                // %0D and %0A (WHATWG HTML, «multipart/form-data encoding algorithm»).
                value = value.dropFirst()
                let end = value.firstIndex(of: "\"") ?? value.endIndex
                text = value[..<end].replacingOccurrences(of: "%22", with: "\"")
                    .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
                rest = end < value.endIndex ? value[value.index(after: end)...] : ""
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                text = value[..<end].trimmingCharacters(in: .whitespaces)
                rest = value[end...]
            }
            if key == name { return text }
        }
        return nil
    }

    static func tooLarge(_ limit: Int) -> String {
        "Файл больше допустимого: не более \(limit / (1024 * 1024)) МБ."
    }

    /// What has been read so far; the parser's callbacks are synchronous and run on the reading task.
    private final class State {
        let directory: URL
        let token: String
        let limit: Int
        var fields: [String: String] = [:]
        var files: [String: UploadedFile] = [:]
        var refusal: WebError?
        private var written: [URL] = []
        private var fileBytes = 0
        private var disposition: String?
        private var contentType: String?
        private var text: [UInt8] = []
        private var handle: FileHandle?
        private var file: UploadedFile?
        /// Whether a part has begun and not yet ended (a body cut short ends inside one).
        private var inPart = false

        init(directory: URL, token: String, limit: Int) {
            self.directory = directory
            self.token = token
            self.limit = limit
        }

        func header(_ name: String, _ value: String) {
            inPart = true
            switch name.lowercased() {
            case "content-disposition": disposition = value
            case "content-type": contentType = value
            default: break
            }
        }

        func body(_ buffer: inout ByteBuffer) {
            guard refusal == nil else { return }
            inPart = true
            if file == nil, handle == nil { startPart() }
            guard refusal == nil else { return }
            if let handle {
                fileBytes += buffer.readableBytes
                guard fileBytes <= limit else {
                    refusal = .tooLarge(MultipartReader.tooLarge(limit))
                    return
                }
                buffer.withUnsafeReadableBytes { handle.write(Data($0)) }
                file?.size += buffer.readableBytes
            } else {
                text += buffer.readableBytesView
                if text.count > MultipartReader.fieldLimit {
                    refusal = .badRequest("Поле формы длиннее \(MultipartReader.fieldLimit / 1024) КБ.")
                }
            }
        }

        /// A part's first bytes: a file part opens its file (once the CSRF token has been seen).
        private func startPart() {
            let name = disposition.flatMap { MultipartReader.parameter("name", in: $0) } ?? ""
            guard let fileName = disposition.flatMap({ MultipartReader.parameter("filename", in: $0) }) else {
                return
            }
            guard CSRFToken.isValid(fields[CSRFToken.field], forSession: token) else {
                refusal = .invalidCSRF
                return
            }
            // «C:\fakepath\Штат.csv» from an old browser: the name only.
            let bare = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            let url = directory.appendingPathComponent(UUID().uuidString)
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let opened = try? FileHandle(forWritingTo: url)
            else {
                refusal = .badRequest("Не удалось сохранить присланный файл во временную папку сервера.")
                return
            }
            written.append(url)
            handle = opened
            file = UploadedFile(field: name, fileName: bare, contentType: contentType, url: url, size: 0)
        }

        func partComplete() {
            guard refusal == nil else { return }
            // A file part with no bytes still opens here (the browser's «файл не выбран» sends an
            // empty part with an empty file name).
            if file == nil, handle == nil { startPart() }
            let name = disposition.flatMap { MultipartReader.parameter("name", in: $0) } ?? ""
            if let handle, let file {
                try? handle.close()
                if file.fileName.isEmpty && file.size == 0 {
                    try? FileManager.default.removeItem(at: file.url)
                } else if files[name] == nil {
                    files[name] = file
                }
            } else if refusal == nil, fields[name] == nil {
                fields[name] = String(decoding: text, as: UTF8.self)
            }
            handle = nil
            file = nil
            inPart = false
            disposition = nil
            contentType = nil
            text = []
        }

        func finish() throws {
            if let refusal { throw refusal }
            if inPart { throw WebError.badRequest("Форма с файлом пришла не полностью: отправьте её ещё раз.") }
            guard CSRFToken.isValid(fields[CSRFToken.field], forSession: token) else { throw WebError.invalidCSRF }
        }

        /// Removes what was written: a refused upload leaves nothing behind.
        func discard() {
            try? handle?.close()
            handle = nil
            for url in written { try? FileManager.default.removeItem(at: url) }
            files = [:]
        }
    }
}
