import NastavnikCore
import NastavnikStore

/// Everything a person's page shows: the card with the rules applied, the development plans,
/// the lessons observed and the attestation ahead.
public struct PersonCard: Sendable {
    /// The card (trainings with certificates, diagnostics, mentors and mentees) with the training
    /// and early-career rules in force applied.
    public var view: StaffCardView
    /// The person's development plans, the current version of each.
    public var plans: [PlanLine]
    /// The lessons observed, as `observations list` gives them.
    public var observations:
        [(date: LocalDate, staffID: String?, fullName: String, schoolCode: String, entry: ObservationEntry)]
    /// The attestation ahead within `Attestation.fitnessPeriodYears` (`Attestation.listing`), or
    /// `nil` when none falls due in that time (other staff; a category without a term).
    public var attestation: Attestation.Listing?
}
