import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NastavnikCore
import Testing

/// A test client that keeps cookies as a browser does and logs in through the login form.
final class WebClient: @unchecked Sendable {
    let client: any TestClientProtocol
    /// The cookies the server set, by name.
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    /// An answer: its status, headers and body as text.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var bytes: [UInt8]

        var location: String? { headers[.location] }

        /// The value of the hidden CSRF field of the page's first form that has one.
        var csrf: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
    }

    /// Sends a request with the stored cookies and keeps the cookies the answer sets.
    @discardableResult
    func request(_ uri: String, method: HTTPRequest.Method = .get, form: [(String, String)]? = nil) async throws
        -> Answer
    {
        try await request(
            uri, method: method,
            body: form.map {
                ByteBuffer(string: $0.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&"))
            }, contentType: form == nil ? nil : "application/x-www-form-urlencoded")
    }

    /// Sends `body` of `contentType` with the stored cookies and keeps the cookies the answer sets.
    func request(_ uri: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?) async throws
        -> Answer
    {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            let value = parts.count > 1 ? String(parts[1]) : ""
            if value.isEmpty || field.value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let bytes = Array(response.body.readableBytesView)
        return Answer(
            status: response.status, headers: response.headers, body: String(decoding: bytes, as: UTF8.self),
            bytes: bytes)
    }

    /// A file a multipart form sends: its field, its name and its bytes.
    struct FilePart: Sendable {
        var field: String
        var name: String
        var bytes: [UInt8]
        var type = "text/csv"
    }

    /// Sends a `multipart/form-data` form, as a browser sends a form with a file: the text
    /// `fields` first, in the order given (the CSRF token among them, as a page's form has it
    /// first), then `file`.
    @discardableResult
    func upload(_ uri: String, fields: [(String, String)], file: FilePart?) async throws -> Answer {
        try await multipart(uri, fields: fields, files: file.map { [$0] } ?? [])
    }

    /// Sends a `multipart/form-data` form with its text `fields` first, then `files`.
    @discardableResult
    func multipart(_ uri: String, fields: [(String, String)], files: [FilePart]) async throws -> Answer {
        let boundary = "----NastavnikTestBoundary\(UInt32.random(in: 0...UInt32.max))"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                    .utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await request(
            uri, method: .post, body: ByteBuffer(bytes: body), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Logs in through the form as the test account of `role`; the session cookie is then kept.
    @discardableResult
    func logIn(_ role: Role, password: String = WebSandbox.password) async throws -> Answer {
        try await logIn(login: WebSandbox.login(role), password: password)
    }

    @discardableResult
    func logIn(login: String, password: String) async throws -> Answer {
        let page = try await request("/login")
        let csrf = try #require(page.csrf)
        return try await request(
            "/login", method: .post, form: [("csrf", csrf), ("login", login), ("password", password)])
    }

    /// Sets a cookie as if the server had set it earlier.
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    /// Forgets every cookie (a new browser).
    func clearCookies() { cookies = [:] }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
