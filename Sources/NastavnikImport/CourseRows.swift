import NastavnikCore
import NastavnikStore

final class CourseRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        // A programme's code is a key: Excel's 1,23457E+11 is refused.
        let code = row.identifier(map["code"])
        let title = row.text(map["title"], required: true)
        let provider = row.text(map["provider"], required: true)
        let hours = row.number(map["hours"], required: true, range: 0...10_000)
        let start = row.date(map["start"])
        let end = row.date(map["end"])
        if let start, let end, end < start {
            row.error(map["end"], "дата окончания раньше даты начала (\(end.russian))")
        }
        let seats = row.integer(map["seats"], range: 0...100_000)
        guard let title, let provider, let hours else { return nil }
        let course = Course(
            code: code, title: title, provider: provider, hours: hours, format: row.raw(map["format"]),
            topics: Self.distinctTopics(row.list(map["topics"])), subjects: row.list(map["subjects"]),
            start: start, end: end, seats: seats)
        guard
            claim(course.courseKey, display: code ?? title, row: &row, slot: code != nil ? map["code"] : map["title"]),
            row.issues.isEmpty
        else { return nil }
        return try guarded { try session.upsertCourse(course) }
    }
}
