import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// Who the training order of a calendar year must send, and the courses there are: those whose
    /// 3-year term ends by the year's end (`TrainingOrderPlanner.mustTrain`), and those whose current
    /// development plan has a course item due in the year — a course, or a need without a programme.
    /// `asOf`: the day the order is drawn up (its reasons say whether a term has ended by then).
    public func trainingOrderInputs(year: ClosedRange<LocalDate>, asOf: LocalDate = .today()) throws -> (
        candidates: [OrderCandidate], courses: [PlanCourse], rule: TrainingRule
    ) {
        let inputs = try trainingOrderInputs(years: [year], asOf: asOf)
        return (inputs.candidates[0], inputs.courses, inputs.rule)
    }

    /// `trainingOrderInputs(year:asOf:)` of several years (the region's needs are three years'
    /// orders), the candidates of each year in `years`' order: the people, their deficits and the
    /// catalogue, which do not depend on the year, read once.
    public func trainingOrderInputs(years: [ClosedRange<LocalDate>], asOf: LocalDate) throws -> (
        candidates: [[OrderCandidate]], courses: [PlanCourse], rule: TrainingRule
    ) {
        let rule = try trainingRule()
        // Pedagogical and leading workers: whom `training status` lists, with their 3-year terms.
        // A year by whose end every completed training has ended reads the staff's kept last end,
        // as every later year does (`statusSource`): such years' people, terms and last ends are
        // the same, and are read once.
        let latestEnd = try writer.read {
            try String.fetchOne($0, sql: "SELECT max(end_date) FROM training WHERE status = 'completed'")
        }
        var kept: [TrainingStatusLine]?
        let statuses = try years.map { year -> [TrainingStatusLine] in
            let fromKept = latestEnd.map { $0 <= year.upperBound.iso } ?? true
            if fromKept, let kept { return kept }
            let lines = try trainingStatus(asOf: year.upperBound, rule: rule)
            if fromKept { kept = lines }
            return lines
        }
        return try writer.read { db in
            // The deficits of each person's latest result given with consent, as the plans read them:
            // a result without consent is not processed.
            var deficits: [Int64: [String]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.staff_id, d.topic FROM deficit d
                    JOIN diagnostic_result r ON r.id = d.diagnostic_result_id
                    JOIN diagnostic_campaign c ON c.id = r.campaign_id
                    WHERE r.consent = 1 AND c.date = (SELECT max(c2.date) FROM diagnostic_result r2 JOIN diagnostic_campaign c2 ON c2.id = r2.campaign_id
                                                      WHERE r2.staff_id = d.staff_id AND r2.consent = 1)
                    """)
            {
                deficits[row["staff_id"], default: []].append(row["topic"])
            }
            var people: [Int64: OrderPersonRow] = [:]
            for row in try OrderPersonRow.fetchAll(
                db,
                sql: """
                    SELECT st.id, st.person_key, st.staff_id, st.full_name, s.code AS school_code, s.name AS school_name, st.subjects
                    FROM staff st JOIN school s ON s.id = st.school_id
                    """)
            {
                people[row.id] = row
            }
            var candidates: [[OrderCandidate]] = []
            for (year, status) in zip(years, statuses) {
                // Already enrolled on a course ending this year: not sent again.
                let enrolled = Set(
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT st.person_key FROM training t JOIN staff st ON st.id = t.staff_id JOIN course c ON c.id = t.course_id
                            WHERE (t.status = 'applied' OR t.status = 'studying') AND t.end_date BETWEEN ? AND ?
                              AND \(Self.countingHours())
                            """, arguments: [year.lowerBound.iso, year.upperBound.iso, rule.minimumHours]))
                var planned: [Int64: Int64] = [:]
                var unmet: [Int64: [String]] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.staff_id, i.course_id, i.topic FROM plan_item i JOIN development_plan p ON p.id = i.plan_id
                        WHERE p.superseded_by IS NULL AND i.kind = 'course'
                          AND (i.status = 'planned' OR i.status = 'inProgress') AND i.deadline BETWEEN ? AND ?
                        ORDER BY i.plan_id, i.position
                        """, arguments: [year.lowerBound.iso, year.upperBound.iso])
                {
                    let staff: Int64 = row["staff_id"]
                    if let course: Int64 = row["course_id"] {
                        if planned[staff] == nil { planned[staff] = course }
                    } else if let topic: String = row["topic"] {
                        unmet[staff, default: []].append(topic)
                    }
                }
                var yearCandidates: [OrderCandidate] = []
                for line in status {
                    let id = line.rowID
                    guard let row = people[id], !enrolled.contains(row.personKey) else { continue }
                    let due = line.dueBy
                    let out = TrainingOrderPlanner.mustTrain(dueBy: due, year: year)
                    guard out || planned[id] != nil || unmet[id] != nil else { continue }
                    let reason =
                        out
                        ? rule.dueWording(dueBy: due, lastTrainingEnd: line.lastTrainingEnd, asOf: asOf)
                        : planned[id] != nil ? "курс в индивидуальном плане" : "потребность в ИППР без программы"
                    yearCandidates.append(
                        OrderCandidate(
                            id: id, staffID: row.staffId, fullName: row.fullName, schoolCode: row.schoolCode,
                            schoolName: row.schoolName, subjects: Self.list(row.subjects), deficits: deficits[id] ?? [],
                            reason: reason, plannedCourseID: planned[id], unmetTopics: unmet[id] ?? [], due: out))
                }
                candidates.append(yearCandidates)
            }
            return (candidates, try Self.planCourses(db), rule)
        }
    }

    /// Enrols a person on a catalogue course; refuses a full course or a second enrolment.
    /// Returns the sentence saying who was enrolled where; throws `StaleRecordError` when
    /// `expectedVersion` (`trainingVersion`, as a form was opened with) is no longer the person's.
    public func enrol(
        staff: String, course: String, start: LocalDate?, end: LocalDate?, asOf date: LocalDate,
        expectedVersion: Int64? = nil
    ) throws -> String {
        try checkedWrite { db in
            let person = try Self.person(db, staff)
            try RecordVersion.check(
                db, try Self.trainingVersionParts(db, staffRowID: person.id), expected: expectedVersion)
            guard let c = try CourseRow.fetchAll(db, where: "c.code = ?", arguments: [course]).first else {
                throw StoreError.notFound(what: "программа с кодом", key: course)
            }
            let startDate = start ?? c.start
            let endDate = end ?? c.end
            if let refusal = EnrolmentRule.checkEnrolment(
                title: c.title, start: startDate, end: endDate, seats: c.seats, taken: c.taken, today: date)
            {
                throw StoreError.invalid(refusal)
            }
            let key = "\(person.id)|\(c.id)|\(startDate?.iso ?? endDate?.iso ?? "")"
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM training WHERE training_key = ?", arguments: [key]) ?? 0
                > 0
            {
                throw StoreError.invalid("\(person.fullName) уже записан(а) на эту программу.")
            }
            let status: TrainingStatus = startDate.map { $0 > date } ?? true ? .applied : .studying
            try db.execute(
                sql: """
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [key, person.id, c.id, startDate?.iso, endDate?.iso, status.rawValue])
            return "\(person.fullName) записан(а) на «\(c.title)» (\(status.russian))."
        }
    }

    /// Records a finished course with its certificate and closes the plan items it answers.
    /// A completion is refused when `end` is after `today` or before the training's start
    /// (`EnrolmentRule.checkCompletion`). Returns the person's name and how many items closed;
    /// throws `StaleRecordError` when `expectedVersion` is no longer the person's `trainingVersion`.
    public func complete(
        staff: String, course: String, certificate: String, end: LocalDate,
        today: LocalDate = .today(), expectedVersion: Int64? = nil
    ) throws -> (name: String, closedItems: Int) {
        try checkedWrite { db in
            let person = try Self.person(db, staff)
            try RecordVersion.check(
                db, try Self.trainingVersionParts(db, staffRowID: person.id), expected: expectedVersion)
            guard let c = try CourseRow.fetchAll(db, where: "c.code = ?", arguments: [course]).first else {
                throw StoreError.notFound(what: "программа с кодом", key: course)
            }
            let open = try Self.openTraining(db, staffRowID: person.id, courseID: c.id)
            let start = (open?.start ?? c.startDate).flatMap { LocalDate(parsing: $0) }
            if let refusal = EnrolmentRule.checkCompletion(title: c.title, start: start, end: end, today: today) {
                throw StoreError.invalid(refusal)
            }
            let closed = try Self.recordCompletion(
                db, staffRowID: person.id, courseID: c.id, courseStart: c.startDate, topics: c.topics ?? "",
                certificate: certificate, end: end
            ).closedItems
            return (person.fullName, closed)
        }
    }

    /// The latest training of a person on a course that is not completed: its row and start.
    static func openTraining(_ db: Database, staffRowID: Int64, courseID: Int64) throws -> (id: Int64, start: String?)?
    {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, start_date FROM training WHERE staff_id = ? AND course_id = ? AND status <> 'completed' ORDER BY id DESC LIMIT 1
                """, arguments: [staffRowID, courseID]
        ).map { (id: $0["id"], start: $0["start_date"]) }
    }

    /// Records a finished course with its certificate, as `training complete` and the ФИС ФРДО
    /// import do: the same certificate already recorded for this person and course is that
    /// training (kept, its end corrected); else the latest training not yet completed is
    /// completed; else a completed training is added (keyed by the course's start, or the end).
    /// Then closes the open plan items for this course, or for a topic among `topics` (the
    /// course's, as stored). Returns whether the trainings changed and how many items closed.
    static func recordCompletion(
        _ db: Database, staffRowID: Int64, courseID: Int64, courseStart: String?, topics: String,
        certificate: String, end: LocalDate
    ) throws -> (changed: Bool, closedItems: Int) {
        if let same = try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM training WHERE staff_id = ? AND course_id = ? AND status = 'completed' AND certificate = ?
                ORDER BY id DESC LIMIT 1
                """, arguments: [staffRowID, courseID, certificate])
        {
            try db.execute(
                sql: "UPDATE training SET end_date = ? WHERE id = ? AND end_date IS NOT ?",
                arguments: [end.iso, same, end.iso])
        } else if let open = try openTraining(db, staffRowID: staffRowID, courseID: courseID) {
            try db.execute(
                sql: "UPDATE training SET status = 'completed', end_date = ?, certificate = ? WHERE id = ?",
                arguments: [end.iso, certificate, open.id])
        } else {
            let key = "\(staffRowID)|\(courseID)|\(courseStart ?? end.iso)"
            try db.execute(
                sql: """
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status, certificate)
                    VALUES (?, ?, ?, ?, ?, 'completed', ?)
                    ON CONFLICT(training_key) DO UPDATE SET status = 'completed', end_date = excluded.end_date, certificate = excluded.certificate
                    WHERE status IS NOT 'completed' OR end_date IS NOT excluded.end_date OR certificate IS NOT excluded.certificate
                    """, arguments: [key, staffRowID, courseID, courseStart, end.iso, certificate])
        }
        let changed = db.changesCount > 0
        // Plan items for this course, or for a topic the course covers.
        let covered = Set(Self.list(topics).map(CellValue.fold))
        var closed = 0
        for item in try Self.openPlanItems(db, staff: staffRowID, kind: .course) {
            let matches =
                (item["course_id"] as Int64?) == courseID
                || (item["topic"] as String?).map { covered.contains(CellValue.fold($0)) } ?? false
            guard matches else { continue }
            try db.execute(
                sql: "UPDATE plan_item SET status = 'done', evidence = ?, closed_at = ? WHERE id = ?",
                arguments: ["Удостоверение № \(certificate)", end.iso, item["id"] as Int64])
            closed += 1
        }
        return (changed, closed)
    }

    /// The staff row a personnel number (or a name only one person bears) names, with the name.
    static func person(_ db: Database, _ staff: String) throws -> (id: Int64, fullName: String) {
        let id = try Self.staffRowID(db, person: staff)
        return (id, try String.fetchOne(db, sql: "SELECT full_name FROM staff WHERE id = ?", arguments: [id])!)
    }
}

/// A member of staff as the training order reads them.
private struct OrderPersonRow: FetchableRecord {
    var id: Int64
    var personKey: String
    var staffId: String?
    var fullName: String
    var schoolCode: String
    var schoolName: String
    var subjects: String?

    // By column position, not Decodable's snake-case keys: the region's snapshot reads every
    // person three times (an order a year), and the keyed decoding was a quarter of its time.
    init(row: Row) {
        (id, personKey, staffId, fullName) = (row[0], row[1], row[2], row[3])
        (schoolCode, schoolName, subjects) = (row[4], row[5], row[6])
    }
}
