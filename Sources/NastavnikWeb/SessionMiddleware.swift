import Foundation
import Hummingbird
import NastavnikApp

/// Finds the account of a request's session cookie (sessions live in the database, so they
/// survive a restart) and puts it in the context; a form that changes something must carry
/// the session's CSRF token, else 403 and nothing is done.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// The session cookie's name.
    static let cookie = "nastavnik_session"

    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let token = request.cookies[Self.cookie]?.value, !token.isEmpty {
            do {
                if let user = try await site.app.pageSessionUser(token: token, now: Date()) {
                    context.user = user
                    context.sessionToken = token
                }
            } catch {
                return site.errorPage(error, request, context)
            }
        }
        return try await next(request, context)
    }
}
