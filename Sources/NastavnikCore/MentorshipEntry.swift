/// A mentor and a mentee.
public struct MentorshipEntry: Hashable, Sendable {
    public var mentor: StaffReference
    public var mentee: StaffReference
    public var form: String?
    public var start: LocalDate?
    public var end: LocalDate?
    public var goal: String?
    /// The date of the mentor's written consent (ТК РФ, ст. 351.8).
    public var consent: LocalDate?

    public init(
        mentor: StaffReference, mentee: StaffReference, form: String? = nil, start: LocalDate? = nil,
        end: LocalDate? = nil, goal: String? = nil, consent: LocalDate? = nil
    ) {
        self.consent = consent
        self.mentor = mentor
        self.mentee = mentee
        self.form = form
        self.start = start
        self.end = end
        self.goal = goal
    }
}
