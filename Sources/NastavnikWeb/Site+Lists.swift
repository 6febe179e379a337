import Hummingbird
import NastavnikApp

extension Site {
    /// A list's request by a role that reads everything (403 for others): the use cases as the
    /// account may read them and the format the list is asked in (400 for an unknown one).
    func readAllList(_ request: Request, _ context: WebContext) async throws -> (
        app: NastavnikApp, format: Download.ListFormat
    ) {
        let user = try context.require(.readAll, request)
        let format = try Download.listFormat(request)
        return (try await app(for: user), format)
    }
}
