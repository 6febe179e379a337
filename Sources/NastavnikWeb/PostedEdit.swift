import Hummingbird
import NastavnikCore
import NastavnikStore

/// A posted form that changes a record: who sent it (a role with the right), its fields, and
/// the record's version it was opened on. The steps every editing form shares, in the order the
/// roadmap's mark takes them: logged in, the CSRF token (403), the role (403), then the fields.
struct PostedEdit {
    var user: UserAccount
    var form: FormBody

    /// Reads the form posted to a page of `back` (where a visitor returns after logging in),
    /// when the account may do `permission`.
    static func read(_ request: Request, _ context: WebContext, permission: Permission, back: String) async throws
        -> PostedEdit
    {
        guard let user = context.user else { throw WebError.loginRequired(next: back) }
        let form = try await context.postedForm(request)
        try context.require(permission, request)
        return PostedEdit(user: user, form: form)
    }

    /// Field `name` as typed, trimmed.
    func value(_ name: String) -> String {
        (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Field `name`, or `nil` when left empty.
    func optional(_ name: String) -> String? {
        let text = value(name)
        return text.isEmpty ? nil : text
    }

    /// The record's version the form was opened on (hidden field `version`); 400 without one.
    func version() throws -> Int64 {
        let text = value("version")
        guard let version = Int64(text) else {
            throw WebError.badRequest("Поле version: «\(text)» — не версия записи; откройте страницу заново.")
        }
        return version
    }

    /// Date field `name` («Дата» as `label`): as `FormView.date`, read from the posted form.
    func date(_ name: String, _ label: String, missing: String?, today: LocalDate, in view: inout FormView)
        -> LocalDate?
    {
        view.date(value(name), field: name, label: label, missing: missing, today: today)
    }

    /// Saves through `save` and answers its 303; a refusal shows `view` again through `page`
    /// with the status that says why (`FormSave`: 409, 422 or 503). Nothing is written then.
    static func save(
        _ view: FormView, page: (FormView, HTTPResponse.Status) async throws -> Response,
        _ save: () async throws -> Response
    ) async throws -> Response {
        try await FormSave.run(view, render: page, save)
    }
}
