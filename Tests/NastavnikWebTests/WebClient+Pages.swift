import Foundation
import NastavnikCore
import NastavnikTestSupport
import Testing

/// What the page tests read from an answer: a table's rows, a downloaded package's text.
extension WebClient.Answer {
    /// The body rows of the page's tables (each starts `<tr><td`).
    var tableRows: Int { body.components(separatedBy: "<tr><td").count - 1 }

    /// The body with the no-break spaces that bind short words (Typography) read as spaces.
    var text: String { body.replacingOccurrences(of: "\u{00A0}", with: " ") }

    /// The answer is an Office package (XLSX, DOCX: a zip starting «PK») one of whose parts holds `text`.
    func package(contains text: String) throws -> Bool {
        guard bytes.starts(with: Array("PK".utf8)) else { return false }
        return try ZIPParts.read(bytes).values.contains { $0.contains(text) }
    }
}

/// The refusals the page tests check: each a 400 naming the parameter in Russian.
extension WebClient {
    /// `uri` with its non-ASCII characters percent-encoded, as a browser sends it.
    static func ascii(_ uri: String) -> String {
        var allowed = CharacterSet(charactersIn: Unicode.Scalar(33)...Unicode.Scalar(126))
        allowed.remove(charactersIn: "%")
        return uri.addingPercentEncoding(withAllowedCharacters: allowed) ?? uri
    }

    /// Each of `cases` (an address and what its refusal must say: the parameter, or the whole
    /// message) is a 400 saying it.
    func expectBadRequests(_ cases: [(uri: String, message: String)]) async throws {
        for (uri, message) in cases {
            let answer = try await request(Self.ascii(uri))
            #expect(answer.status == .badRequest, "\(uri)")
            #expect(answer.text.contains(message), "\(uri)")
        }
    }

    /// The same, with a new sandbox logged in as `role`.
    static func expectBadRequests(as role: Role, _ cases: [(uri: String, message: String)]) async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(role)
            try await client.expectBadRequests(cases)
        }
    }
}

extension WebSandbox {
    /// A new sandbox's client logged in as `role`, given to `body`.
    static func loggedIn(as role: Role, _ body: @Sendable (WebClient) async throws -> Void) async throws {
        try await WebSandbox().test(as: role, body)
    }

    /// This sandbox's client logged in as `role`, given to `body`.
    func test<T: Sendable>(as role: Role, _ body: @Sendable (WebClient) async throws -> T) async throws -> T {
        try await test { client in
            try await client.logIn(role)
            return try await body(client)
        }
    }
}
