import Foundation
import Hummingbird

/// A submitted `application/x-www-form-urlencoded` form, or a query string, as field → value.
struct FormBody: Sendable {
    var fields: [String: String]

    /// The largest form this reader accepts (a login or a filter form is a few hundred bytes).
    static let limit = 64 * 1024

    init(fields: [String: String]) { self.fields = fields }

    init(encoded: String) {
        var fields: [String: String] = [:]
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            // The first value wins: a form never sends a field twice.
            if fields[name] == nil { fields[name] = value }
        }
        self.fields = fields
    }

    /// Reads a request's form body; a body over `limit` is a 413 (`HTTPError`, the Russian page
    /// «Слишком большой запрос») before anything is read from it or written.
    static func read(_ request: Request, context: some RequestContext) async throws -> FormBody {
        // NIO's `collect(upTo:)` refuses with its own error, which the error page took for a
        // server's fault (500): the limit is counted here.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw HTTPError(.contentTooLarge)
        }
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else { throw HTTPError(.contentTooLarge) }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return FormBody(encoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    subscript(name: String) -> String? { fields[name] }

    private static func decode(_ part: Substring) -> String {
        let plus = part.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }
}
