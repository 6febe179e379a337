import GRDB
import NastavnikCore

/// What the import's row checks read from the file being loaded into: the mapping asks, the
/// store answers, so that no query lives outside the store.
extension ImportSession {
    /// A person and how many active mentoring pairs they are in, as the mentoring checks count.
    public struct MentoringLoad: Sendable, Equatable {
        /// The staff row.
        public var id: Int64
        /// The personnel number, or the full name where there is none.
        public var label: String
        public var category: QualificationCategory?
        public var pairs: Int
    }

    /// The topic lists of the course catalogue (each as stored, a list in one cell).
    public func catalogueTopicLists() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT topics FROM course WHERE topics <> ''")
    }

    /// The official statuses of every school, by school code.
    public func officialStatusesByCode() throws -> [String: [SchoolStatus]] {
        var statuses: [String: [SchoolStatus]] = [:]
        let sql =
            "SELECT s.code, st.status FROM school_status st JOIN school s ON s.id = st.school_id WHERE st.source = 'official'"
        for row in try Row.fetchAll(db, sql: sql) {
            if let status = SchoolStatus(rawValue: row["status"]) { statuses[row["code"], default: []].append(status) }
        }
        return statuses
    }

    /// Mentors with their active pairs on `date` (`.mentor`), or mentees with more than one active
    /// mentor (`.mentee`).
    public func mentoringLoads(_ side: MentoringSide, activeOn date: LocalDate) throws -> [MentoringLoad] {
        let column = side == .mentor ? "m.mentor_id" : "m.mentee_id"
        let having = side == .mentor ? "" : " HAVING count(*) > 1"
        let sql = """
            SELECT s.id, coalesce(s.staff_id, s.full_name) AS label, s.category, count(*) AS pairs
            FROM mentorship m JOIN staff s ON s.id = \(column)
            WHERE (m.end_date IS NULL OR m.end_date >= ?) AND (m.start_date IS NULL OR m.start_date <= ?)
            GROUP BY s.id\(having)
            """
        return try Row.fetchAll(db, sql: sql, arguments: [date.iso, date.iso]).map { row in
            MentoringLoad(
                id: row["id"], label: row["label"],
                category: (row["category"] as String?).flatMap(QualificationCategory.init(rawValue:)),
                pairs: row["pairs"])
        }
    }

    /// Which side of a mentoring pair `mentoringLoads` counts.
    public enum MentoringSide: Sendable {
        case mentor, mentee
    }

    /// The kinds of post of the given staff rows (a row without a known kind is left out).
    public func positionKinds(of ids: [Int64]) throws -> [Int64: PositionKind] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var kinds: [Int64: PositionKind] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT id, position_kind FROM staff WHERE id IN (\(marks))",
            arguments: StatementArguments(ids))
        {
            if let kind = PositionKind(rawValue: row["position_kind"]) { kinds[row["id"]] = kind }
        }
        return kinds
    }
}
