import NastavnikCore
import NastavnikStore

/// Everything a school's page shows on a date: its card (`SchoolDetail`), the history of its
/// statuses, its staff by kind, category and experience, the deficits of its diagnostics,
/// its plans, mentoring pairs and roadmap terms.
public struct SchoolPage: Sendable, Equatable {
    /// The deficits found in one diagnostic campaign of the school.
    public struct DeficitColumn: Sendable, Equatable {
        public var date: LocalDate
        /// The school's workers with a counted result in the campaign (`StaffPopulation`:
        /// pedagogical and leading, with consent).
        public var diagnosed: Int
        /// Workers per deficit topic.
        public var byTopic: [String: Int]

        public init(date: LocalDate, diagnosed: Int, byTopic: [String: Int]) {
            (self.date, self.diagnosed, self.byTopic) = (date, diagnosed, byTopic)
        }
    }

    public var asOf: LocalDate
    /// The school, its official statuses, curators and coordinators, staff by kind and the 3-year share.
    public var detail: SchoolDetail
    /// The changes of the official statuses, oldest first (from the audit log: the schema
    /// keeps only the statuses in force).
    public var statusHistory: [SchoolStatusChange]
    /// The statuses `schools classify --save` proposed, and why.
    public var proposedStatuses: [SchoolStatus]
    public var proposedReason: String?
    /// The staff by kind, qualification category and experience (`SchoolStaffFigures.experienceBands`),
    /// with the trained counts of `detail`.
    public var staff: SchoolStaffFigures
    /// The school's diagnostic campaigns up to the date, oldest first.
    public var deficits: [DeficitColumn]
    /// The current development plans of the school's workers.
    public var plans: [PlanLine]
    /// The mentoring pairs active on the date where the mentor or the mentee works at the school.
    public var mentorships: [MentorshipLine]
    /// The roadmap terms of the school's activities (`OccurrenceFilter.schoolCode`): a
    /// responsible person works at the school.
    public var roadmap: [OccurrenceRow]
    /// The open terms (planned, in progress, overdue) of the municipal roadmaps' activities
    /// that name the schools themselves as responsible (`OccurrenceFilter.namingSchools`:
    /// «Руководители ОО»), which concern every school; without those already in `roadmap`.
    public var concerning: [OccurrenceRow]
    /// The school's anti-risk programmes with their progress, and its development documents (issue 21).
    public var programmes: [ProgrammeProgress] = []
    public var documents: [SchoolDocumentLine] = []

    public init(
        asOf: LocalDate, detail: SchoolDetail, statusHistory: [SchoolStatusChange], proposedStatuses: [SchoolStatus],
        proposedReason: String?, staff: SchoolStaffFigures, deficits: [DeficitColumn], plans: [PlanLine],
        mentorships: [MentorshipLine], roadmap: [OccurrenceRow], concerning: [OccurrenceRow]
    ) {
        (self.asOf, self.detail, self.statusHistory) = (asOf, detail, statusHistory)
        (self.proposedStatuses, self.proposedReason, self.staff) = (proposedStatuses, proposedReason, staff)
        (self.deficits, self.plans, self.mentorships) = (deficits, plans, mentorships)
        (self.roadmap, self.concerning) = (roadmap, concerning)
    }

    /// The page's figures, each with the list behind it.
    public var figures: [DashboardFigure] {
        let code = detail.school.code
        let overdue = (roadmap + concerning).filter { $0.status == .overdue }.count
        return [
            DashboardFigure(title: "Работников", count: detail.staffCount, link: .staff(schoolCode: code)),
            DashboardFigure(
                title: "Прошли КПК за 3 года", count: detail.trainedCount, total: detail.trainedBase,
                link: .staff(schoolCode: code)),
            DashboardFigure(
                title: "Не прошли КПК за 3 года", count: detail.trainedBase - detail.trainedCount,
                total: detail.trainedBase, link: .staff(schoolCode: code, overdue: true)),
            DashboardFigure(
                title: "Прошли последнюю диагностику", count: deficits.last?.diagnosed ?? 0,
                link: .diagnostics(schoolCode: code)),
            DashboardFigure(title: "Планов развития", count: plans.count, link: .plans(schoolCode: code)),
            DashboardFigure(title: "Наставнических пар", count: mentorships.count, link: .mentoring(schoolCode: code)),
            DashboardFigure(
                title: "Мероприятий, где ответственный работает в школе", count: roadmap.count,
                link: .roadmap(schoolCode: code)),
            DashboardFigure(
                title: "Открытых мероприятий руководителей ОО", count: concerning.count, link: .roadmap()),
            DashboardFigure(title: "Просрочено из них", count: overdue, link: .roadmap(overdue: true)),
        ]
    }
}
