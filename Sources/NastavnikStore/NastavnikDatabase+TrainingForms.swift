import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// A person's trainings as the audit log names them (by `training_key`). Read again inside
    /// each checked write, so a training added since the form was opened shows as newer.
    static func trainingVersionParts(_ db: Database, staffRowID: Int64) throws -> [RecordVersion.Part] {
        try String.fetchAll(
            db, sql: "SELECT training_key FROM training WHERE staff_id = ? ORDER BY id", arguments: [staffRowID]
        ).map { RecordVersion.Part(table: "training", key: $0) }
    }

    /// The version the training forms of a person's card are opened on (`RecordVersion`): the
    /// latest change to any of their trainings. `staff` as `enrol` takes it.
    public func trainingVersion(staff: String) throws -> RecordVersion {
        try reader.read { db in
            let id = try Self.staffRowID(db, person: staff)
            return try RecordVersion.latest(db, try Self.trainingVersionParts(db, staffRowID: id))
        }
    }

    /// The catalogue's courses that have a code (what `enrol` and `complete` name), by title:
    /// the choices of the training forms.
    public func catalogueCourses() throws -> [PlanCourse] {
        try reader.read { db in try Self.planCourses(db) }.filter { $0.code != nil }
            .sorted { ($0.title, $0.code ?? "") < ($1.title, $1.code ?? "") }
    }
}
