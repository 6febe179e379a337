import Foundation
import GRDB
import NastavnikCore

/// A plan item as stored.
public struct PlanItemLine: Sendable, Equatable {
    public var id: Int64
    public var position: Int
    public var kind: PlanItemKind
    public var topic: String?
    public var description: String
    public var deadline: LocalDate?
    public var expectedResult: String?
    public var status: PlanItemStatus
    public var evidence: String?
    public var closedAt: LocalDate?
}

/// A development plan with its teacher and items.
public struct PlanLine: Sendable, Equatable {
    public var id: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var position: String
    public var schoolYear: String
    public var version: Int
    public var createdAt: String
    public var current: Bool
    public var items: [PlanItemLine]
}

/// What `plans generate` did.
public struct PlanGeneration: Sendable, Equatable {
    public var created = 0
    public var revised = 0
    public var unchanged = 0
    public var carriedOverItems = 0
    public var teachers = 0
}

extension NastavnikDatabase {
    /// The thresholds of an instrument (its own, else the defaults).
    static func thresholds(_ db: Database) throws -> [String: [Competence: Double]] {
        var map: [String: [Competence: Double]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT instrument, competence, threshold FROM competence_threshold") {
            if let c = Competence(rawValue: row[1]) { map[row[0], default: [:]][c] = row[2] }
        }
        return map
    }

    static func threshold(_ map: [String: [Competence: Double]], instrument: String, _ c: Competence) -> Double? {
        map[instrument]?[c] ?? map["*"]?[c]
    }

    /// Generates (or corrects) the development plans of a school year: every pedagogical and
    /// leading worker of a school with a status of the setting `plans.all_staff_statuses`, and
    /// elsewhere everyone with a deficit or a score at or below a threshold, gets a plan
    /// (`DevelopmentPlanner.needsPlan`). A plan whose items would not change is left alone; one
    /// that would becomes a new version, its done items kept done. Once the year has begun
    /// (`date` on or after its start), a teacher's open items of the previous year are carried
    /// over once; generated earlier, the previous year's items are left open.
    public func generatePlans(year: ClosedRange<LocalDate>, label: String, schoolCode: String? = nil,
                              asOf date: LocalDate) throws -> PlanGeneration {
        let rule = try trainingRule()
        let allStaffStatuses = Set(try settings().list(Settings.plansAllStaffStatuses).compactMap(SchoolStatus.init(russian:)))
        // Pedagogical and leading workers: whom `training status` lists, with their 3-year terms.
        let staffLines = try trainingStatus(asOf: date, schoolCode: schoolCode, rule: rule)
        let dueBy = Dictionary(staffLines.map { ($0.rowID, Self.dueBy($0, rule: rule)) }, uniquingKeysWith: { a, _ in a })
        return try writer.write { db in
            var outcome = PlanGeneration()
            let thresholds = try Self.thresholds(db)
            var schoolFilter = ""
            var arguments: StatementArguments = []
            if let schoolCode {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [schoolCode]) else {
                    throw StoreError.notFound(what: "школа", key: schoolCode)
                }
                schoolFilter = " AND st.school_id = ?"
                arguments += [id]
            }
            // The latest diagnostic of every person, with its scores and deficits.
            struct Latest { var instrument: String; var scores: [Competence: Double]; var deficits: [String] }
            var latest: [Int64: Latest] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT r.id, r.staff_id, c.instrument, r.subject_score, r.methodological_score, r.psychological_score, r.communicative_score
                FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                WHERE c.date <= ? AND r.consent = 1
                ORDER BY c.date
                """, arguments: [date.iso]) {
                var scores: [Competence: Double] = [:]
                for (i, c) in [Competence.subject, .methodological, .psychological, .communicative].enumerated() {
                    if let v: Double = row[3 + i] { scores[c] = v }
                }
                let deficits = try String.fetchAll(db, sql: "SELECT topic FROM deficit WHERE diagnostic_result_id = ? ORDER BY topic",
                                                   arguments: [row[0] as Int64])
                latest[row[1]] = Latest(instrument: row[2], scores: scores, deficits: deficits)
            }
            // Deficits seen in lessons observed during the last year.
            var observed: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.staff_id, d.topic FROM deficit d JOIN lesson_observation o ON o.id = d.observation_id
                WHERE o.date <= ? AND o.date >= ?
                """, arguments: [date.iso, date.adding(years: -1).iso]) {
                observed[row[0], default: []].append(row[1])
            }
            // Colleagues: everybody diagnosed, with strength relative to the thresholds.
            let staffRows = try Row.fetchAll(db, sql: """
                SELECT st.id, st.full_name, st.school_id, st.subjects, st.category, st.position_kind FROM staff st
                WHERE 1
                """)
            var colleagues: [PlanColleague] = []
            for row in staffRows {
                let id: Int64 = row[0]
                let l = latest[id]
                var strength = 0.0
                if let l {
                    for c in [Competence.subject, .methodological] {
                        if let v = l.scores[c], let t = Self.threshold(thresholds, instrument: l.instrument, c), t > 0 { strength += v / t - 1 }
                    }
                }
                colleagues.append(PlanColleague(
                    id: id, name: row[1], schoolID: row[2], subjects: Self.list(row[3]),
                    category: (row[4] as String?).flatMap(QualificationCategory.init(rawValue:)),
                    deficits: Set((l?.deficits ?? []).map(CellValue.fold)), strength: strength, diagnosed: l != nil))
            }
            var curators: [Int64: Set<Int64>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT school_id, curator_school_id FROM curator_pairing WHERE until IS NULL") {
                curators[row[0], default: []].insert(row[1])
            }
            var mentors: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT mentee_id, mentor_id FROM mentorship WHERE end_date IS NULL OR end_date >= ?",
                                        arguments: [date.iso]) {
                mentors[row[0]] = row[1]
            }
            var courses = try Self.planCourses(db)
            var statuses: [Int64: Set<SchoolStatus>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT school_id, status FROM school_status WHERE source = 'official'") {
                if let status = SchoolStatus(rawValue: row[1]) { statuses[row[0], default: []].insert(status) }
            }
            let events = try Row.fetchAll(db, sql: "SELECT id, title, topic, date FROM event WHERE topic IS NOT NULL").compactMap { row -> PlanEvent? in
                guard let d = LocalDate(parsing: row[3] as String) else { return nil }
                return PlanEvent(id: row[0], title: row[1], topic: row[2], date: d)
            }
            let planner = DevelopmentPlanner(year: year, minimumHours: rule.minimumHours, asOf: date)
            // Generated before the year begins, last year's plan is still running: nothing is carried.
            let carrying = date >= year.lowerBound

            let teachers = try Row.fetchAll(db, sql: """
                SELECT st.id, st.full_name, st.school_id, st.subjects, st.position_kind FROM staff st
                WHERE 1\(schoolFilter)
                ORDER BY st.school_id, st.full_name
                """, arguments: arguments)
            let now = ISO8601DateFormatter().string(from: Date())
            for row in teachers {
                let id: Int64 = row[0]
                guard let due = dueBy[id] else { continue }
                var topics: [String] = []
                var seen = Set<String>()
                func add(_ topic: String) { if seen.insert(CellValue.fold(topic)).inserted { topics.append(topic) } }
                if let l = latest[id] {
                    l.deficits.forEach(add)
                    for c in [Competence.subject, .methodological, .psychological, .communicative] {
                        if let v = l.scores[c], let t = Self.threshold(thresholds, instrument: l.instrument, c), v <= t {
                            add(Self.topic(for: c))
                        }
                    }
                }
                observed[id]?.forEach(add)
                let subjects = Self.list(row[3])
                let schoolID: Int64 = row[2]
                let schoolStatuses = statuses[schoolID] ?? []
                let teacher = PlanTeacher(id: id, name: row[1], schoolID: schoolID, subjects: subjects, topics: topics, mentorID: mentors[id],
                                          leading: (row[4] as String) == PositionKind.leading.rawValue,
                                          allStaffSchool: !schoolStatuses.isDisjoint(with: allStaffStatuses),
                                          dueForTraining: TrainingOrderPlanner.mustTrain(dueBy: due, year: year))
                let previous = carrying ? try Self.openItemsOfEarlierYear(db, staffID: id, label: label) : nil
                guard DevelopmentPlanner.needsPlan(schoolStatuses: schoolStatuses, allStaffStatuses: allStaffStatuses,
                                                   hasDeficits: !topics.isEmpty, hasOpenItems: !(previous?.items.isEmpty ?? true)) else { continue }
                outcome.teachers += 1
                var drafts = planner.draft(for: teacher, courses: &courses, events: events, colleagues: colleagues,
                                           curatorSchools: curators[schoolID] ?? [])
                // Open items of last year's plan move into this one, once.
                if let previous, !previous.items.isEmpty {
                    drafts = planner.carryOver(previous.items.map(\.draft), from: previous.label, into: drafts, teacher: teacher,
                                               courses: &courses, events: events)
                    let open = previous.items.filter { !$0.carried }
                    for item in open {
                        try db.execute(sql: "UPDATE plan_item SET status = 'carriedOver', closed_at = ? WHERE id = ?",
                                       arguments: [date.iso, item.id])
                    }
                    outcome.carriedOverItems += open.count
                }
                try Self.store(db, staffID: id, label: label, drafts: drafts, createdAt: now, outcome: &outcome)
                // Attendance recorded before the plan existed counts now (issue #16).
                _ = try Self.applyEarlierAttendance(db, staff: id, year: year)
            }
            return outcome
        }
    }

    /// The topic a competence below its threshold stands for.
    static func topic(for competence: Competence) -> String { DevelopmentPlanner.topic(for: competence) }

    static func list(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: "; ")
    }

    /// The items to carry from the latest plan of an earlier school year than `label`: those still
    /// open, and those already carried over into this year's plan by an earlier run (`carried`), so
    /// that generating twice carries them once. `nil` without an earlier plan.
    static func openItemsOfEarlierYear(_ db: Database, staffID: Int64, label: String)
        throws -> (label: String, items: [(id: Int64, carried: Bool, draft: PlanItemDraft)])? {
        guard let plan = try Row.fetchOne(db, sql: """
            SELECT id, school_year FROM development_plan WHERE staff_id = ? AND school_year < ? AND superseded_by IS NULL
            ORDER BY school_year DESC, version DESC LIMIT 1
            """, arguments: [staffID, label]) else { return nil }
        let items = try Row.fetchAll(db, sql: """
            SELECT id, kind, topic, description, course_id, event_id, deadline, expected_result, status FROM plan_item
            WHERE plan_id = ? AND (status = 'planned' OR status = 'inProgress' OR status = 'carriedOver') ORDER BY position
            """, arguments: [plan[0] as Int64]).map { row in
            (id: row[0] as Int64, carried: (row[8] as String) == PlanItemStatus.carriedOver.rawValue,
             draft: PlanItemDraft(kind: PlanItemKind(rawValue: row[1]) ?? .selfStudy, topic: row[2], description: row[3],
                                  courseID: row[4], eventID: row[5], deadline: LocalDate(parsing: (row[6] as String?) ?? "") ?? LocalDate(year: 2000, month: 1, day: 1)!,
                                  expectedResult: row[7] ?? ""))
        }
        return (plan[1], items)
    }

    /// The catalogue as the planners weigh it: every course of the catalogue with its seats left
    /// (seats less those applied for or studying).
    static func planCourses(_ db: Database) throws -> [PlanCourse] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.code, c.title, c.provider, c.hours, c.topics, c.subjects, c.start_date, c.end_date,
                   c.seats - (SELECT count(*) FROM training t WHERE t.course_id = c.id AND (t.status = 'applied' OR t.status = 'studying'))
            FROM course c WHERE c.external = 0
            """).map { row in
            PlanCourse(id: row[0], code: row[1], title: row[2], provider: row[3], hours: row[4], topics: Self.list(row[5]),
                       subjects: Self.list(row[6]), start: (row[7] as String?).flatMap { LocalDate(parsing: $0) },
                       end: (row[8] as String?).flatMap { LocalDate(parsing: $0) }, seatsLeft: row[9])
        }
    }

    /// The day a person's 3-year term of in-service training ends (nothing known: `nil`), as
    /// `TrainingRule.dueBy` counts it: from the last counting training or the start of
    /// pedagogical work, whichever is later. Plans and the order read it here.
    static func dueBy(_ line: TrainingStatusLine, rule: TrainingRule) -> LocalDate? {
        line.dueBy
    }

    /// Writes a plan for the year: new, or a new version when its items differ; done items of the
    /// previous version stay done in the new one.
    static func store(_ db: Database, staffID: Int64, label: String, drafts: [PlanItemDraft], createdAt: String,
                      outcome: inout PlanGeneration) throws {
        let current = try Row.fetchOne(db, sql: """
            SELECT id, version FROM development_plan WHERE staff_id = ? AND school_year = ? AND superseded_by IS NULL
            ORDER BY version DESC LIMIT 1
            """, arguments: [staffID, label])
        var previousStatus: [String: (status: String, evidence: String?, closedAt: String?)] = [:]
        if let current {
            let existing = try Row.fetchAll(db, sql: """
                SELECT kind, topic, course_id, event_id, description, status, evidence, closed_at, deadline, expected_result
                FROM plan_item WHERE plan_id = ? ORDER BY position
                """, arguments: [current["id"] as Int64])
            let existingKeys = existing.map { row in
                "\(row[0] as String)|\(CellValue.fold((row[1] as String?) ?? ""))|\((row[2] as Int64?) ?? 0)|\((row[3] as Int64?) ?? 0)|\(row[4] as String)"
            }
            let wantedKeys = drafts.map { "\($0.kind.rawValue)|\(CellValue.fold($0.topic ?? ""))|\($0.courseID ?? 0)|\($0.eventID ?? 0)|\($0.description)" }
            if existingKeys == wantedKeys {
                outcome.unchanged += 1
                return
            }
            for (key, row) in zip(existingKeys, existing) { previousStatus[key] = (row[5], row[6], row[7]) }
        }
        let version = (current?["version"] as Int?).map { $0 + 1 } ?? 1
        try db.execute(sql: "INSERT INTO development_plan (staff_id, school_year, version, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [staffID, label, version, createdAt])
        let planID = db.lastInsertedRowID
        if let current {
            try db.execute(sql: "UPDATE development_plan SET superseded_by = ? WHERE id = ?", arguments: [planID, current["id"] as Int64])
            outcome.revised += 1
        } else {
            outcome.created += 1
        }
        for (position, d) in drafts.enumerated() {
            let key = "\(d.kind.rawValue)|\(CellValue.fold(d.topic ?? ""))|\(d.courseID ?? 0)|\(d.eventID ?? 0)|\(d.description)"
            let kept = previousStatus[key]
            try db.execute(sql: """
                INSERT INTO plan_item (plan_id, position, kind, topic, description, course_id, event_id, deadline, expected_result, status, evidence, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [planID, position + 1, d.kind.rawValue, d.topic, d.description, d.courseID, d.eventID, d.deadline.iso,
                                 d.expectedResult, kept?.status ?? "planned", kept?.evidence, kept?.closedAt])
        }
    }

    /// Plans with their items: the current version of each, or every version with `history`.
    public func plans(schoolCode: String? = nil, year: String? = nil, planID: Int64? = nil, staff: String? = nil,
                      history: Bool = false) throws -> [PlanLine] {
        try writer.read { db in
            var sql = """
                SELECT p.id, st.staff_id, st.full_name, s.code, s.name, st.position, p.school_year, p.version, p.created_at,
                       p.superseded_by IS NULL AS current
                FROM development_plan p JOIN staff st ON st.id = p.staff_id JOIN school s ON s.id = st.school_id WHERE 1
                """
            var arguments: StatementArguments = []
            if let planID { sql += " AND p.id = ?"; arguments += [planID] }
            else if !history { sql += " AND p.superseded_by IS NULL" }
            if let schoolCode { sql += " AND s.code = ?"; arguments += [schoolCode] }
            if let year { sql += " AND p.school_year = ?"; arguments += [year] }
            if let staff { sql += " AND st.person_key = 'id:' || ?"; arguments += [staff] }
            sql += " ORDER BY s.code, st.full_name, p.school_year, p.version"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let items = try Row.fetchAll(db, sql: """
                    SELECT id, position, kind, topic, description, deadline, expected_result, status, evidence, closed_at
                    FROM plan_item WHERE plan_id = ? ORDER BY position
                    """, arguments: [row[0] as Int64]).map { r in
                    PlanItemLine(id: r[0], position: r[1], kind: PlanItemKind(rawValue: r[2]) ?? .selfStudy, topic: r[3], description: r[4],
                                 deadline: (r[5] as String?).flatMap { LocalDate(parsing: $0) }, expectedResult: r[6],
                                 status: PlanItemStatus(rawValue: r[7]) ?? .planned, evidence: r[8],
                                 closedAt: (r[9] as String?).flatMap { LocalDate(parsing: $0) })
                }
                return PlanLine(id: row[0], staffID: row[1], fullName: row[2], schoolCode: row[3], schoolName: row[4], position: row[5],
                                schoolYear: row[6], version: row[7], createdAt: row[8], current: row[9], items: items)
            }
        }
    }

    /// Marks a plan item; done and cancelled items are closed on `date`.
    public func markPlanItem(id: Int64, status: PlanItemStatus, evidence: String?, date: LocalDate) throws -> Result<Void, StoreError> {
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM plan_item WHERE id = ?", arguments: [id]) == 1 else {
                return .failure(.notFound(what: "пункт плана №", key: String(id)))
            }
            let closed = status == .done || status == .cancelled
            try db.execute(sql: "UPDATE plan_item SET status = ?, evidence = coalesce(?, evidence), closed_at = ? WHERE id = ?",
                           arguments: [status.rawValue, evidence, closed ? date.iso : nil, id])
            return .success(())
        }
    }
}
