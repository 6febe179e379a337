import NastavnikCore
import NastavnikStore

final class DiagnosticRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let date = row.date(map["date"], required: true)
        let instrument = row.raw(map["instrument"]) ?? ""
        var scores: [Competence: Double] = [:]
        let scoreKeys: [(Competence, String)] = [
            (.subject, "subject_score"), (.methodological, "methodological_score"),
            (.psychological, "psych_score"), (.communicative, "communicative_score"),
        ]
        for (competence, key) in scoreKeys {
            if let value = row.number(map[key], range: 0...1000) { scores[competence] = value }
        }
        let consent = row.boolean(map["consent"]) ?? true
        let deficits = Self.distinctTopics(row.list(map["deficits"]))
        let staffID = try staffMember(&row)
        guard let date, let staffID else { return nil }
        guard
            claim(
                "\(staffID)|\(date.iso)|\(instrument)",
                display: row.raw(map["staff_id"]) ?? row.raw(map["full_name"]) ?? "",
                row: &row, slot: nil), row.issues.isEmpty
        else { return nil }
        checkTopics(deficits, line: row.line)
        let entry = DiagnosticEntry(
            staff: .staffID(""), date: date, instrument: instrument, scores: scores,
            deficits: deficits, consent: consent)
        return try guarded { try session.upsertDiagnostic(entry, staffID: staffID) }
    }
}
