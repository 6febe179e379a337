import NastavnikCore
import NastavnikStore

/// The municipality at a glance on a date: what the dashboard page shows, every figure with
/// the list behind it.
public struct Dashboard: Sendable, Equatable {
    public var asOf: LocalDate
    /// Every school.
    public var schools: DashboardFigure
    /// The schools by official status, in the order of `SchoolStatus.allCases`, then those
    /// without a status (a school with two statuses counts in both).
    public var schoolsByStatus: [DashboardFigure]
    /// Indicator 3.1: pedagogical and leading workers trained within the last three years.
    public var trained: DashboardFigure
    /// The same workers overdue for training (`training status --non-compliant`): their due
    /// day has passed — not those untrained within their first 3 years of work.
    public var overdue: DashboardFigure
    /// The schools with the most workers overdue, most first (at most `DashboardLimits.schools`).
    public var overdueBySchool: [DashboardFigure]
    /// For each school of `overdueBySchool`, in its order: its workers trained within 3 years.
    public var trainedBySchool: [Int]
    /// Workers with a counted diagnostic result (each one's latest with consent).
    public var diagnosed: DashboardFigure
    /// Indicator 3.2: the shares above the subject and the methodological thresholds, of the
    /// workers of the НОР schools.
    public var thresholdShares: [DashboardFigure]
    /// The shares above each threshold among the diagnosed workers of every school, as
    /// `diagnostics summary` shows them.
    public var diagnosedAbove: [DashboardFigure]
    /// The commonest deficits among the diagnosed: workers per topic, most first.
    public var topDeficits: [DashboardFigure]
    /// The roadmap's overdue terms: their number and the first of them.
    public var overdueTerms: DashboardFigure
    public var firstOverdue: [OccurrenceRow]
    /// The terms due within the next days (`DashboardLimits.days`), soonest first.
    public var dueSoon: DashboardFigure
    public var nextTerms: [OccurrenceRow]
    /// The coverage of the school year up to the date against the Ставрополь targets (30 %, 80 %).
    public var coverage: [DashboardFigure]
    /// The school year the coverage counts.
    public var schoolYear: ClosedRange<LocalDate>

    public init(
        asOf: LocalDate, schools: DashboardFigure, schoolsByStatus: [DashboardFigure], trained: DashboardFigure,
        overdue: DashboardFigure, overdueBySchool: [DashboardFigure], trainedBySchool: [Int],
        diagnosed: DashboardFigure,
        thresholdShares: [DashboardFigure], diagnosedAbove: [DashboardFigure], topDeficits: [DashboardFigure],
        overdueTerms: DashboardFigure, firstOverdue: [OccurrenceRow], dueSoon: DashboardFigure,
        nextTerms: [OccurrenceRow], coverage: [DashboardFigure], schoolYear: ClosedRange<LocalDate>
    ) {
        self.asOf = asOf
        self.schools = schools
        self.schoolsByStatus = schoolsByStatus
        self.trained = trained
        self.overdue = overdue
        self.overdueBySchool = overdueBySchool
        self.trainedBySchool = trainedBySchool
        self.diagnosed = diagnosed
        self.thresholdShares = thresholdShares
        self.diagnosedAbove = diagnosedAbove
        self.topDeficits = topDeficits
        self.overdueTerms = overdueTerms
        self.firstOverdue = firstOverdue
        self.dueSoon = dueSoon
        self.nextTerms = nextTerms
        self.coverage = coverage
        self.schoolYear = schoolYear
    }
}
