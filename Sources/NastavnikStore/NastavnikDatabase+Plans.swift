import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The thresholds of an instrument (its own, else the defaults).
    static func thresholds(_ db: Database) throws -> [String: [Competence: Double]] {
        var map: [String: [Competence: Double]] = [:]
        for row in try ThresholdRow.fetchAll(
            db, sql: "SELECT instrument, competence, threshold FROM competence_threshold")
        {
            if let c = Competence(rawValue: row.competence) { map[row.instrument, default: [:]][c] = row.threshold }
        }
        return map
    }

    static func threshold(_ map: [String: [Competence: Double]], instrument: String, _ c: Competence) -> Double? {
        map[instrument]?[c] ?? map["*"]?[c]
    }

    /// Generates (or corrects) the development plans of a school year in one transaction: reads
    /// what the plans weigh (`PlanGenerationInputs`), lets `decide` (`PlanGenerator.decide`)
    /// settle them, and writes them. A plan whose items would not change is left alone; one that
    /// would becomes a new version, its done items kept done. Once the year has begun (`date` on
    /// or after its start), a teacher's open items of the previous year are carried over once;
    /// generated earlier, the previous year's items are left open.
    /// `progress` hears how many of the people with a plan have been written, of how many
    /// (the web's progress page for a whole municipality's plans).
    public func generatePlans(
        year: ClosedRange<LocalDate>, label: String, schoolCode: String? = nil, asOf date: LocalDate,
        decide: (PlanGenerationInputs) -> [PlanDecision], progress: (_ done: Int, _ of: Int) -> Void = { _, _ in }
    ) throws(StoreError) -> PlanGeneration {
        let rule: TrainingRule
        let allStaffStatuses: Set<SchoolStatus>
        let staffLines: [TrainingStatusLine]
        do {
            rule = try trainingRule()
            allStaffStatuses = Set(
                try settings().list(Settings.plansAllStaffStatuses).compactMap(SchoolStatus.init(russian:)))
            // Pedagogical and leading workers: whom `training status` lists, with their 3-year terms.
            staffLines = try trainingStatus(asOf: date, schoolCode: schoolCode, rule: rule)
        } catch {
            throw .invalid(russianStoreErrorDescription(error) ?? "\(error)")
        }
        let dueBy = Dictionary(staffLines.map { ($0.rowID, $0.dueBy) }, uniquingKeysWith: { a, _ in a })
        return try typedWrite { db in
            let inputs = try Self.planInputs(
                db, year: year, label: label, schoolCode: schoolCode, asOf: date, rule: rule,
                allStaffStatuses: allStaffStatuses, dueBy: dueBy)
            return try Self.savePlans(db, decide(inputs), year: year, label: label, asOf: date, progress: progress)
        }
    }

    /// What plan generation weighs, read inside its transaction. `dueBy`: the 3-year terms of the
    /// pedagogical and leading workers, the only ones considered.
    static func planInputs(
        _ db: Database, year: ClosedRange<LocalDate>, label: String, schoolCode: String?, asOf date: LocalDate,
        rule: TrainingRule, allStaffStatuses: Set<SchoolStatus>, dueBy: [Int64: LocalDate?]
    ) throws -> PlanGenerationInputs {
        var schoolFilter = ""
        var arguments: StatementArguments = []
        if let schoolCode {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [schoolCode])
            else {
                throw StoreError.notFound(what: "школа", key: schoolCode)
            }
            schoolFilter = " AND st.school_id = ?"
            arguments += [id]
        }
        // The latest diagnostic of every person, with its scores and deficits.
        var latest: [Int64: PlanGenerationInputs.Diagnostic] = [:]
        for row in try DiagnosticScoreRow.fetchAll(
            db,
            sql: """
                SELECT r.id, r.staff_id, c.instrument, r.subject_score, r.methodological_score, r.psychological_score, r.communicative_score
                FROM diagnostic_result r JOIN diagnostic_campaign c ON c.id = r.campaign_id
                WHERE c.date <= ? AND r.consent = 1
                ORDER BY c.date
                """, arguments: [date.iso])
        {
            let deficits = try String.fetchAll(
                db, sql: "SELECT topic FROM deficit WHERE diagnostic_result_id = ? ORDER BY topic", arguments: [row.id])
            latest[row.staffId] = PlanGenerationInputs.Diagnostic(
                instrument: row.instrument, scores: row.scores, deficits: deficits)
        }
        // Deficits seen in lessons observed during the last year.
        var observed: [Int64: [String]] = [:]
        for row in try StaffTopicRow.fetchAll(
            db,
            sql: """
                SELECT d.staff_id, d.topic FROM deficit d JOIN lesson_observation o ON o.id = d.observation_id
                WHERE o.date <= ? AND o.date >= ?
                """, arguments: [date.iso, date.adding(years: -1).iso])
        {
            observed[row.staffId, default: []].append(row.topic)
        }
        // Colleagues: everybody, diagnosed or not.
        let colleagues = try PlanStaffRow.fetchAll(
            db,
            sql: """
                SELECT st.id, st.full_name, st.school_id, st.subjects, st.category, st.position_kind FROM staff st
                WHERE 1
                """
        ).map { row in
            PlanGenerationInputs.Colleague(
                id: row.id, name: row.fullName, schoolID: row.schoolId, subjects: Self.list(row.subjects),
                category: row.category.flatMap(QualificationCategory.init(rawValue:)), diagnostic: latest[row.id])
        }
        var curators: [Int64: Set<Int64>] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT school_id, curator_school_id FROM curator_pairing WHERE until IS NULL")
        {
            curators[row["school_id"], default: []].insert(row["curator_school_id"])
        }
        var mentors: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT mentee_id, mentor_id FROM mentorship WHERE end_date IS NULL OR end_date >= ?",
            arguments: [date.iso])
        {
            mentors[row["mentee_id"]] = row["mentor_id"]
        }
        var statuses: [Int64: Set<SchoolStatus>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT school_id, status FROM school_status WHERE source = 'official'") {
            if let status = SchoolStatus(rawValue: row["status"]) {
                statuses[row["school_id"], default: []].insert(status)
            }
        }
        let events = try Row.fetchAll(db, sql: "SELECT id, title, topic, date FROM event WHERE topic IS NOT NULL")
            .compactMap { row -> PlanEvent? in
                guard let d = LocalDate(parsing: row["date"] as String) else { return nil }
                return PlanEvent(id: row["id"], title: row["title"], topic: row["topic"], date: d)
            }
        // Generated before the year begins, last year's plan is still running: nothing is carried.
        let carrying = date >= year.lowerBound
        var teachers: [PlanGenerationInputs.Teacher] = []
        for row in try PlanStaffRow.fetchAll(
            db,
            sql: """
                SELECT st.id, st.full_name, st.school_id, st.subjects, st.category, st.position_kind FROM staff st
                WHERE 1\(schoolFilter)
                ORDER BY st.school_id, st.full_name
                """, arguments: arguments)
        {
            guard let due = dueBy[row.id] else { continue }
            teachers.append(
                PlanGenerationInputs.Teacher(
                    id: row.id, name: row.fullName, schoolID: row.schoolId, subjects: Self.list(row.subjects),
                    leading: row.positionKind == PositionKind.leading.rawValue,
                    schoolStatuses: statuses[row.schoolId] ?? [],
                    mentorID: mentors[row.id], dueBy: due, diagnostic: latest[row.id], observed: observed[row.id] ?? [],
                    earlier: carrying ? try Self.openItemsOfEarlierYear(db, staffID: row.id, label: label) : nil))
        }
        return PlanGenerationInputs(
            year: year, asOf: date, minimumHours: rule.minimumHours, allStaffStatuses: allStaffStatuses,
            thresholds: try Self.thresholds(db), teachers: teachers, colleagues: colleagues, curators: curators,
            courses: try Self.planCourses(db), events: events)
    }

    /// Writes the decided plans: the carried items closed as carried over, each plan new or a new
    /// version, and attendance recorded before the plan existed applied to it.
    static func savePlans(
        _ db: Database, _ decisions: [PlanDecision], year: ClosedRange<LocalDate>, label: String,
        asOf date: LocalDate, progress: (_ done: Int, _ of: Int) -> Void = { _, _ in }
    ) throws -> PlanGeneration {
        var outcome = PlanGeneration(label: label)
        let now = ISO8601DateFormatter().string(from: Date())
        progress(0, decisions.count)
        for decision in decisions {
            outcome.teachers += 1
            // Every 50 people: often enough for a page refreshed every 2 s, rarely enough to cost nothing.
            if outcome.teachers % 50 == 0 { progress(outcome.teachers, decisions.count) }
            for id in decision.carriedItemIDs {
                try db.execute(
                    sql: "UPDATE plan_item SET status = 'carriedOver', closed_at = ? WHERE id = ?",
                    arguments: [date.iso, id])
            }
            outcome.carriedOverItems += decision.carriedItemIDs.count
            try Self.store(
                db, staffID: decision.teacherID, label: label, drafts: decision.drafts, createdAt: now,
                outcome: &outcome)
            // Attendance recorded before the plan existed counts now (issue #16).
            _ = try Self.applyEarlierAttendance(db, staff: decision.teacherID, year: year)
        }
        progress(decisions.count, decisions.count)
        return outcome
    }

    static func list(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: "; ")
    }

    /// The items to carry from the latest plan of an earlier school year than `label`: those still
    /// open, and those already carried over into this year's plan by an earlier run (`carried`), so
    /// that generating twice carries them once. `nil` without an earlier plan.
    static func openItemsOfEarlierYear(_ db: Database, staffID: Int64, label: String) throws -> PlanGenerationInputs
        .EarlierPlan?
    {
        guard
            let plan = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, school_year FROM development_plan WHERE staff_id = ? AND school_year < ? AND superseded_by IS NULL
                    ORDER BY school_year DESC, version DESC LIMIT 1
                    """, arguments: [staffID, label])
        else { return nil }
        let items = try PlanItemRow.fetchAll(
            db,
            sql: """
                SELECT \(PlanItemRow.columns) FROM plan_item
                WHERE plan_id = ? AND (status = 'planned' OR status = 'inProgress' OR status = 'carriedOver') ORDER BY position
                """, arguments: [plan["id"] as Int64]
        ).map { row in
            PlanGenerationInputs.OpenItem(
                id: row.id, carried: row.status == PlanItemStatus.carriedOver.rawValue,
                draft: PlanItemDraft(
                    kind: PlanItemKind(rawValue: row.kind) ?? .selfStudy, topic: row.topic,
                    description: row.description,
                    courseID: row.courseId, eventID: row.eventId,
                    deadline: LocalDate(parsing: row.deadline ?? "") ?? LocalDate(year: 2000, month: 1, day: 1)!,
                    expectedResult: row.expectedResult ?? ""))
        }
        return PlanGenerationInputs.EarlierPlan(label: plan["school_year"], items: items)
    }

    /// The catalogue as the planners weigh it: every course of the catalogue with its seats left
    /// (seats less those applied for or studying).
    /// The open items (planned or in progress) of one kind in a person's current plan: those a
    /// completed course or an attended event may close. Columns: `id`, `topic`, `course_id`, `event_id`.
    static func openPlanItems(_ db: Database, staff: Int64, kind: PlanItemKind) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.topic, i.course_id, i.event_id FROM plan_item i JOIN development_plan p ON p.id = i.plan_id
                WHERE p.staff_id = ? AND p.superseded_by IS NULL AND i.kind = ? AND (i.status = 'planned' OR i.status = 'inProgress')
                """, arguments: [staff, kind.rawValue])
    }

    static func planCourses(_ db: Database) throws -> [PlanCourse] {
        try CourseRow.fetchAll(db, where: "c.external = 0").map { row in
            PlanCourse(
                id: row.id, code: row.code, title: row.title, provider: row.provider, hours: row.hours,
                topics: Self.list(row.topics),
                subjects: Self.list(row.subjects), start: row.start, end: row.end, seatsLeft: row.seatsLeft)
        }
    }

    /// Writes a plan for the year: new, or a new version when its items differ; done items of the
    /// previous version stay done in the new one.
    static func store(
        _ db: Database, staffID: Int64, label: String, drafts: [PlanItemDraft], createdAt: String,
        outcome: inout PlanGeneration
    ) throws {
        let current = try Row.fetchOne(
            db,
            sql: """
                SELECT id, version FROM development_plan WHERE staff_id = ? AND school_year = ? AND superseded_by IS NULL
                ORDER BY version DESC LIMIT 1
                """, arguments: [staffID, label])
        var previousStatus: [String: PlanItemRow] = [:]
        if let current {
            let existing = try PlanItemRow.fetchAll(
                db, sql: "SELECT \(PlanItemRow.columns) FROM plan_item WHERE plan_id = ? ORDER BY position",
                arguments: [current["id"] as Int64])
            let existingKeys = existing.map { row in
                Self.itemKey(
                    kind: row.kind, topic: row.topic, courseID: row.courseId, eventID: row.eventId,
                    description: row.description)
            }
            let wantedKeys = drafts.map {
                Self.itemKey(
                    kind: $0.kind.rawValue, topic: $0.topic, courseID: $0.courseID, eventID: $0.eventID,
                    description: $0.description)
            }
            if existingKeys == wantedKeys {
                outcome.unchanged += 1
                return
            }
            for (key, row) in zip(existingKeys, existing) { previousStatus[key] = row }
        }
        let version = (current?["version"] as Int?).map { $0 + 1 } ?? 1
        try db.execute(
            sql: "INSERT INTO development_plan (staff_id, school_year, version, created_at) VALUES (?, ?, ?, ?)",
            arguments: [staffID, label, version, createdAt])
        let planID = db.lastInsertedRowID
        if let current {
            try db.execute(
                sql: "UPDATE development_plan SET superseded_by = ? WHERE id = ?",
                arguments: [planID, current["id"] as Int64])
            outcome.revised += 1
        } else {
            outcome.created += 1
        }
        for (position, d) in drafts.enumerated() {
            let key = Self.itemKey(
                kind: d.kind.rawValue, topic: d.topic, courseID: d.courseID, eventID: d.eventID,
                description: d.description)
            let kept = previousStatus[key]
            try db.execute(
                sql: """
                    INSERT INTO plan_item (plan_id, position, kind, topic, description, course_id, event_id, deadline, expected_result, status, evidence, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    planID, position + 1, d.kind.rawValue, d.topic, d.description, d.courseID, d.eventID,
                    d.deadline.iso,
                    d.expectedResult, kept?.status ?? "planned", kept?.evidence, kept?.closedAt,
                ])
        }
    }

    /// What makes two plan items the same item across versions.
    static func itemKey(kind: String, topic: String?, courseID: Int64?, eventID: Int64?, description: String) -> String
    {
        "\(kind)|\(CellValue.fold(topic ?? ""))|\(courseID ?? 0)|\(eventID ?? 0)|\(description)"
    }

    /// Plans with their items: the current version of each, or every version with `history`.
    public func plans(
        schoolCode: String? = nil, year: String? = nil, planID: Int64? = nil, staff: String? = nil,
        history: Bool = false
    ) throws -> [PlanLine] {
        try writer.read { db in
            var sql: SQL = """
                SELECT p.id, st.staff_id, st.full_name, s.code, s.name, st.position, p.school_year, p.version, p.created_at,
                       p.superseded_by IS NULL AS current
                FROM development_plan p JOIN staff st ON st.id = p.staff_id JOIN school s ON s.id = st.school_id WHERE 1
                """
            if let planID {
                sql += " AND p.id = \(planID)"
            } else if !history {
                sql += " AND p.superseded_by IS NULL"
            }
            if let schoolCode { sql += " AND s.code = \(schoolCode)" }
            if let year { sql += " AND p.school_year = \(year)" }
            if let staff { sql += " AND st.person_key = 'id:' || \(staff)" }
            sql += " ORDER BY s.code, st.full_name, p.school_year, p.version"
            return try PlanHeaderRow.fetchAll(db, SQLRequest(literal: sql)).map { row in
                let items = try PlanItemRow.fetchAll(
                    db, sql: "SELECT \(PlanItemRow.columns) FROM plan_item WHERE plan_id = ? ORDER BY position",
                    arguments: [row.id]
                ).map(\.line)
                return PlanLine(
                    id: row.id, staffID: row.staffId, fullName: row.fullName, schoolCode: row.code,
                    schoolName: row.name,
                    position: row.position, schoolYear: row.schoolYear, version: row.version, createdAt: row.createdAt,
                    current: row.current, items: items)
            }
        }
    }
}

// Read models of the plan queries, by column name.

/// A row of `competence_threshold`.
private struct ThresholdRow: FetchableRecord, Decodable {
    var instrument: String
    var competence: String
    var threshold: Double
}

/// A diagnostic result's scores: `r.id`, `r.staff_id`, `c.instrument` and the four scores.
private struct DiagnosticScoreRow: FetchableRecord {
    var id: Int64
    var staffId: Int64
    var instrument: String
    /// The scores present, read by the one helper every diagnostic read uses.
    var scores: [Competence: Double]

    init(row: Row) throws {
        id = row["id"]
        staffId = row["staff_id"]
        instrument = row["instrument"]
        scores = row.competenceScores()
    }
}

/// A deficit's person and topic.
private struct StaffTopicRow: SnakeCaseRow {
    var staffId: Int64
    var topic: String
}

/// A member of staff as the plans read them.
private struct PlanStaffRow: SnakeCaseRow {
    var id: Int64
    var fullName: String
    var schoolId: Int64
    var subjects: String?
    var category: String?
    var positionKind: String
}

/// A plan with its teacher and school, as `plans` selects it.
private struct PlanHeaderRow: SnakeCaseRow {
    var id: Int64
    var staffId: String?
    var fullName: String
    var code: String
    var name: String
    var position: String
    var schoolYear: String
    var version: Int
    var createdAt: String
    var current: Bool
}

/// A row of `plan_item`.
private struct PlanItemRow: SnakeCaseRow {
    static let columns =
        "id, position, kind, topic, description, course_id, event_id, deadline, expected_result, status, evidence, closed_at"
    var id: Int64
    var position: Int
    var kind: String
    var topic: String?
    var description: String
    var courseId: Int64?
    var eventId: Int64?
    var deadline: String?
    var expectedResult: String?
    var status: String
    var evidence: String?
    var closedAt: String?

    var line: PlanItemLine {
        PlanItemLine(
            id: id, position: position, kind: PlanItemKind(rawValue: kind) ?? .selfStudy, topic: topic,
            description: description,
            deadline: deadline.flatMap { LocalDate(parsing: $0) }, expectedResult: expectedResult,
            status: PlanItemStatus(rawValue: status) ?? .planned, evidence: evidence,
            closedAt: closedAt.flatMap { LocalDate(parsing: $0) })
    }
}
