import Foundation
import Hummingbird
import NastavnikApp

/// The login page, logging in and out. The login form is double-submitted against CSRF (a
/// random cookie and the same value in the form), since there is no session yet to tie it to.
struct LoginRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("login") { request, context in try await showForm(request, context) }
        router.post("login") { request, context in try await logIn(request, context) }
        router.post("logout") { request, context in try await logOut(request, context) }
    }

    struct LoginView {
        var next: String?
        var login: String
        var error: String?
        var csrf: String
    }

    private func showForm(_ request: Request, _ context: WebContext) async throws -> Response {
        if context.user != nil { return redirect(to: "/") }
        return form(next: request.uri.queryParameters["next"].map(String.init), login: "", error: nil, status: .ok)
    }

    private func form(next: String?, login: String, error: String?, status: HTTPResponse.Status) -> Response {
        let csrf = CSRFToken.random()
        let body = site.templates.render(
            LoginView(next: Self.safeNext(next), login: login, error: error, csrf: csrf), "login")
        var response = site.html(body, status: status)
        response.setCookie(
            Cookie(
                name: CSRFToken.loginCookie, value: csrf, path: "/login", secure: site.secure, httpOnly: true,
                sameSite: .strict))
        return response
    }

    private func logIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        guard let cookie = request.cookies[CSRFToken.loginCookie]?.value, let field = form[CSRFToken.field],
            CSRFToken.constantTimeEqual(cookie, field)
        else { throw WebError.invalidCSRF }
        let login = form["login"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form["password"] ?? ""
        guard !login.isEmpty, !password.isEmpty else {
            return self.form(
                next: form["next"], login: login, error: "Введите логин и пароль.", status: .unprocessableContent)
        }
        do {
            let (_, token) = try await site.app.logIn(login: login, password: password, now: Date())
            var response = redirect(to: Self.safeNext(form["next"]) ?? "/")
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookie, value: token, path: "/", secure: site.secure, httpOnly: true,
                    sameSite: .strict))
            return response
        } catch let error as AuthenticationError {
            site.logger.notice("Неудачный вход: логин «\(login)»")
            return self.form(
                next: form["next"], login: login, error: error.errorDescription, status: .unauthorized)
        }
    }

    private func logOut(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let token = context.sessionToken else { return redirect(to: "/login") }
        let form = try await FormBody.read(request, context: context)
        guard CSRFToken.isValid(form[CSRFToken.field], forSession: token) else { throw WebError.invalidCSRF }
        try await site.app.logOut(token: token)
        var response = redirect(to: "/login")
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/", secure: site.secure, httpOnly: true,
                sameSite: .strict))
        return response
    }

    /// A page of this site to come back to after logging in (never another site's address).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\n")
        else { return nil }
        return next
    }
}

/// A 303 to `path` (after a form, or to the login page).
func redirect(to path: String) -> Response {
    Response(status: .seeOther, headers: [.location: path])
}
