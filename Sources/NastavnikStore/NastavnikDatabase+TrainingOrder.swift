import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// Who the training order of a calendar year must send, and the courses there are: those whose
    /// 3-year term ends by the year's end (`TrainingOrderPlanner.mustTrain`), and those whose current
    /// development plan has a course item due in the year — a course, or a need without a programme.
    /// `asOf`: the day the order is drawn up (its reasons say whether a term has ended by then).
    public func trainingOrderInputs(year: ClosedRange<LocalDate>, asOf: LocalDate = .today()) throws -> (candidates: [OrderCandidate], courses: [PlanCourse], rule: TrainingRule) {
        let rule = try trainingRule()
        // Pedagogical and leading workers: whom `training status` lists, with their 3-year terms.
        let status = try trainingStatus(asOf: year.upperBound, rule: rule)
        return try writer.read { db in
            // Already enrolled on a course ending this year: not sent again.
            let enrolled = Set(try String.fetchAll(db, sql: """
                SELECT st.person_key FROM training t JOIN staff st ON st.id = t.staff_id JOIN course c ON c.id = t.course_id
                WHERE (t.status = 'applied' OR t.status = 'studying') AND t.end_date BETWEEN ? AND ?
                  AND coalesce(t.hours, c.hours) >= ?
                """, arguments: [year.lowerBound.iso, year.upperBound.iso, rule.minimumHours]))
            var planned: [Int64: Int64] = [:]
            var unmet: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT p.staff_id, i.course_id, i.topic FROM plan_item i JOIN development_plan p ON p.id = i.plan_id
                WHERE p.superseded_by IS NULL AND i.kind = 'course'
                  AND (i.status = 'planned' OR i.status = 'inProgress') AND i.deadline BETWEEN ? AND ?
                ORDER BY i.plan_id, i.position
                """, arguments: [year.lowerBound.iso, year.upperBound.iso]) {
                if let course: Int64 = row[1] {
                    if planned[row[0]] == nil { planned[row[0]] = course }
                } else if let topic: String = row[2] {
                    unmet[row[0], default: []].append(topic)
                }
            }
            // The deficits of each person's latest result given with consent, as the plans read them:
            // a result without consent is not processed.
            var deficits: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.staff_id, d.topic FROM deficit d
                JOIN diagnostic_result r ON r.id = d.diagnostic_result_id
                JOIN diagnostic_campaign c ON c.id = r.campaign_id
                WHERE r.consent = 1 AND c.date = (SELECT max(c2.date) FROM diagnostic_result r2 JOIN diagnostic_campaign c2 ON c2.id = r2.campaign_id
                                                  WHERE r2.staff_id = d.staff_id AND r2.consent = 1)
                """) {
                deficits[row[0], default: []].append(row[1])
            }
            var people: [Int64: Row] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT st.id, st.person_key, st.staff_id, st.full_name, s.code, s.name, st.subjects
                FROM staff st JOIN school s ON s.id = st.school_id
                """) {
                people[row[0]] = row
            }
            var candidates: [OrderCandidate] = []
            for line in status {
                let id = line.rowID
                guard let row = people[id], !enrolled.contains(row[1]) else { continue }
                let due = Self.dueBy(line, rule: rule)
                let out = TrainingOrderPlanner.mustTrain(dueBy: due, year: year)
                guard out || planned[id] != nil || unmet[id] != nil else { continue }
                let reason = out ? rule.dueWording(dueBy: due, lastTrainingEnd: line.lastTrainingEnd, asOf: asOf)
                    : planned[id] != nil ? "курс в индивидуальном плане" : "потребность в ИППР без программы"
                candidates.append(OrderCandidate(id: id, staffID: row[2], fullName: row[3], schoolCode: row[4], schoolName: row[5],
                                                 subjects: Self.list(row[6]), deficits: deficits[id] ?? [], reason: reason,
                                                 plannedCourseID: planned[id], unmetTopics: unmet[id] ?? [], due: out))
            }
            return (candidates, try Self.planCourses(db), rule)
        }
    }

    /// Enrols a person on a catalogue course; refuses a full course or a second enrolment.
    public func enrol(staff: String, course: String, start: LocalDate?, end: LocalDate?, asOf date: LocalDate) throws -> Result<String, StoreError> {
        try writer.write { db in
            let staffRowID: Int64
            switch try Self.staffRowID(db, person: staff) {
            case .failure(let error): return .failure(error)
            case .success(let id): staffRowID = id
            }
            let staffRow = try Row.fetchOne(db, sql: "SELECT id, full_name FROM staff WHERE id = ?", arguments: [staffRowID])!
            guard let c = try Row.fetchOne(db, sql: "SELECT id, title, seats, start_date, end_date FROM course WHERE code = ?", arguments: [course]) else {
                return .failure(.notFound(what: "программа с кодом", key: course))
            }
            let courseID: Int64 = c["id"]
            let taken = try Int.fetchOne(db, sql: "SELECT count(*) FROM training WHERE course_id = ? AND (status = 'applied' OR status = 'studying')",
                                         arguments: [courseID]) ?? 0
            let startDate = start ?? (c["start_date"] as String?).flatMap { LocalDate(parsing: $0) }
            let endDate = end ?? (c["end_date"] as String?).flatMap { LocalDate(parsing: $0) }
            if let refusal = EnrolmentRule.checkEnrolment(title: c["title"], start: startDate, end: endDate, seats: c["seats"], taken: taken, today: date) {
                return .failure(.invalid(refusal))
            }
            let key = "\(staffRow["id"] as Int64)|\(courseID)|\(startDate?.iso ?? endDate?.iso ?? "")"
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM training WHERE training_key = ?", arguments: [key]) ?? 0 > 0 {
                return .failure(.invalid("\(staffRow["full_name"] as String) уже записан(а) на эту программу."))
            }
            let status: TrainingStatus = startDate.map { $0 > date } ?? true ? .applied : .studying
            try db.execute(sql: """
                INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [key, staffRow["id"] as Int64, courseID, startDate?.iso, endDate?.iso, status.rawValue])
            return .success("\(staffRow["full_name"] as String) записан(а) на «\(c["title"] as String)» (\(status.russian)).")
        }
    }

    /// Records a finished course with its certificate and closes the plan items it answers.
    /// A completion is refused when `end` is after `today` or before the training's start
    /// (`EnrolmentRule.checkCompletion`).
    public func complete(staff: String, course: String, certificate: String, end: LocalDate,
                         today: LocalDate = .today()) throws -> Result<(name: String, closedItems: Int), StoreError> {
        try writer.write { db in
            let staffRowID: Int64
            switch try Self.staffRowID(db, person: staff) {
            case .failure(let error): return .failure(error)
            case .success(let id): staffRowID = id
            }
            let staffRow = try Row.fetchOne(db, sql: "SELECT id, full_name FROM staff WHERE id = ?", arguments: [staffRowID])!
            guard let c = try Row.fetchOne(db, sql: "SELECT id, title, topics, start_date FROM course WHERE code = ?", arguments: [course]) else {
                return .failure(.notFound(what: "программа с кодом", key: course))
            }
            let staffID: Int64 = staffRow["id"], courseID: Int64 = c["id"]
            let open = try Row.fetchOne(db, sql: """
                SELECT id, start_date FROM training WHERE staff_id = ? AND course_id = ? AND status <> 'completed' ORDER BY id DESC LIMIT 1
                """, arguments: [staffID, courseID])
            let start = ((open?[1] as String?) ?? (c["start_date"] as String?)).flatMap { LocalDate(parsing: $0) }
            if let refusal = EnrolmentRule.checkCompletion(title: c["title"], start: start, end: end, today: today) {
                return .failure(.invalid(refusal))
            }
            if let open {
                try db.execute(sql: "UPDATE training SET status = 'completed', end_date = ?, certificate = ? WHERE id = ?",
                               arguments: [end.iso, certificate, open[0] as Int64])
            } else {
                let key = "\(staffID)|\(courseID)|\(((c["start_date"] as String?) ?? end.iso))"
                try db.execute(sql: """
                    INSERT INTO training (training_key, staff_id, course_id, start_date, end_date, status, certificate)
                    VALUES (?, ?, ?, ?, ?, 'completed', ?)
                    ON CONFLICT(training_key) DO UPDATE SET status = 'completed', end_date = excluded.end_date, certificate = excluded.certificate
                    """, arguments: [key, staffID, courseID, c["start_date"] as String?, end.iso, certificate])
            }
            // Plan items for this course, or for a topic the course covers.
            let topics = Set(Self.list(c["topics"]).map(CellValue.fold))
            var closed = 0
            for item in try Row.fetchAll(db, sql: """
                SELECT i.id, i.course_id, i.topic FROM plan_item i JOIN development_plan p ON p.id = i.plan_id
                WHERE p.staff_id = ? AND p.superseded_by IS NULL AND i.kind = 'course' AND (i.status = 'planned' OR i.status = 'inProgress')
                """, arguments: [staffID]) {
                let matches = (item[1] as Int64?) == courseID || (item[2] as String?).map { topics.contains(CellValue.fold($0)) } ?? false
                guard matches else { continue }
                try db.execute(sql: "UPDATE plan_item SET status = 'done', evidence = ?, closed_at = ? WHERE id = ?",
                               arguments: ["Удостоверение № \(certificate)", end.iso, item[0] as Int64])
                closed += 1
            }
            return .success((staffRow["full_name"], closed))
        }
    }
}
