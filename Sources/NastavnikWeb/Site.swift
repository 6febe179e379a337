import Foundation
import Hummingbird
import Logging
import NastavnikApp
import NastavnikCore
import NastavnikRegion
import NastavnikStore

/// What every route shares: the use cases, the templates, and whether the server speaks TLS.
struct Site: Sendable {
    let app: NastavnikApp
    /// The same database read through pseudonyms, for viewers when the setting
    /// `web.pseudonymize_viewers` says so.
    let pseudonymApp: NastavnikApp
    let templates: WebTemplates
    /// The server speaks TLS: cookies are `Secure`.
    let secure: Bool
    let logger: Logger
    /// The uploaded files being checked and imported (`ImportRoutes`).
    let imports: ImportJobs
    /// The region's database whose dashboard `/region` shows (`serve --region`); none, no such page.
    let region: RegionURL?
    /// Long work forms started (a whole municipality's plans), with their progress pages (`JobRoutes`).
    let jobs = BackgroundJobs()
    /// The overviews kept until the data changes.
    let cache = PageCache()
    /// Schools' cards (`NastavnikApp.schoolPage`), kept as the dashboard is: a card reads every open
    /// municipal term for the schools' heads, the same for every school (about 200 on the demo).
    let schoolPages = PageCache(limit: 256)

    /// The use cases as `user` may read them: a viewer's through pseudonyms when the admin says so.
    func app(for user: UserAccount) async throws -> NastavnikApp { try await reading(for: user).app }

    /// The use cases as `user` may read them, and whether they read through pseudonyms (a card
    /// then shows an age band instead of the birth date).
    func reading(for user: UserAccount) async throws -> (app: NastavnikApp, pseudonymized: Bool) {
        guard user.role == .viewer else { return (app, false) }
        let settings = try await app.settings()
        return settings.text(Settings.webPseudonymizeViewers) == "да" ? (pseudonymApp, true) : (app, false)
    }

    /// The date the figures are as of: today on the server's clock.
    var today: LocalDate { .today() }

    // MARK: Pages

    /// A page in the layout, for the logged-in `user` (its menu, its logout form).
    func page(_ view: PageView, user: UserAccount?, token: String?, path: String, status: HTTPResponse.Status = .ok)
        -> Response
    {
        var view = view
        if let user, let token {
            view.account = PageView.AccountView(
                name: user.fullName, role: user.role.russian, csrf: CSRFToken.token(forSession: token))
            view.navigation = Self.navigation(for: user, path: path, region: region != nil)
        }
        return html(templates.render(view, "layout"), status: status)
    }

    /// A page for the request's account, with the confirmation a saved form left (`FlashMessage`)
    /// at its top, once.
    func page(_ view: PageView, _ request: Request, _ context: WebContext, status: HTTPResponse.Status = .ok)
        -> Response
    {
        guard let flash = request.cookies[FlashMessage.cookie]?.value, !flash.isEmpty else {
            return page(view, user: context.user, token: context.sessionToken, path: request.uri.path, status: status)
        }
        var view = view
        if let token = context.sessionToken, let text = FlashMessage.text(flash, session: token) {
            view.blocks.insert(.confirmation(text), at: 0)
        }
        var response = page(
            view, user: context.user, token: context.sessionToken, path: request.uri.path, status: status)
        response.setCookie(FlashMessage.clearing(secure: secure))
        return response
    }

    /// The use cases acting for `user`: each change they make is in the audit log under the
    /// user's name and login, with `command` (for example «веб: отметка срока 123»). They share
    /// the server's one pool: its one writing connection takes the writes in turn, each
    /// transaction under its own user (`NastavnikDatabase.acting(as:)`).
    func writer(for user: UserAccount, command: String) -> NastavnikApp {
        app.acting(as: AuditActor(name: Self.actorName(user), command: command))
    }

    /// How the logs name `user`: the name and, in brackets, the login.
    static func actorName(_ user: UserAccount) -> String { "\(user.fullName) (\(user.login))" }

    /// A 303 to `path` after a saved form, carrying the confirmation `text` for the next page.
    func saved(_ text: String, redirectTo path: String, _ context: WebContext) -> Response {
        var response = redirect(to: path)
        if let token = context.sessionToken {
            response.setCookie(FlashMessage.cookie(text, session: token, secure: secure))
        }
        return response
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The menu of `user`'s role: the areas it may read, the current one marked; the region's
    /// dashboard when the server shows one (`region`).
    static func navigation(for user: UserAccount, path: String, region: Bool = false) -> [LinkView] {
        var items: [(String, String)]
        if user.role.may(.readAll) {
            items = [
                ("Обзор", "/"), ("Школы", "/schools"), ("Работники", "/staff"), ("Дорожная карта", "/roadmap"),
                ("Обучение", "/training"), ("Диагностика", "/diagnostics"), ("Планы", "/plans"),
                ("Наставничество", "/mentoring"), ("Семинары", "/seminars"), ("Классификация", "/classification"),
                ("Кураторы", "/curators"), ("Показатели", "/indicators"), ("Отчёты", "/reports"),
            ]
            if region { items.append(("Регион", "/region")) }
            if user.role.may(.runImports) { items.append(("Импорт", "/imports")) }
            if user.role.may(.readAudit) { items.append(("Журнал", "/audit")) }
            if user.role.may(.manageUsers) { items.append(("Пользователи", "/admin/users")) }
        } else if let code = user.schoolCode {
            items = [
                ("Моя школа", "/schools/" + URLPath.segment(code)), ("Работники", "/staff"), ("Планы", "/plans"),
                ("Дорожная карта", "/roadmap"),
            ]
        } else {
            items = []
        }
        return items.map { label, href in
            LinkView(
                label: label, href: href,
                current: href == "/" ? path == "/" : (path == href || path.hasPrefix(href + "/")))
        }
    }
}
