import NastavnikCore
import NastavnikStore

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
