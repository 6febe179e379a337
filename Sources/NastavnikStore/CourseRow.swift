import GRDB
import NastavnikCore

/// A course of the catalogue with its seats taken (applications and those studying): the one
/// read of the catalogue's seats, for the planners (`planCourses`) and for enrolment.
struct CourseRow: FetchableRecord {
    var id: Int64
    var code: String?
    var title: String
    var provider: String
    var hours: Double
    var topics: String?
    var subjects: String?
    var startDate: String?
    var endDate: String?
    var seats: Int?
    var taken: Int

    // By column position (the query's order), not Decodable's snake-case keys: the planners read
    // the whole catalogue, and the keyed decoding was most of its time.
    init(row: Row) {
        (id, code, title, provider, hours, topics) = (row[0], row[1], row[2], row[3], row[4], row[5])
        (subjects, startDate, endDate, seats, taken) = (row[6], row[7], row[8], row[9], row[10])
    }

    /// The courses `condition` (SQL on `c`, the course) selects. The seats taken are counted
    /// once for all courses, through the index of the trainings' status: counted per course,
    /// a catalogue of 2,000 courses read every training of the municipality (48 ms against 6 ms).
    static func fetchAll(_ db: Database, where condition: String, arguments: StatementArguments = []) throws
        -> [CourseRow]
    {
        try fetchAll(
            db,
            sql: """
                SELECT c.id, c.code, c.title, c.provider, c.hours, c.topics, c.subjects, c.start_date, c.end_date, c.seats,
                       coalesce(taken.n, 0) AS taken
                FROM course c
                LEFT JOIN (SELECT course_id, count(*) AS n FROM training WHERE status IN ('applied', 'studying') GROUP BY course_id) taken
                    ON taken.course_id = c.id
                WHERE \(condition)
                """, arguments: arguments)
    }

    var start: LocalDate? { startDate.flatMap { LocalDate(parsing: $0) } }
    var end: LocalDate? { endDate.flatMap { LocalDate(parsing: $0) } }
    /// Seats less those taken; `nil` when the catalogue gives no number.
    var seatsLeft: Int? { seats.map { $0 - taken } }
}
