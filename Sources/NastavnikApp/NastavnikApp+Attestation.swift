import NastavnikCore
import NastavnikStore

/// One line of `attestation due`: the person, what is ahead and the date of their last attestation.
public struct AttestationDueLine: Sendable, Equatable {
    public var staff: StaffLine
    public var listing: Attestation.Listing
    /// The date of the last attestation on record (category or fitness for the post).
    public var lastAttestation: LocalDate?
}

/// Who must be attested by a date, in the list's order.
public struct AttestationDueList: Sendable, Equatable {
    public var lines: [AttestationDueLine]
    public var asOf: LocalDate
    public var until: LocalDate
}

extension NastavnikApp {
    /// Pedagogical workers due for attestation by `until` (`Attestation.listing`), by due day,
    /// school and name.
    public func attestationDue(until: LocalDate, schoolCode: String? = nil, asOf date: LocalDate) async throws
        -> AttestationDueList
    {
        let staff = try database.staff(schoolCode: schoolCode, asOf: date)
        // By row id: people without a personnel number have dates too.
        let cards = try database.attestationDates(schoolCode: schoolCode)
        let lines = staff.compactMap { line -> AttestationDueLine? in
            let since = cards[line.rowID]
            return Attestation.listing(
                kind: line.positionKind, category: line.category, since: since, postSince: line.postSince,
                asOf: date, until: until
            )
            .map { AttestationDueLine(staff: line, listing: $0, lastAttestation: since) }
        }
        let ordered = lines.sorted {
            Attestation.precedes(
                ($0.listing.due, $0.staff.schoolCode, $0.staff.fullName),
                ($1.listing.due, $1.staff.schoolCode, $1.staff.fullName))
        }
        return AttestationDueList(lines: ordered, asOf: date, until: until)
    }
}
