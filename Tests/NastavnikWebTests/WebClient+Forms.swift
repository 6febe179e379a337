import Foundation
import HTTPTypes
import NastavnikCore
import Testing

@testable import NastavnikWeb

/// What the tests of the editing forms check of every form.
extension WebClient.Answer {
    /// The form came back refused (422) with `message` as its one error, beside field `field`.
    func expectRefused(
        field: String, message: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(status == .unprocessableContent, "\(label): \(status)", sourceLocation: sourceLocation)
        #expect(
            body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(label): no error beside \(field)",
            sourceLocation: sourceLocation)
        #expect(text.contains(message), "\(label): \(message)", sourceLocation: sourceLocation)
        #expect(
            body.components(separatedBy: "<p class=\"error\"").count == 2, "\(label): more than one error",
            sourceLocation: sourceLocation)
    }
}

extension WebClient {
    /// Posts each of `forms` without a token, with an empty one and with a forged one: each is 403.
    func expectTokenNeeded(
        _ forms: [(action: String, fields: [String: String])], sourceLocation: SourceLocation = #_sourceLocation
    )
        async throws
    {
        for token in [nil, "", "поддельный-ключ"] as [String?] {
            for (action, fields) in forms {
                var form = fields.map { ($0.key, $0.value) } + [("version", "0")]
                if let token { form.append(("csrf", token)) }
                let answer = try await request(action, method: .post, form: form)
                #expect(answer.status == .forbidden, "\(action) \(token ?? "nil")", sourceLocation: sourceLocation)
            }
        }
    }
}

extension WebSandbox {
    /// Runs `body` logged in as each role in turn, with the status a form that only the
    /// methodologist may send must get (303 for them, 403 for the others) and a valid token.
    func asEachRole(
        _ body: @Sendable (WebClient, Role, HTTPResponse.Status, String) async throws -> Void
    ) async throws {
        let expected: [(Role, HTTPResponse.Status)] = [
            (.admin, .forbidden), (.specialist, .forbidden), (.viewer, .forbidden), (.school, .forbidden),
            (.methodologist, .seeOther),
        ]
        try await test { client in
            for (role, status) in expected {
                client.clearCookies()
                try await client.logIn(role)
                try await body(client, role, status, try #require(try await client.request("/plans").csrf))
            }
        }
    }
}
