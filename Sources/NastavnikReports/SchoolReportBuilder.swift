import NastavnikCore
import NastavnikStore

/// Builds one school's report: the municipal report's sections narrowed to the school (its
/// statuses and curators as a card, its staff, indicators, training, deficits, mentoring,
/// events and its risk profile), from the store's read models of that school.
public enum SchoolReportBuilder {
    /// The report of `school` as of `date`; `data` and `indicators` must be read for that school.
    public static func build(
        _ data: MunicipalData, school: SchoolOverview, asOf date: LocalDate, indicators: StaffIndicators?,
        mentorships: [MentorshipLine], events: [EventLine], minimumHours: Double,
        earlyCareer: EarlyCareerRule, risks: [RiskProfileLine] = [], programmeGaps: [ProgrammeGap] = [],
        programmes: [ProgrammeProgress] = [], documents: [SchoolDocumentLine] = []
    ) -> Report {
        var report = MunicipalReportBuilder.build(
            data, asOf: date, school: school, indicators: indicators, mentorships: mentorships, events: events,
            minimumHours: minimumHours, earlyCareer: earlyCareer, risks: risks,
            programmeGaps: programmeGaps)
        // Issue 21: the school's development documents and anti-risk programmes with their progress.
        report.sections.append(
            ReportSection(
                title: "Антирисковые программы и документы развития",
                blocks: [.table(ProgrammeTables.documents(documents)), .table(ProgrammeTables.programmes(programmes))]))
        return report
    }
}
