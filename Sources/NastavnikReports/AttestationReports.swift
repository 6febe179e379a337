import NastavnikCore
import NastavnikStore

/// The attestation list, built from the staff lines and what `Attestation.listing` says of each.
public enum AttestationReports {
    /// `attestation due`: one row per person, with the date of the last attestation and whether the day has passed on `date`.
    public static func due(
        _ lines: [(staff: StaffLine, listing: Attestation.Listing, lastAttestation: LocalDate?)], asOf date: LocalDate,
        until: LocalDate
    ) -> ReportTable {
        ReportTable(
            columns: Column.staffIdentity + [
                .category, Column("category_date", "Дата аттестации"), Column("due", "Срок"),
                Column("what", "Что предстоит"), Column("overdue", "Срок прошёл"),
            ],
            rows: lines.map { r in
                r.staff.identityCells + [
                    Cell(r.staff.category?.russian), Cell(r.lastAttestation), Cell(r.listing.due),
                    .text(r.listing.what),
                    .bool(r.listing.isOverdue(asOf: date)),
                ]
            },
            emptyMessage: "До \(until.russian) аттестация никому не предстоит.")
    }
}
