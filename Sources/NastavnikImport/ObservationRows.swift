import NastavnikCore
import NastavnikStore

final class ObservationRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let date = row.date(map["date"], required: true)
        let observer = row.text(map["observer"], required: true)
        let (scores, bad) = ObservationEntry.scores(row.list(map["scores"]))
        for item in bad {
            row.error(map["scores"], "оценка по критерию записывается как «критерий: балл» (\(item))")
        }
        if let date, date > options.today {
            row.error(map["date"], "урок ещё не состоялся: дата в будущем (\(date.russian))")
        }
        let staffID = try staffMember(&row)
        guard let date, let observer, let staffID else { return nil }
        guard
            claim(
                "\(staffID)|\(date.iso)|\(CellValue.fold(observer))", display: "\(date.russian), \(observer)",
                row: &row, slot: nil),
            row.issues.isEmpty
        else { return nil }
        checkTopics(Self.distinctTopics(row.list(map["deficits"])), line: row.line)
        let entry = ObservationEntry(
            date: date, observer: observer, observerRole: row.raw(map["observer_role"]),
            className: row.raw(map["class_name"]), subject: row.raw(map["subject"]), focus: row.raw(map["focus"]),
            scores: scores, deficits: Self.distinctTopics(row.list(map["deficits"])), note: row.raw(map["note"]))
        return try guarded { try session.upsertObservation(entry, staffID: staffID) }
    }
}
