import NastavnikCore
import NastavnikStore

/// One line of `attestation due`: the person, what is ahead and the date of their last attestation.
public struct AttestationDueLine: Sendable, Equatable {
    public var staff: StaffLine
    public var listing: Attestation.Listing
    /// The date of the last attestation on record (category or fitness for the post).
    public var lastAttestation: LocalDate?
}
