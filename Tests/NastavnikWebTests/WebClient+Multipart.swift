import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

extension WebClient {
    /// A file to send in a `multipart/form-data` form.
    struct FilePart: Sendable {
        var field: String
        var fileName: String
        var contentType: String
        var bytes: [UInt8]
    }

    /// Posts a `multipart/form-data` form as a browser does: the text fields in the order given
    /// (the CSRF token first, as a page's form has it), then the files; the cookies the answer
    /// sets are kept (a cookie the answer clears is kept empty).
    @discardableResult
    func multipart(_ uri: String, fields: [(String, String)], files: [FilePart]) async throws -> Answer {
        let boundary = "----NastavnikTestBoundary" + UUID().uuidString.prefix(8)
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.fileName)\"\r\n"
                    + "Content-Type: \(file.contentType)\r\n\r\n").utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(
                separator: "; ")
        }
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.prefix { $0 != ";" }
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let expired = field.value.contains("Max-Age=0")
            setCookie(
                String(pair[..<equals]).trimmingCharacters(in: .whitespaces),
                expired ? "" : String(pair[pair.index(after: equals)...]))
        }
        let bytes = Array(response.body.readableBytesView)
        return Answer(
            status: response.status, headers: response.headers, body: String(decoding: bytes, as: UTF8.self),
            bytes: bytes)
    }
}
