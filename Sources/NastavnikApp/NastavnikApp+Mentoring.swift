import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The least-cost mentors for those who need one on `date` (`MentorMatching.suggest`); with
    /// `all`, also for those who have a mentor. Writes nothing.
    public func suggestMentors(asOf date: LocalDate, all: Bool = false) async throws -> [MentorSuggestion] {
        let input = try database.mentoringInputs(asOf: date)
        return try MentorMatching.suggest(
            staff: input.staff, activeMentors: input.activeMentors, activeMentees: input.activeMentees,
            curatorsOf: input.curatorsOf, limits: input.limits, includeMentored: all,
            activePairs: input.activePairs)
    }

    /// Records a mentorship (`NastavnikDatabase.assignMentor`).
    public func assignMentor(
        mentor: String, mentee: String, form: String?, start: LocalDate, end: LocalDate?, goal: String?,
        consent: LocalDate?, second: Bool = false
    ) async throws {
        try database.assignMentor(
            mentor: mentor, mentee: mentee, form: form, start: start, end: end, goal: goal, consent: consent,
            second: second)
    }

    /// The mentorships, or those active on `date`.
    public func mentorships(activeOn date: LocalDate?) async throws -> [MentorshipLine] {
        try database.mentorships(activeOn: date)
    }

    /// Ends a mentorship on `date`.
    public func endMentorship(_ id: Int64, on date: LocalDate) async throws {
        try database.endMentorship(id: id, on: date)
    }

    /// Records a meeting of a mentorship.
    public func addMeeting(mentorship id: Int64, date: LocalDate, note: String?) async throws {
        try database.addMeeting(mentorship: id, date: date, note: note)
    }
}
