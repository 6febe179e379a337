/// One mentee's suggested mentor, or the reason there is none.
public struct MentorSuggestion: Sendable, Equatable {
    public var mentee: MentoringPerson
    /// Why the person needs a mentor («молодой специалист», low diagnostic scores).
    public var need: [String]
    public var mentor: MentoringPerson?
    public var cost: Int?
    public var reason: String
}
