import Foundation
import Hummingbird
import NastavnikCore
import NastavnikStore

/// A request's context: who is logged in (from the session cookie) and the session's token,
/// which the CSRF token of every form is derived from.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The logged-in account, set by `SessionMiddleware`; `nil` for a visitor.
    var user: UserAccount?
    /// The session's token (the cookie's value) of a logged-in request.
    var sessionToken: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The logged-in account, or a redirect to the login page (`WebError.loginRequired`).
    func account(_ request: Request) throws(WebError) -> UserAccount {
        guard let user else { throw .loginRequired(next: request.uri.string) }
        return user
    }

    /// The account, when its role may do `permission`; else 403.
    @discardableResult
    func require(_ permission: Permission, _ request: Request) throws(WebError) -> UserAccount {
        let user = try account(request)
        guard user.role.may(permission) else { throw .forbidden }
        return user
    }

    /// The account, when it may read everything about `schoolCode`'s school: any role that reads
    /// everything, or that school's own account. Another school's account gets 403.
    @discardableResult
    func requireSchool(_ schoolCode: String, _ request: Request) throws(WebError) -> UserAccount {
        let user = try account(request)
        if user.role.may(.readAll) { return user }
        guard user.role.may(.readOwnSchool), user.schoolCode == schoolCode else { throw .forbidden }
        return user
    }

    /// The one school a school's account is confined to; `nil` for a role that reads everything.
    func schoolScope(_ request: Request) throws(WebError) -> String? {
        let user = try account(request)
        if user.role.may(.readAll) { return nil }
        guard user.role.may(.readOwnSchool), let code = user.schoolCode else { throw .forbidden }
        return code
    }

    /// The account, when it may change a record of `recordSchool`: its role may do `permission`,
    /// or it is that school's own account and may do `ownSchool` for it. Else 403.
    @discardableResult
    func requireChange(
        _ permission: Permission, orOwnSchool ownSchool: Permission?, recordSchool: String?, _ request: Request
    ) throws(WebError) -> UserAccount {
        let user = try account(request)
        if user.role.may(permission) { return user }
        guard let ownSchool, user.role.may(ownSchool), let code = user.schoolCode, code == recordSchool else {
            throw .forbidden
        }
        return user
    }

    /// The submitted form, when it carries the session's CSRF token (field `csrf`); else 403
    /// (`WebError.invalidCSRF`) before anything is read or written.
    func postedForm(_ request: Request) async throws -> FormBody {
        guard let token = sessionToken else { throw WebError.loginRequired(next: request.uri.path) }
        let form = try await FormBody.read(request, context: self)
        guard CSRFToken.isValid(form[CSRFToken.field], forSession: token) else { throw WebError.invalidCSRF }
        return form
    }

    /// The submitted form with a file (`multipart/form-data`), its files written into `directory`
    /// as they arrive, at most `limit` bytes (413 beyond); 403 without the session's CSRF token,
    /// which must come before the file.
    func postedUpload(_ request: Request, into directory: URL, limit: Int) async throws -> UploadedForm {
        guard let token = sessionToken else { throw WebError.loginRequired(next: request.uri.path) }
        return try await MultipartReader.read(request, into: directory, limit: limit, session: token)
    }

    /// The CSRF token of this session's forms.
    var csrf: String { sessionToken.map(CSRFToken.token(forSession:)) ?? "" }
}
