import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The accounts (admin), as `users list` prints them, and the database's backup to download.
struct UserRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("admin/users") { request, context in try await list(request, context, form: nil) }
        router.post("admin/users") { request, context in try await add(request, context) }
        router.get("admin/backup") { request, context in try await backup(request, context) }
    }

    /// A copy of the whole database (`nastavnik backup`: SQLite's online backup, consistent while
    /// others write), made into a private temporary directory and sent as a download; the
    /// administrator only, as the command is theirs.
    private func backup(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.backup, request)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nastavnik-backup-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory.appendingPathComponent("backup.sqlite").path
        do {
            try await site.app(for: user).backup(to: path)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        return Download.streamedFile(
            path: path, removing: directory, name: "Наставник \(site.today.iso).sqlite", type: "application/vnd.sqlite3"
        )
    }

    private func list(
        _ request: Request, _ context: WebContext, form: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.require(.manageUsers, request)
        let app = try await site.app(for: user)
        let table = AccountTables.list(try await app.listUsers())
        let format = try Download.listFormat(request)
        if format != .page {
            return try Download.list([table], format: format, title: "Учётные записи", file: "Учётные записи")
        }
        var view = PageView(title: "Пользователи", subtitle: "Учётные записи и их роли")
        let empty = (login: "", name: "", role: Role.viewer.rawValue, school: "")
        var shown = form
        if shown == nil {
            shown = Self.addForm(
                csrf: context.csrf, values: empty, schools: try await app.schools(status: nil),
                minimum: try await app.passwordMinimumLength())
        }
        view.blocks = [
            .links([LinkView(label: "Скачать резервную копию базы данных", href: "/admin/backup")]),
            .table(
                TableView(
                    table, links: ["login": Self.accountLink, "school": RecordLinks.school(column: 3)],
                    downloadBase: "/admin/users")),
        ]
        if let shown { view.blocks.append(.form(shown)) }
        return site.page(view, request, context, status: status)
    }

    /// The account's page from the row's first cell (its login).
    static func accountLink(_ row: [Cell]) -> String? { "/admin/users/" + URLPath.segment(row[0].display) }

    /// The roles as a select's options, by their Russian names.
    static var roleOptions: [FormView.Option] {
        Role.allCases.map { .init(value: $0.rawValue, label: $0.russian) }
    }

    /// The schools as a select's options, none first (the roles other than «школа»).
    static func schoolOptions(_ schools: [SchoolOverview]) -> [FormView.Option] {
        [.init(value: "", label: "— (не школа)")]
            + schools.map { .init(value: $0.code, label: "\($0.code) \($0.name)") }
    }

    /// The form «Добавить учётную запись» with `values` as typed (never the passwords).
    static func addForm(
        csrf: String, values: (login: String, name: String, role: String, school: String),
        schools: [SchoolOverview], minimum: Int
    ) -> FormView {
        FormView(
            action: "/admin/users", title: "Добавить учётную запись",
            fields: [
                .init(
                    name: "login", label: "Логин", kind: .text, value: values.login,
                    hint: "Без пробелов, например ivanova.",
                    required: true),
                .init(
                    name: "name", label: "Имя", kind: .text, value: values.name, hint: "Фамилия И.О.", required: true),
                .init(name: "role", label: "Роль", kind: .select(roleOptions), value: values.role, required: true),
                .init(
                    name: "school", label: "Школа", kind: .select(schoolOptions(schools)), value: values.school,
                    hint: "Только для роли «школа»: учётная запись видит одну свою школу."),
                .init(
                    name: "password", label: "Начальный пароль", kind: .password, value: "",
                    hint: "Не короче \(minimum) символов; сообщите его владельцу, он сменит его сам.", required: true),
                .init(name: "password2", label: "Пароль ещё раз", kind: .password, value: "", required: true),
            ],
            hidden: [(CSRFToken.field, csrf)], submit: "Добавить")
    }

    /// Adds an account through the same use case as `users add`, under the admin's name.
    private func add(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let user = context.user else { throw WebError.loginRequired(next: "/admin/users") }
        let form = try await context.postedForm(request)
        try context.require(.manageUsers, request)
        let value = { (name: String) in (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let (login, name, roleText, school) = (value("login"), value("name"), value("role"), value("school"))
        let (password, again) = (form["password"] ?? "", form["password2"] ?? "")
        let app = site.app
        var view = Self.addForm(
            csrf: context.csrf, values: (login, name, roleText, school), schools: try await app.schools(status: nil),
            minimum: try await app.passwordMinimumLength())
        let role = Role(rawValue: roleText)
        if role == nil { view.setError("Поле «Роль»: неизвестная роль «\(roleText)».", on: "role") }
        for problem in try await app.accountProblems(
            login: login, fullName: name, role: role ?? .viewer, schoolCode: school.isEmpty ? nil : school,
            password: password)
        where role != nil || problem.field != "school" {
            view.setError(problem.message, on: problem.field)
        }
        if password != again {
            view.setError("Пароли не совпадают: введите один и тот же пароль дважды.", on: "password2")
        }
        guard !view.hasErrors, let role else {
            return try await list(request, context, form: view, status: .unprocessableContent)
        }
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await list(request, context, form: form, status: status)
        }
        return try await FormSave.run(view, render: render) {
            let account = try await site.writer(for: user, command: "веб: добавление учётной записи \(login)").addUser(
                login: login, fullName: name, role: role, schoolCode: school.isEmpty ? nil : school, password: password)
            return site.saved(
                "Учётная запись «\(account.login)» (\(account.fullName), \(account.role.russian)"
                    + (account.schoolCode.map { ", школа \($0)" } ?? "") + ") добавлена.",
                redirectTo: "/admin/users/" + URLPath.segment(account.login), context)
        }
    }
}
