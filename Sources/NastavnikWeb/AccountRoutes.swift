import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// One account's page (admin): its role and school, its access (disable, enable) and a password
/// reset, each a form through the same use cases as `users role`, `users disable`/`enable` and
/// `users passwd`, carrying the account's version (`RecordVersion`: a change made since is 409).
struct AccountRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("admin/users/:login") { request, context in try await page(request, context, form: nil) }
        router.post("admin/users/:login/role") { request, context in try await role(request, context) }
        router.post("admin/users/:login/access") { request, context in try await access(request, context) }
        router.post("admin/users/:login/password") { request, context in try await password(request, context) }
    }

    private static func address(_ login: String) -> String { "/admin/users/" + URLPath.segment(login) }

    /// The account's page; `form` (a refused one) replaces its blank form of the same address.
    private func page(
        _ request: Request, _ context: WebContext, form: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.require(.manageUsers, request)
        let login = try context.parameters.require("login")
        let app = try await site.app(for: user)
        let account: UserAccount
        do {
            account = try await app.user(login: login)
        } catch let error as AppError {
            throw WebError.notFound(error.message)
        }
        let version = String(try await app.userVersion(login: login))
        let csrf = context.csrf
        var forms = [
            Self.roleForm(
                login: login, csrf: csrf, version: version,
                values: (account.role.rawValue, account.schoolCode ?? ""), schools: try await app.schools(status: nil)),
            Self.accessForm(login: login, csrf: csrf, version: version, disabled: account.disabled),
            Self.passwordForm(
                login: login, csrf: csrf, version: version, minimum: try await app.passwordMinimumLength()),
        ]
        if let form, let index = forms.firstIndex(where: { $0.action == form.action }) { forms[index] = form }
        var view = PageView(
            title: "Учётная запись «\(account.login)»",
            subtitle: "\(account.fullName), \(account.role.russian)" + (account.disabled ? " (отключена)" : ""))
        view.breadcrumbs = [LinkView(label: "Пользователи", href: "/admin/users")]
        var table = AccountTables.list([account])
        table.title = ""
        view.blocks =
            [.table(TableView(table, links: ["school": RecordLinks.school(column: 3)]))] + forms.map { .form($0) }
        return site.page(view, request, context, status: status)
    }

    /// The form «Роль» with `values` (role, school) as chosen.
    static func roleForm(
        login: String, csrf: String, version: String, values: (role: String, school: String),
        schools: [SchoolOverview]
    ) -> FormView {
        FormView(
            action: address(login) + "/role", title: "Роль",
            fields: [
                .init(
                    name: "role", label: "Роль", kind: .select(UserRoutes.roleOptions), value: values.role,
                    required: true),
                .init(
                    name: "school", label: "Школа", kind: .select(UserRoutes.schoolOptions(schools)),
                    value: values.school, hint: "Только для роли «школа»."),
            ],
            hidden: [(CSRFToken.field, csrf), ("version", version)], submit: "Сменить роль")
    }

    /// The form that disables an enabled account or enables a disabled one.
    static func accessForm(login: String, csrf: String, version: String, disabled: Bool) -> FormView {
        FormView(
            action: address(login) + "/access", title: disabled ? "Учётная запись отключена" : "Доступ",
            fields: [],
            hidden: [(CSRFToken.field, csrf), ("version", version), ("disabled", disabled ? "0" : "1")],
            submit: disabled ? "Включить учётную запись" : "Отключить учётную запись")
    }

    /// The form «Новый пароль» (never shown back).
    static func passwordForm(login: String, csrf: String, version: String, minimum: Int) -> FormView {
        FormView(
            action: address(login) + "/password", title: "Сбросить пароль",
            fields: [
                .init(
                    name: "password", label: "Новый пароль", kind: .password, value: "",
                    hint: "Не короче \(minimum) символов; блокировка снимается, сеансы учётной записи завершаются.",
                    required: true),
                .init(name: "password2", label: "Пароль ещё раз", kind: .password, value: "", required: true),
            ],
            hidden: [(CSRFToken.field, csrf), ("version", version)], submit: "Задать пароль")
    }

    /// The posted form of an account's page (CSRF, the admin's role, the version), with the
    /// account's login and the acting user.
    private func posted(_ request: Request, _ context: WebContext) async throws -> (
        form: FormBody, login: String, version: Int64, user: UserAccount
    ) {
        let login = try context.parameters.require("login")
        guard let user = context.user else { throw WebError.loginRequired(next: Self.address(login)) }
        let form = try await context.postedForm(request)
        try context.require(.manageUsers, request)
        let versionText = (form["version"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let version = Int64(versionText) else {
            throw WebError.badRequest(
                "Поле version: «\(versionText)» — не версия записи; откройте страницу учётной записи заново.")
        }
        guard try await site.app.listUsers().contains(where: { $0.login == login }) else {
            throw WebError.notFound("Учётная запись «\(login)» не найдена.")
        }
        return (form, login, version, user)
    }

    private func role(_ request: Request, _ context: WebContext) async throws -> Response {
        let (form, login, version, user) = try await posted(request, context)
        let roleText = (form["role"] ?? "").trimmingCharacters(in: .whitespaces)
        let school = (form["school"] ?? "").trimmingCharacters(in: .whitespaces)
        var view = Self.roleForm(
            login: login, csrf: context.csrf, version: String(version), values: (roleText, school),
            schools: try await site.app.schools(status: nil))
        let role = Role(rawValue: roleText)
        if let role {
            for problem in try await site.app.schoolProblems(role: role, schoolCode: school.isEmpty ? nil : school) {
                view.setError(problem.message, on: problem.field)
            }
        } else {
            view.setError("Поле «Роль»: неизвестная роль «\(roleText)».", on: "role")
        }
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await page(request, context, form: form, status: status)
        }
        guard !view.hasErrors, let role else { return try await render(view, .unprocessableContent) }
        return try await FormSave.run(view, render: render) {
            try await site.writer(for: user, command: "веб: роль учётной записи \(login)").setUserRole(
                login: login, role: role, schoolCode: school.isEmpty ? nil : school, expectedVersion: version)
            return site.saved(
                "Учётная запись «\(login)»: роль «\(role.russian)»" + (school.isEmpty ? "" : ", школа \(school)")
                    + "; её сеансы завершены.",
                redirectTo: Self.address(login), context)
        }
    }

    private func access(_ request: Request, _ context: WebContext) async throws -> Response {
        let (form, login, version, user) = try await posted(request, context)
        let disabledText = form["disabled"] ?? ""
        guard disabledText == "1" || disabledText == "0" else {
            throw WebError.badRequest("Поле disabled: «\(disabledText)» — укажите 1 (отключить) или 0 (включить).")
        }
        let disabled = disabledText == "1"
        var view = Self.accessForm(login: login, csrf: context.csrf, version: String(version), disabled: !disabled)
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await page(request, context, form: form, status: status)
        }
        if disabled, login == user.login {
            // The button is on the admin's own page too: the refusal is shown above it, as others are.
            view.problem = "Свою учётную запись отключить нельзя: войдите под другим администратором."
            return try await render(view, .unprocessableContent)
        }
        return try await FormSave.run(view, render: render) {
            try await site.writer(
                for: user, command: "веб: \(disabled ? "отключение" : "включение") учётной записи \(login)"
            ).setUserDisabled(login: login, disabled, expectedVersion: version)
            return site.saved(
                "Учётная запись «\(login)» \(disabled ? "отключена, её сеансы завершены" : "включена").",
                redirectTo: Self.address(login), context)
        }
    }

    private func password(_ request: Request, _ context: WebContext) async throws -> Response {
        let (form, login, version, user) = try await posted(request, context)
        let (password, again) = (form["password"] ?? "", form["password2"] ?? "")
        var view = Self.passwordForm(
            login: login, csrf: context.csrf, version: String(version),
            minimum: try await site.app.passwordMinimumLength())
        for problem in try await site.app.passwordProblems(password) {
            view.setError(problem.message, on: problem.field)
        }
        if password != again {
            view.setError("Пароли не совпадают: введите один и тот же пароль дважды.", on: "password2")
        }
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await page(request, context, form: form, status: status)
        }
        guard !view.hasErrors else { return try await render(view, .unprocessableContent) }
        return try await FormSave.run(view, render: render) {
            try await site.writer(for: user, command: "веб: сброс пароля учётной записи \(login)").resetUserPassword(
                login: login, password: password, expectedVersion: version)
            return site.saved(
                "Пароль учётной записи «\(login)» задан заново; блокировка снята, её сеансы завершены.",
                redirectTo: Self.address(login), context)
        }
    }
}
