import Foundation
import GRDB
import NastavnikCore

public struct MentorshipLine: Sendable, Equatable {
    public var id: Int64
    public var mentorID: String?
    public var mentorName: String
    public var mentorSchool: String
    public var menteeID: String?
    public var menteeName: String
    public var menteeSchool: String
    public var form: String?
    public var start: LocalDate?
    public var end: LocalDate?
    public var goal: String?
    public var consent: LocalDate?
    public var meetings: Int
    /// The date of the mentee's written consent (v20).
    public var menteeConsent: LocalDate? = nil
    /// Why the pair ended, as recorded with its end (v20).
    public var endReason: String? = nil
}

extension NastavnikDatabase {
    /// A stored ISO date, or `nil`.
    static func day(_ text: String?) -> LocalDate? { text.flatMap { LocalDate(parsing: $0) } }

    /// The mentorships, or those active on `date`; with `schoolCode`, those whose mentor or
    /// mentee works at that school.
    public func mentorships(activeOn date: LocalDate?, schoolCode: String? = nil, id: Int64? = nil) throws
        -> [MentorshipLine]
    {
        try writer.read { db in
            var sql: SQL = """
                SELECT m.id, a.staff_id AS mentor_id, a.full_name AS mentor_name, sa.code AS mentor_school,
                       b.staff_id AS mentee_id, b.full_name AS mentee_name, sb.code AS mentee_school, m.form, m.start_date, m.end_date, m.goal,
                       m.consent_date, m.mentee_consent_date, m.end_reason, (SELECT count(*) FROM mentoring_meeting WHERE mentorship_id = m.id) AS meetings
                FROM mentorship m JOIN staff a ON a.id = m.mentor_id JOIN school sa ON sa.id = a.school_id
                JOIN staff b ON b.id = m.mentee_id JOIN school sb ON sb.id = b.school_id
                """
            var conditions: [SQL] = []
            if let date {
                conditions.append(
                    "(m.end_date IS NULL OR m.end_date >= \(date.iso)) AND (m.start_date IS NULL OR m.start_date <= \(date.iso))"
                )
            }
            if let schoolCode { conditions.append("(sa.code = \(schoolCode) OR sb.code = \(schoolCode))") }
            if let id { conditions.append("m.id = \(id)") }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            return try Row.fetchAll(db, SQLRequest(literal: sql + " ORDER BY sb.code, b.full_name", cached: true)).map {
                r in
                MentorshipLine(
                    id: r["id"], mentorID: r["mentor_id"], mentorName: r["mentor_name"],
                    mentorSchool: r["mentor_school"],
                    menteeID: r["mentee_id"], menteeName: r["mentee_name"], menteeSchool: r["mentee_school"],
                    form: r["form"],
                    start: Self.day(r["start_date"]), end: Self.day(r["end_date"]), goal: r["goal"],
                    consent: Self.day(r["consent_date"]),
                    meetings: r["meetings"], menteeConsent: Self.day(r["mentee_consent_date"]),
                    endReason: r["end_reason"])
            }
        }
    }

    /// Records a mentorship; both people by personnel number. Written consent (Labour Code,
    /// art. 351.8) is recorded with its date. The pair must keep the rules of
    /// `MentorMatching.problems`: the mentor under their limit, one active mentor per mentee
    /// unless `second`, the end not before the start, the consent not in the future.
    public func assignMentor(
        mentor: String, mentee: String, form: String?, start: LocalDate, end: LocalDate?, goal: String?,
        consent: LocalDate?, second: Bool = false, today: LocalDate = .today()
    ) throws(StoreError) {
        try typedWrite { db in
            try Self.insertPair(
                db, mentor: mentor, mentee: mentee, form: form, start: start, end: end, goal: goal, consent: consent,
                second: second, today: today)
        }
    }

    /// Records `pairs` (mentor and mentee by personnel number) starting on `start`, all or none:
    /// each pair as `assignMentor` records it, the first refused leaving none written.
    public func assignMentors(
        _ pairs: [(mentor: String, mentee: String)], form: String?, start: LocalDate, goal: String?,
        consent: LocalDate?, today: LocalDate = .today()
    ) throws(StoreError) {
        try typedWrite { db in
            for pair in pairs {
                try Self.insertPair(
                    db, mentor: pair.mentor, mentee: pair.mentee, form: form, start: start, end: nil, goal: goal,
                    consent: consent, second: false, today: today)
            }
        }
    }

    /// Writes one pair inside a transaction, or throws `StoreError.invalid` naming what it breaks.
    static func insertPair(
        _ db: Database, mentor: String, mentee: String, form: String?, start: LocalDate, end: LocalDate?,
        goal: String?, consent: LocalDate?, second: Bool, today: LocalDate
    ) throws {
        let mentorID = try Self.staffRowID(db, person: mentor, who: "наставник")
        let b = try Self.staffRowID(db, person: mentee, who: "наставляемый")
        let a = try Row.fetchOne(
            db, sql: "SELECT category, position_kind FROM staff WHERE id = ?", arguments: [mentorID])!
        let menteeKind = try String.fetchOne(
            db, sql: "SELECT position_kind FROM staff WHERE id = ?", arguments: [b])!
        guard mentorID != b else { throw StoreError.invalid("Наставник и наставляемый — один человек.") }
        if let problem = MentorMatching.kindProblem(
            mentorKind: PositionKind(rawValue: a["position_kind"]) ?? .other,
            menteeKind: PositionKind(rawValue: menteeKind) ?? .other)
        {
            throw StoreError.invalid(
                "Пара \(mentor) → \(mentee) не закреплена: \(problem) (вид должности исправляет staff positions --set)."
            )
        }
        // Every recorded pair that is active on some day of the new one counts, also one that begins later.
        func overlapping(_ sql: String, _ arguments: StatementArguments) throws -> Int {
            try Row.fetchAll(db, sql: sql, arguments: arguments).filter { row in
                MentorMatching.overlaps(
                    start: start, end: end, otherStart: Self.day(row["start_date"]),
                    otherEnd: Self.day(row["end_date"]))
            }.count
        }
        let mentorActive = try overlapping(
            "SELECT start_date, end_date FROM mentorship WHERE mentor_id = ? AND mentee_id <> ?", [mentorID, b])
        let menteeActive = try overlapping(
            "SELECT start_date, end_date FROM mentorship WHERE mentee_id = ? AND mentor_id <> ?", [b, mentorID])
        let problems = MentorMatching.problems(
            start: start, end: end, consent: consent, today: today,
            mentorCategory: (a["category"] as String?).flatMap(QualificationCategory.init(rawValue:)),
            mentorActive: mentorActive, menteeActive: menteeActive, second: second,
            limits: MentorLimits(try Self.settings(db)))
        guard problems.isEmpty else {
            throw StoreError.invalid(
                "Пара \(mentor) → \(mentee) не закреплена: " + problems.joined(separator: "; ") + ".")
        }
        try db.execute(
            sql: """
                INSERT INTO mentorship (mentor_id, mentee_id, form, start_date, end_date, goal, consent_date) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(mentor_id, mentee_id) DO UPDATE SET form = coalesce(excluded.form, form), start_date = excluded.start_date,
                    end_date = excluded.end_date, goal = coalesce(excluded.goal, goal), consent_date = coalesce(excluded.consent_date, consent_date)
                """, arguments: [mentorID, b, form, start.iso, end?.iso, goal, consent?.iso])
    }

    /// What mentor matching needs, as of `date`: the staff with personnel numbers, each
    /// person's active pairs (as mentee and as mentor), the curator schools of each school and
    /// the limits in force.
    public func mentoringInputs(asOf date: LocalDate) throws
        -> (
            staff: [MentoringPerson], activeMentors: [String: Int], activeMentees: [String: Int],
            curatorsOf: [String: Set<String>],
            limits: MentorLimits, activePairs: Set<String>
        )
    {
        let (weak, strength) = try weakInDiagnostics(asOf: date)
        let staff = try staff(asOf: date).compactMap { s -> MentoringPerson? in
            guard let id = s.staffID else { return nil }
            return MentoringPerson(
                id: id, fullName: s.fullName, schoolCode: s.schoolCode, positionKind: s.positionKind,
                subjects: s.subjects,
                category: s.category, experience: s.experience, earlyCareer: s.earlyCareer,
                weakInDiagnostics: weak.contains(id), diagnosed: strength[id] != nil)
        }
        var activeMentors: [String: Int] = [:]
        var activeMentees: [String: Int] = [:]
        var activePairs = Set<String>()
        // A suggested pair starts on `date` and stays open: every pair active on that day or later counts.
        for pair in try mentorships(activeOn: nil)
        where MentorMatching.overlaps(start: date, end: nil, otherStart: pair.start, otherEnd: pair.end) {
            if let id = pair.menteeID { activeMentors[id, default: 0] += 1 }
            if let id = pair.mentorID { activeMentees[id, default: 0] += 1 }
            if let a = pair.mentorID, let b = pair.menteeID { activePairs.insert("\(a)|\(b)") }
        }
        var curatorsOf: [String: Set<String>] = [:]
        for p in try pairings() { curatorsOf[p.schoolCode, default: []].insert(p.curatorSchoolCode) }
        return (staff, activeMentors, activeMentees, curatorsOf, MentorLimits(try settings()), activePairs)
    }

    /// The rows a pair's version is read over (`RecordVersion`): the pair's row and its meetings'.
    static func mentorshipParts(_ db: Database, id: Int64) throws -> [RecordVersion.Part] {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM mentorship WHERE id = ?", arguments: [id]) == 1 else {
            throw StoreError.notFound(what: "наставническая пара №", key: String(id))
        }
        let meetings = try Int64.fetchAll(
            db, sql: "SELECT id FROM mentoring_meeting WHERE mentorship_id = ?", arguments: [id])
        return [.numbered("mentorship", id)] + meetings.map { .numbered("mentoring_meeting", $0) }
    }

    /// The version a form about pair `id` (consent, meeting, end) is opened on.
    public func mentorshipVersion(id: Int64) throws -> RecordVersion {
        try reader.read { db in try RecordVersion.latest(db, try Self.mentorshipParts(db, id: id)) }
    }

    /// The meetings of pair `id`, oldest first.
    public func mentoringMeetings(mentorship id: Int64) throws -> [(date: LocalDate?, topic: String?, note: String?)] {
        try reader.read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, topic, note FROM mentoring_meeting WHERE mentorship_id = ? ORDER BY date, id",
                arguments: [id]
            ).map { (Self.day($0["date"]), $0["topic"], $0["note"]) }
        }
    }

    /// Ends a mentorship on `date` (not before its start: `MentorMatching.endProblem`), with why.
    /// With `expectedVersion` (`mentorshipVersion`), a pair changed since is left as it is.
    public func endMentorship(id: Int64, on date: LocalDate, reason: String? = nil, expectedVersion: Int64? = nil)
        throws
    {
        try versionedWrite(table: "mentorship", id: id, expectedVersion: expectedVersion) { db in
            let start = try String.fetchOne(db, sql: "SELECT start_date FROM mentorship WHERE id = ?", arguments: [id])
            if let problem = MentorMatching.endProblem(start: Self.day(start), end: date) {
                throw StoreError.invalid("Пара № \(id) не завершена: \(problem).")
            }
            try db.execute(
                sql: "UPDATE mentorship SET end_date = ?, end_reason = coalesce(?, end_reason) WHERE id = ?",
                arguments: [date.iso, reason, id])
        }
    }

    /// Records the written consent of the mentor (ТК РФ, ст. 351.8) and of the mentee, each with
    /// its date (`nil` keeps what is recorded); a date after `today` is refused.
    public func recordConsent(
        mentorship id: Int64, mentor: LocalDate?, mentee: LocalDate?, today: LocalDate = .today(),
        expectedVersion: Int64? = nil
    ) throws {
        try versionedWrite(table: "mentorship", id: id, expectedVersion: expectedVersion) { db in
            let problems = [mentor, mentee].compactMap { $0 }.compactMap {
                MentoringMeetingRule.consentProblem($0, today: today)
            }
            if !problems.isEmpty { throw StoreError.invalid(problems.joined(separator: " ")) }
            try db.execute(
                sql: """
                    UPDATE mentorship SET consent_date = coalesce(?, consent_date),
                        mentee_consent_date = coalesce(?, mentee_consent_date) WHERE id = ?
                    """, arguments: [mentor?.iso, mentee?.iso, id])
        }
    }

    /// Records a meeting of a mentorship, within the pair's period and not after `today`
    /// (`MentoringMeetingRule.dateProblem`). With `expectedVersion` (`mentorshipVersion`), a pair
    /// changed since is left as it is.
    public func addMeeting(
        mentorship id: Int64, date: LocalDate, topic: String? = nil, note: String?, today: LocalDate = .today(),
        expectedVersion: Int64? = nil
    ) throws {
        try versionedWrite(table: "mentorship", id: id, expectedVersion: expectedVersion) { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT start_date, end_date FROM mentorship WHERE id = ?", arguments: [id])
            if let problem = MentoringMeetingRule.dateProblem(
                date, start: Self.day(row?["start_date"]), end: Self.day(row?["end_date"]), today: today)
            {
                throw StoreError.invalid(problem)
            }
            try db.execute(
                sql: "INSERT INTO mentoring_meeting (mentorship_id, date, topic, note) VALUES (?, ?, ?, ?)",
                arguments: [id, date.iso, topic, note])
        }
    }

    /// Each person's standing after their diagnostics up to `date` (`DiagnosticStanding`): the
    /// results given with consent, oldest campaign first.
    public func weakInDiagnostics(asOf date: LocalDate) throws -> (weak: Set<String>, strength: [String: Double]) {
        var read: [DiagnosticStanding.Result] = []
        for campaign in try campaigns() where campaign.date <= date {
            let thresholds = try thresholds(instrument: campaign.instrument)
            for r in try results(campaignID: campaign.id) where r.consent {
                guard let id = r.staffID else { continue }
                read.append(DiagnosticStanding.Result(staffID: id, scores: r.scores, thresholds: thresholds))
            }
        }
        let standing = DiagnosticStanding(read)
        return (standing.weak, standing.strength)
    }
}
