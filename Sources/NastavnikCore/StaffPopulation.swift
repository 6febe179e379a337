/// Who the staff rules count. One home for `indicators`, `diagnostics summary` and coverage.
public enum StaffPopulation {
    /// Pedagogical and leading workers: Заиграевский 3.1 and 3.2 («педагогических и руководящих
    /// работников»); Ставрополь 2.1 and 2.7 («от педагогических работников ОО», the 80 % row
    /// naming «руководителей общеобразовательных организаций»). Other staff are outside.
    public static func counts(_ kind: PositionKind) -> Bool { kind == .pedagogical || kind == .leading }

    /// The diagnostic results that count: with the person's consent, of a counted worker; of
    /// one campaign when given, else each person's latest result on or before `date` (every
    /// campaign when `date` is `nil`).
    public static func countedResults(
        _ results: [DiagnosticRecord], upTo date: LocalDate? = nil,
        campaign: Int64? = nil
    ) -> [DiagnosticRecord] {
        var latest: [Int64: DiagnosticRecord] = [:]
        for r in results where r.consent && counts(r.kind) {
            if let campaign, r.campaignID != campaign { continue }
            if let date, r.campaignDate > date { continue }
            if let kept = latest[r.staffRowID], (kept.campaignDate, kept.campaignID) > (r.campaignDate, r.campaignID) {
                continue
            }
            latest[r.staffRowID] = r
        }
        return latest.values.sorted {
            ($0.schoolCode, $0.fullName, $0.staffRowID) < ($1.schoolCode, $1.fullName, $1.staffRowID)
        }
    }
}
