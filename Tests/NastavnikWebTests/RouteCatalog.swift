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
        ("/?format=xlsx", .everyone),  // a school account: its school, as on "/"
        ("/?format=csv", .everyone),
        ("/schools", .readAll),
        ("/schools?status=%D0%B1%D0%B5%D0%B7%20%D1%81%D1%82%D0%B0%D1%82%D1%83%D1%81%D0%B0", .readAll),
        ("/schools?status=%D0%9D%D0%9E%D0%A0&q=1", .readAll),
        ("/schools?format=xlsx", .readAll),
        ("/schools?format=csv", .readAll),
        ("/schools/\(WebSandbox.school)", .ownSchool),
        ("/schools/\(WebSandbox.school)?format=xlsx", .ownSchool),
        ("/schools/SV002", .otherSchool),
        ("/staff", .everyone),  // a school's account: its own school's staff
        ("/staff?q=%D0%B0%D0%B1%D1%80%D0%B0%D0%BC%D0%BE%D0%B2%D0%B0&overdue=1&page=1", .everyone),
        ("/staff?school=\(WebSandbox.school)&format=csv", .everyone),
        ("/staff/\(WebSandbox.person)", .ownSchool),
        ("/staff/\(WebSandbox.person)?format=xlsx", .ownSchool),
        ("/staff/\(WebSandbox.otherPerson)", .otherSchool),
        ("/classification", .readAll),
        ("/classification?differences=1&format=csv", .readAll),
        ("/curators", .readAll),
        ("/curators?format=xlsx", .readAll),
        ("/curators/suggestions", .readAll),
        ("/curators/order?format=docx", .readAll),
        ("/indicators", .readAll),
        ("/indicators?school=SV002&format=csv", .readAll),
        ("/indicators?year=2025", .readAll),
        ("/risks", .readAll),
        ("/risks?year=2025&level=high&format=csv", .readAll),
        ("/reports", .readAll),
        ("/reports/municipality", .readAll),
        ("/reports/municipality?format=md&full=1", .readAll),
        ("/reports/school?code=\(WebSandbox.school)&format=md", .ownSchool),
        ("/reports/school?code=SV002", .otherSchool),
        ("/audit", .permission(.readAudit)),
        ("/audit?table=school&format=xlsx", .permission(.readAudit)),
        ("/admin/users", .permission(.manageUsers)),
        ("/admin/users/test-viewer", .permission(.manageUsers)),
        ("/admin/backup", .permission(.backup)),
        ("/roadmap", .everyone),  // a school's account: its school's terms only
        (
            "/roadmap?overdue=1&due-within=30&responsible=%D0%9C%D0%A6%D0%9E%D0%9A%D0%9E&status=%D0%BF%D1%80%D0%BE%D1%81%D1%80%D0%BE%D1%87%D0%B5%D0%BD%D0%BE",
            .everyone
        ),
        ("/roadmap?roadmap=borovsky-2020&format=xlsx", .everyone),
        ("/roadmap?format=csv", .everyone),
        ("/roadmap?school=SV002", .otherSchool),
        ("/roadmap/occurrences/1", .readAll),  // a municipal roadmap's term: no school's
        ("/roadmap/calendar.ics?overdue=1", .everyone),
        ("/roadmap/report", .everyone),
        ("/roadmap/report?period=2023Q2&format=docx", .everyone),
        ("/roadmap/report?period=2023&format=xlsx", .everyone),
        ("/roadmap/report?period=2023Q2&format=md", .everyone),
        ("/roadmap/report?period=2023Q2&format=html", .everyone),
        ("/training", .readAll),
        ("/training?school=SV002&overdue=1&as-of=01.09.2026&format=xlsx", .readAll),
        ("/training?format=csv", .readAll),
        ("/training/forecast?until=31.12.2027", .readAll),
        ("/training/forecast?format=xlsx", .readAll),
        ("/training/order?year=2027&group-by=course", .readAll),
        ("/training/order?year=2027&format=docx", .readAll),
        ("/training/order?year=2027&format=xlsx", .readAll),
        ("/training/order?year=2027&format=md", .readAll),
        ("/training/attestation?until=31.12.2027", .readAll),
        ("/training/attestation?format=csv", .readAll),
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
        ("/mentoring/pairs/1", .readAll),
        ("/seminars", .readAll),
        ("/seminars?format=csv", .readAll),
        ("/seminars/coverage", .readAll),
        ("/seminars/coverage?period=2025%2F26&format=xlsx", .readAll),
        ("/seminars/plan", .readAll),
        ("/seminars/plan?topic=%D0%BC%D0%BE%D1%82%D0%B8%D0%B2%D0%B0%D1%86%D0%B8%D1%8F", .readAll),
        ("/diagnostics/thresholds", .readAll),
        ("/diagnostics/thresholds?instrument=*", .readAll),
        ("/imports", .permission(.runImports)),
        ("/imports?format=xlsx", .permission(.runImports)),
        ("/imports?format=csv&page=1", .permission(.runImports)),
    ]

    /// The records of the detail pages the demo has none of (plans, seminars, evidence files):
    /// the walk makes them first (`RouteAccessTests.detailRecords`).
    struct DetailRecords: Sendable {
        /// A plan of the `school` test account's school, and one of its items.
        var ownPlan: Int64
        var ownItem: Int64
        /// A plan of another school.
        var otherPlan: Int64
        /// A seminar (no school's: the municipality's methodological service holds it).
        var event: Int64
        /// Evidence files: of a term of the account's school's roadmap, and of a municipal term.
        var ownFile: Int64
        var municipalFile: Int64
    }

    /// The detail pages of `records`, with their access.
    static func detailPages(_ records: DetailRecords) -> [(uri: String, access: Access)] {
        [
            ("/plans/\(records.ownPlan)", .ownSchool),
            ("/plans/\(records.ownPlan)?format=docx", .ownSchool),
            ("/plans/\(records.ownPlan)/items/\(records.ownItem)", .ownSchool),
            ("/plans/\(records.otherPlan)", .otherSchool),
            ("/plans/\(records.otherPlan)?format=md", .otherSchool),
            ("/seminars/\(records.event)", .readAll),
            ("/seminars/\(records.event)?format=xlsx", .readAll),
            ("/seminars/\(records.event)/invitation", .readAll),
            ("/seminars/\(records.event)/invitation?format=docx", .readAll),
            ("/roadmap/files/\(records.ownFile)", .ownSchool),
            ("/roadmap/files/\(records.municipalFile)", .readAll),  // a municipal term: no school's
        ]
    }

    /// The region's pages (`serve --region`), walked with a region by `RegionRoutesTests`: without
    /// one they are 404 for the roles that may read them. Read-only: the region has no forms.
    static let regionPages: [(uri: String, access: Access)] = [
        ("/region", .readAll),
        ("/region?date=22.11.2026", .readAll),
        ("/region?format=html", .readAll),
        ("/region?format=xlsx", .readAll),
        ("/region?format=docx", .readAll),
        ("/region?format=md&date=22.11.2026", .readAll),
    ]

    /// The forms (POST), with who may send them: with the session's token and no fields, a role
    /// with the right gets its fields refused (400 or 422), any other 403; without the token,
    /// every role gets 403. Nothing is written either way. A new form is added here with its access.
    static let forms: [(uri: String, access: Access)] = [
        ("/roadmap/occurrences/1/status", .permission(.markRoadmap)),  // a municipal roadmap's term: no school's
        ("/curators/assign", .permission(.editCurators)),
        ("/curators/capacity", .permission(.editCurators)),
        ("/staff/\(WebSandbox.person)/training/enrol", .permission(.editTraining)),
        ("/staff/\(WebSandbox.person)/training/complete", .permission(.editTraining)),
        ("/seminars/plan", .permission(.editSeminars)),
        ("/seminars/1/schedule", .permission(.editSeminars)),
        ("/seminars/1/move", .permission(.editSeminars)),
        ("/seminars/1/attendance", .permission(.editSeminars)),
        ("/diagnostics/thresholds", .permission(.editDiagnostics)),
        ("/observations", .permission(.editObservations)),
        ("/schools/SV010/statuses", .permission(.editSchools)),
        ("/classification/accept", .permission(.editSchools)),
        ("/admin/users", .permission(.manageUsers)),
        ("/admin/users/test-viewer/role", .permission(.manageUsers)),
        ("/admin/users/test-viewer/access", .permission(.manageUsers)),
        ("/admin/users/test-viewer/password", .permission(.manageUsers)),
        ("/imports", .permission(.runImports)),  // without its file: the form again (422)
        // The kind is read before the job (none here) is looked up: a missing one is a 400.
        ("/imports/0/check", .permission(.runImports)),
        ("/imports/0/apply", .permission(.runImports)),
        // The demo has no plans: the version is read (400 without one) before the plan is looked up.
        ("/plans/generate", .permission(.editPlans)),
        ("/plans/1/items", .permission(.editPlans)),
        ("/plans/1/items/1", .permission(.editPlans)),
        ("/plans/1/items/1/status", .permission(.editPlans)),
        ("/plans/1/items/1/remove", .permission(.editPlans)),
        ("/mentoring/suggestions/assign", .permission(.editMentoring)),
        ("/mentoring/pairs/1/consent", .permission(.editMentoring)),
        ("/mentoring/pairs/1/meetings", .permission(.editMentoring)),
        ("/mentoring/pairs/1/end", .permission(.editMentoring)),
    ]
}
