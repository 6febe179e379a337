import NastavnikCore

/// The list behind a figure of the dashboard or a school's page, as a filter: the web front
/// end maps it to a URL (and the command line to a command), so that no layer below the web
/// knows an address.
public enum DashboardLink: Sendable, Hashable {
    /// The schools with this official status; `nil`: every school.
    case schools(status: SchoolStatus?)
    /// The schools without an official status.
    case schoolsWithoutStatus
    /// One school's page.
    case school(code: String)
    /// The staff list: of one school (or all), only those overdue for training (non-compliant
    /// with the 3-year rule), only those with this deficit in their latest diagnostic.
    case staff(schoolCode: String? = nil, overdue: Bool = false, deficit: String? = nil)
    /// The diagnostics summary (each teacher's latest result), of one school or all.
    case diagnostics(schoolCode: String? = nil)
    /// The roadmap's terms: only the overdue ones, or only those due within so many days; of
    /// one school's activities (`OccurrenceFilter.schoolCode`), or all.
    case roadmap(overdue: Bool = false, dueWithinDays: Int? = nil, schoolCode: String? = nil)
    /// One term of a roadmap activity (its history and evidence).
    case occurrence(id: Int64)
    /// Seminar coverage in the school year, against a target (every activity when `nil`).
    case seminars(target: CoverageTarget? = nil)
    /// The development plans (of one school, or all).
    case plans(schoolCode: String? = nil)
    /// The mentoring pairs (of one school, or all).
    case mentoring(schoolCode: String? = nil)
}
