/// One teacher's result in a diagnostic campaign.
public struct DiagnosticEntry: Hashable, Sendable {
    public var staff: StaffReference
    public var date: LocalDate
    public var instrument: String
    public var scores: [Competence: Double]
    public var deficits: [String]
    public var consent: Bool

    public init(
        staff: StaffReference, date: LocalDate, instrument: String, scores: [Competence: Double],
        deficits: [String], consent: Bool = true
    ) {
        self.staff = staff
        self.date = date
        self.instrument = instrument
        self.scores = scores
        self.deficits = deficits
        self.consent = consent
    }
}
