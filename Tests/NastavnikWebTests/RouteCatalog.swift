import NastavnikCore

/// Every page of the web interface with who may open it: the route walk asserts each answer for
/// each role. A new page is added here with its access.
enum RouteCatalog {
    /// Who may open a page.
    enum Access: Sendable {
        /// Every role that reads everything (admin, specialist, methodologist, viewer); 403 for a school.
        case readAll
        /// Every role; a school's account sees its own school's part only.
        case everyone
        /// One permission's roles only.
        case permission(Permission)
        /// The school of the `school` test account: every role.
        case ownSchool
        /// Another school than the `school` test account's: every role but `school`.
        case otherSchool

        /// The status `role` must get.
        func status(for role: Role) -> Int {
            switch self {
            case .readAll: role.may(.readAll) ? 200 : 403
            case .everyone, .ownSchool: 200
            case .permission(let permission): role.may(permission) ? 200 : 403
            case .otherSchool: role == .school ? 403 : 200
            }
        }
    }

    /// The pages (GET), with a sample address of each.
    static let pages: [(uri: String, access: Access)] = [
        ("/", .everyone),  // a school's account is sent to its school's card (303 followed below)
        ("/schools", .readAll),
        ("/schools?status=%D0%9D%D0%9E%D0%A0&q=1", .readAll),
        ("/schools?format=xlsx", .readAll),
        ("/schools?format=csv", .readAll),
        ("/schools/\(WebSandbox.school)", .ownSchool),
        ("/schools/SV002", .otherSchool),
        ("/diagnostics", .readAll),
        ("/diagnostics?school=SV010&campaign=1", .readAll),
        ("/diagnostics?format=xlsx", .readAll),
        ("/diagnostics?campaign=14.03.2025&format=csv", .readAll),
        ("/diagnostics/dynamics", .readAll),
        ("/diagnostics/dynamics?from=1&to=2&school=SV002&format=xlsx", .readAll),
        ("/observations", .readAll),
        ("/observations?school=SV010&format=csv", .readAll),
        ("/plans", .everyone),
        ("/plans?year=2026%2F27&versions=all", .everyone),
        ("/plans?format=xlsx", .everyone),
        ("/plans?format=csv", .everyone),
        ("/plans?school=\(WebSandbox.school)", .ownSchool),
        ("/plans?school=SV002", .otherSchool),
        ("/plans/print", .everyone),
        ("/plans/print?year=2026%2F27&format=docx", .everyone),
        ("/plans/print?school=SV002&format=md", .otherSchool),
        ("/mentoring", .readAll),
        ("/mentoring?active_on=01.09.2026&format=xlsx", .readAll),
        ("/mentoring?format=csv", .readAll),
        ("/mentoring/suggestions", .readAll),
        ("/mentoring/suggestions?all=1&format=xlsx", .readAll),
        ("/seminars", .readAll),
        ("/seminars?format=csv", .readAll),
        ("/seminars/coverage", .readAll),
        ("/seminars/coverage?period=2025%2F26&format=xlsx", .readAll),
        ("/seminars/plan", .readAll),
        ("/seminars/plan?topic=%D0%BC%D0%BE%D1%82%D0%B8%D0%B2%D0%B0%D1%86%D0%B8%D1%8F", .readAll),
    ]
}
