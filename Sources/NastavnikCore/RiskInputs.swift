/// What Nastavnik knows of one school in a year that bears on its risk profile: plain counts
/// and shares, read by the store, judged by `RiskProposer`. `nil` or a zero base is «no data».
public struct RiskInputs: Sendable, Hashable {
    public var schoolCode: String
    /// The school's pupils (`school.students`).
    public var pupils: Int?
    /// Its pedagogical workers on record.
    public var pedagogicalStaff = 0
    /// The vacant pedagogical positions (ставки) of the year's social context, if recorded.
    public var vacancies: Double?
    /// Its pedagogical and leading workers under the 3-year training rule, and of them those overdue.
    public var trainingBase = 0
    public var trainingOverdue = 0
    /// Workers with a counted diagnostic result; of them those with a deficit, and those not
    /// above the threshold of some competence.
    public var diagnosed = 0
    public var withDeficits = 0
    public var belowThreshold = 0
    /// Results of the year with both participants and a share of «2»: the participants, and the
    /// sum of each result's share (percent) times its participants.
    public var resultParticipants = 0
    public var failWeightedSum = 0.0
    /// The social context of the year, if recorded.
    public var social: SocialContext?
    /// The share of pupils with ОВЗ, percent.
    public var ovzShare: Double?

    public init(schoolCode: String) { self.schoolCode = schoolCode }

    /// The participants-weighted share of «2», percent; `nil` without participants.
    public var failShare: Double? {
        resultParticipants > 0 ? failWeightedSum / Double(resultParticipants) : nil
    }
}
