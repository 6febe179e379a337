import NastavnikCore
import NastavnikStore

final class TrainingRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let courseSlot = map["course"]
        let courseValue = row.text(courseSlot, required: true)
        let provider = row.raw(map["provider"])
        let hours = row.number(map["hours"], range: 0...10_000)
        let start = row.date(map["start"])
        let end = row.date(map["end"])
        if let start, let end, end < start {
            row.error(map["end"], "дата окончания раньше даты начала (\(end.russian))")
        }
        var status: TrainingStatus?
        if let value = row.raw(map["status"]) {
            status = TrainingStatus(userValue: value)
            if status == nil {
                row.error(
                    map["status"], "неизвестный статус; допустимы заявка, обучается, завершено, не завершено (\(value))"
                )
            }
        }
        if status == .completed, end == nil {
            row.error(map["end"], "у завершённого обучения нужна дата окончания")
        }
        let staffID = try staffMember(&row)
        guard let courseValue else { return nil }
        // A row may name the course by code, by title, or by both (two columns).
        let named = row.values(courseSlot)
        let codeValue = named.first { ImportKind.normalizeHeader($0.header) == "код программы" }?.value
        let titleValue = named.first { ImportKind.normalizeHeader($0.header) != "код программы" }?.value
        var courseID: Int64?
        var failure: ReferenceError?
        for candidate in [codeValue, titleValue].compactMap({ $0 }) where courseID == nil {
            switch try guarded({ try session.resolveCourse(candidate, provider: provider) }) {
            case .success(let id)?: courseID = id
            case .failure(let error)?: failure = failure ?? error
            case nil: break
            }
        }
        if courseID == nil {
            if let failure {
                row.error(courseSlot, failure.message)
            } else if let provider, let hours {
                if row.issues.isEmpty {
                    courseID = try guarded {
                        try session.addExternalCourse(
                            code: titleValue == nil ? nil : codeValue,
                            title: titleValue ?? courseValue, provider: provider, hours: hours)
                    }
                }
            } else {
                row.error(
                    courseSlot,
                    "программы нет в каталоге; для курса вне каталога укажите организатора и часы (\(courseValue))")
            }
        }
        let certificate = row.identifier(map["certificate"])
        guard let staffID, let courseID else { return nil }
        let dateKey = start?.iso ?? end?.iso ?? ""
        guard
            claim(
                "\(staffID)|\(courseID)|\(dateKey)", display: "\(courseValue) \(dateKey)", row: &row, slot: courseSlot),
            row.issues.isEmpty
        else { return nil }
        let entry = TrainingEntry(
            staff: .staffID(""), course: courseValue, provider: provider, hours: hours, start: start,
            end: end, status: status ?? .implied(start: start, end: end, today: options.today),
            certificate: certificate)
        return try guarded { try session.upsertTraining(entry, staffID: staffID, courseID: courseID) }
    }
}
