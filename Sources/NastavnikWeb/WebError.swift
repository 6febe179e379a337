import Hummingbird

/// A refusal the web interface answers with a page of its own (in Russian, never a stack trace).
enum WebError: Error, Equatable {
    /// Not logged in: 303 to the login page, which comes back to `next` afterwards.
    case loginRequired(next: String)
    /// The role may not do this, or the record belongs to another school: 403.
    case forbidden
    /// No such page or record: 404, with what was not found.
    case notFound(String)
    /// A query parameter or form field is wrong: 400, naming it and the value.
    case badRequest(String)
    /// A form came without a valid CSRF token: 403.
    case invalidCSRF
    /// An upload is larger than its form accepts: 413, saying the limit.
    case tooLarge(String)

    var status: HTTPResponse.Status {
        switch self {
        case .loginRequired: .seeOther
        case .forbidden, .invalidCSRF: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .tooLarge: .contentTooLarge
        }
    }
}
