import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

/// A form with a file is read as it arrives: fields into memory, the file straight to disk, the
/// CSRF token before the file, a size limit, and nothing left behind when it is refused.
@Suite struct MultipartReaderTests {
    let scratch: ScratchDirectory
    let directory: URL
    let session = "session-token"
    var csrf: String { CSRFToken.token(forSession: session) }
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    init() throws {
        scratch = try ScratchDirectory(prefix: "nastavnik-multipart")
        directory = scratch.url.appendingPathComponent("uploads")
    }

    /// One part: a field, or a file when `fileName` is given.
    static func part(_ name: String, _ content: [UInt8], fileName: String? = nil, type: String? = nil) -> [UInt8] {
        var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
        if let fileName { head += "; filename=\"\(fileName)\"" }
        head += "\r\n"
        if let type { head += "Content-Type: \(type)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + content + Array("\r\n".utf8)
    }

    static func body(_ parts: [[UInt8]]) -> [UInt8] { parts.flatMap { $0 } + Array("--\(boundary)--\r\n".utf8) }

    /// A request whose body arrives in chunks of `chunk` bytes (a boundary split across two of them).
    static func request(_ body: [UInt8], chunk: Int, contentType: String? = nil, declaredLength: Int? = nil)
        -> Request
    {
        var fields: HTTPFields = [
            .contentType: contentType ?? "multipart/form-data; boundary=\(boundary)"
        ]
        fields[.contentLength] = String(declaredLength ?? body.count)
        let head = HTTPRequest(
            method: .post, scheme: "http", authority: "localhost", path: "/upload", headerFields: fields)
        let chunks = stride(from: 0, to: body.count, by: chunk).map {
            ByteBuffer(bytes: body[$0..<min($0 + chunk, body.count)])
        }
        return Request(head: head, body: RequestBody(asyncSequence: Chunks(chunks: chunks)))
    }

    /// The chunks of a body, one after another.
    struct Chunks: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let chunks: [ByteBuffer]
        struct AsyncIterator: AsyncIteratorProtocol {
            var rest: ArraySlice<ByteBuffer>
            mutating func next() async -> ByteBuffer? { rest.popFirst() }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: chunks[...]) }
    }

    func read(_ request: Request, limit: Int = 1024 * 1024) async throws -> UploadedForm {
        try await MultipartReader.read(request, into: directory, limit: limit, session: session)
    }

    func leftFiles() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] }

    /// Bytes that look like a boundary's start, CRLFs and every byte value: the file must come back as sent.
    static let awkwardFile: [UInt8] =
        Array("строка;1\r\n--\(boundary.prefix(10))\r\n--\r\n".utf8) + (0...255).map(UInt8.init)
        + Array("\r\n\r\n".utf8)

    @Test(arguments: [1, 7, 64, 100_000])
    func fieldsAndAFileComeBackAsSentWhateverTheChunks(chunk: Int) async throws {
        let body = Self.body([
            Self.part("csrf", Array(csrf.utf8)),
            Self.part("kind", Array("Штат".utf8)),
            Self.part("file", Self.awkwardFile, fileName: "C:\\fakepath\\Штатное расписание.csv", type: "text/csv"),
            Self.part("note", Array("после файла".utf8)),
        ])
        let form = try await read(Self.request(body, chunk: chunk))
        #expect(form["kind"] == "Штат")
        #expect(form["note"] == "после файла")
        let file = try #require(form.files["file"])
        #expect(file.fileName == "Штатное расписание.csv")
        #expect(file.contentType == "text/csv")
        #expect(file.size == Self.awkwardFile.count)
        #expect(try Array(Data(contentsOf: file.url)) == Self.awkwardFile)
        #expect(file.url.deletingLastPathComponent().path == directory.path)
    }

    @Test func aFileBeforeTheTokenOrWithAWrongOneIsRefusedAndNothingIsLeft() async throws {
        let early = Self.body([
            Self.part("file", Self.awkwardFile, fileName: "a.csv"), Self.part("csrf", Array(csrf.utf8)),
        ])
        await #expect(throws: WebError.invalidCSRF) { try await read(Self.request(early, chunk: 16)) }
        let forged = Self.body([Self.part("csrf", Array("чужой".utf8)), Self.part("file", [1, 2], fileName: "a.csv")])
        await #expect(throws: WebError.invalidCSRF) { try await read(Self.request(forged, chunk: 16)) }
        let none = Self.body([Self.part("note", Array("x".utf8))])
        await #expect(throws: WebError.invalidCSRF) { try await read(Self.request(none, chunk: 16)) }
        #expect(leftFiles().isEmpty)
    }

    @Test func aFileOverTheLimitIsRefusedWith413AndRemoved() async throws {
        let big = [UInt8](repeating: 65, count: 5000)
        let body = Self.body([Self.part("csrf", Array(csrf.utf8)), Self.part("file", big, fileName: "big.csv")])
        await #expect(throws: WebError.tooLarge("Файл больше допустимого: не более 0 МБ.")) {
            try await read(Self.request(body, chunk: 512), limit: 4000)
        }
        #expect(leftFiles().isEmpty)
        // A declared length far beyond the limit is refused before the body is read.
        await #expect(throws: WebError.self) {
            try await read(Self.request(body, chunk: 512, declaredLength: 300 * 1024 * 1024), limit: 4000)
        }
        // At the limit exactly, it is read.
        let exact = Self.body([Self.part("csrf", Array(csrf.utf8)), Self.part("file", big, fileName: "big.csv")])
        #expect(try await read(Self.request(exact, chunk: 512), limit: 5000).files["file"]?.size == 5000)
    }

    @Test func noFileChosenIsNoFileAndAPlainFormIsRefused() async throws {
        let body = Self.body([Self.part("csrf", Array(csrf.utf8)), Self.part("file", [], fileName: "")])
        let form = try await read(Self.request(body, chunk: 100))
        #expect(form.files.isEmpty)
        #expect(leftFiles().isEmpty)
        await #expect(throws: WebError.self) {
            try await read(
                Self.request(Array("csrf=x".utf8), chunk: 10, contentType: "application/x-www-form-urlencoded"))
        }
    }

    @Test func aBodyCutShortIsRefusedAndWhatWasWrittenRemoved() async throws {
        let body = Self.body([
            Self.part("csrf", Array(csrf.utf8)), Self.part("file", Self.awkwardFile, fileName: "a.csv"),
        ])
        let cut = Array(body.prefix(body.count - 40))
        await #expect(throws: WebError.self) { try await read(Self.request(cut, chunk: 33)) }
        #expect(leftFiles().isEmpty)
    }

    @Test func theDispositionsParametersAreReadQuotedOrNot() {
        // As a browser sends a name with a quote and a semicolon in it.
        let disposition = #"form-data; name="file"; filename="a; b %22c%22.csv""#
        #expect(MultipartReader.parameter("name", in: disposition) == "file")
        #expect(MultipartReader.parameter("filename", in: disposition) == #"a; b "c".csv"#)
        #expect(MultipartReader.parameter("name", in: "form-data; name=plain") == "plain")
        #expect(MultipartReader.parameter("filename", in: "form-data; name=\"x\"") == nil)
        #expect(MultipartReader.boundary("multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(MultipartReader.boundary("Multipart/Form-Data;boundary=xyz") == "xyz")
        #expect(MultipartReader.boundary("application/x-www-form-urlencoded") == nil)
    }
}
