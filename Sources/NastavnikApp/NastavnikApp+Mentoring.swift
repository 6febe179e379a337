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

    /// Records `pairs` (mentor and mentee by personnel number) from `start`, all or none
    /// (`NastavnikDatabase.assignMentors`).
    public func assignMentors(
        _ pairs: [(mentor: String, mentee: String)], form: String?, start: LocalDate, goal: String?,
        consent: LocalDate?
    ) async throws {
        try database.assignMentors(pairs, form: form, start: start, goal: goal, consent: consent)
    }

    /// Pair `id`; `AppError` for an unknown one.
    public func mentorship(_ id: Int64) async throws -> MentorshipLine {
        guard let line = try database.mentorships(activeOn: nil, id: id).first else {
            throw AppError("Наставническая пара № \(id) не найдена.")
        }
        return line
    }

    /// The meetings of pair `id`, oldest first.
    public func mentoringMeetings(_ id: Int64) async throws -> [(date: LocalDate?, topic: String?, note: String?)] {
        try database.mentoringMeetings(mentorship: id)
    }

    /// The version of pair `id` a form about it carries (`StaleRecordError` when it changed since).
    public func mentorshipVersion(id: Int64) async throws -> Int64 { try database.mentorshipVersion(id: id).id }

    /// Records the mentor's and the mentee's written consent (`nil` keeps what is recorded).
    public func recordConsent(
        mentorship id: Int64, mentor: LocalDate?, mentee: LocalDate?, expectedVersion: Int64? = nil
    )
        async throws
    {
        try database.recordConsent(mentorship: id, mentor: mentor, mentee: mentee, expectedVersion: expectedVersion)
    }

    /// Ends a mentorship on `date`, with why.
    public func endMentorship(_ id: Int64, on date: LocalDate, reason: String? = nil, expectedVersion: Int64? = nil)
        async throws
    {
        try database.endMentorship(id: id, on: date, reason: reason, expectedVersion: expectedVersion)
    }

    /// Records a meeting of a mentorship (its date within the pair's period, not in the future).
    public func addMeeting(
        mentorship id: Int64, date: LocalDate, topic: String? = nil, note: String?, expectedVersion: Int64? = nil
    ) async throws {
        try database.addMeeting(
            mentorship: id, date: date, topic: topic, note: note, expectedVersion: expectedVersion)
    }
}
