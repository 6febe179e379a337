import Foundation
import GRDB
import NastavnikCore

public struct EventLine: Sendable, Equatable {
    public var id: Int64
    public var kind: EventKind
    public var title: String
    public var topic: String?
    public var date: LocalDate
    public var startTime: String?
    public var hostCode: String?
    public var hostName: String?
    public var capacity: Int?
    public var presenters: [(staffID: String?, name: String, school: String)]
    public var participants: [(staffID: String?, name: String, school: String, schoolName: String, attended: Bool?)]

    public static func == (a: EventLine, b: EventLine) -> Bool { a.id == b.id }
}

extension NastavnikDatabase {
    /// Who has a deficit in the topic (diagnostics, observed lessons, open plan items), who is
    /// strong in it, the schools, and who is busy on which day.
    /// With `everyone` (a methodological association), the participants are every pedagogical
    /// and leading worker of the schools that need support (of every school when none does).
    public func seminarInputs(topic: String, asOf date: LocalDate, everyone: Bool = false)
        throws -> (
            participants: [SeminarPerson], presenters: [SeminarPerson], schools: [SeminarSchool],
            busy: [Int64: Set<LocalDate>]
        )
    {
        let strength = try weakInDiagnostics(asOf: date).strength
        let folded = CellValue.fold(topic)
        return try writer.read { db in
            var withDeficit = Set<Int64>()
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.staff_id, d.topic FROM deficit d
                    LEFT JOIN diagnostic_result r ON r.id = d.diagnostic_result_id
                    LEFT JOIN diagnostic_campaign c ON c.id = r.campaign_id
                    LEFT JOIN lesson_observation o ON o.id = d.observation_id
                    WHERE (d.diagnostic_result_id IS NOT NULL AND \(Self.isLatestDiagnostic(campaignDate: "c.date", staff: "d.staff_id")))
                       OR (d.observation_id IS NOT NULL AND o.date >= ?)
                    """, arguments: [date.adding(years: -1).iso]) where CellValue.fold(row["topic"]) == folded
            {
                withDeficit.insert(row["staff_id"])
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.staff_id, i.topic FROM plan_item i JOIN development_plan p ON p.id = i.plan_id
                    WHERE p.superseded_by IS NULL AND i.kind = 'seminar' AND (i.status = 'planned' OR i.status = 'inProgress')
                    """) where CellValue.fold((row["topic"] as String?) ?? "") == folded
            {
                withDeficit.insert(row["staff_id"])
            }
            var diagnosedIDs = Set<Int64>()
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT staff_id FROM diagnostic_result WHERE consent = 1") {
                diagnosedIDs.insert(row["staff_id"])
            }
            let people = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, staff_id, full_name, school_id, category, position_kind FROM staff WHERE 1
                    """)
            var supported = Set(
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT school_id FROM school_status WHERE source = 'official' AND status IN (\(SchoolStatus.allCases.filter(\.needsSupport).map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                        """))
            if supported.isEmpty { supported = Set(try Int64.fetchAll(db, sql: "SELECT id FROM school")) }
            var participants: [SeminarPerson] = []
            var presenters: [SeminarPerson] = []
            for row in people {
                let id: Int64 = row["id"]
                let person = SeminarPerson(
                    id: id, staffID: row["staff_id"], name: row["full_name"], schoolID: row["school_id"],
                    strength: (row["staff_id"] as String?).flatMap { strength[$0] } ?? 0,
                    category: (row["category"] as String?).flatMap(QualificationCategory.init(rawValue:)))
                let counted = PositionKind(rawValue: row["position_kind"]).map(StaffPopulation.counts) ?? false
                if everyone ? counted && supported.contains(person.schoolID) : withDeficit.contains(id) {
                    participants.append(person)
                } else if diagnosedIDs.contains(id), counted, person.strength > 0 {
                    presenters.append(person)
                }
            }
            let curatorIDs = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT DISTINCT curator_school_id FROM curator_pairing WHERE until IS NULL"))
            let effective = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT school_id FROM school_status WHERE status = 'effective' AND source = 'official'"))
            let schools = try Row.fetchAll(
                db, sql: "SELECT id, code, name, latitude, longitude, municipality, internship_site FROM school"
            ).map { r in
                SeminarSchool(
                    id: r["id"], code: r["code"], name: r["name"], latitude: r["latitude"], longitude: r["longitude"],
                    municipality: r["municipality"], internshipSite: r["internship_site"],
                    curator: curatorIDs.contains(r["id"]) || effective.contains(r["id"]))
            }
            var busy: [Int64: Set<LocalDate>] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT p.staff_id, e.date FROM event_participant p JOIN event e ON e.id = p.event_id
                    UNION ALL SELECT p.staff_id, e.date FROM event_presenter p JOIN event e ON e.id = p.event_id
                    """)
            {
                if let d = LocalDate(parsing: row["date"] as String) { busy[row["staff_id"], default: []].insert(d) }
            }
            return (participants, presenters, schools, busy)
        }
    }

    /// Saves planned sessions as events with their presenters and invited participants.
    /// - Parameter occurrence: a roadmap occurrence (its number in `roadmap list`) the events fulfil.
    public func saveSessions(
        _ sessions: [SeminarSession], kind: EventKind, topic: String, startTime: String, minutes: Int,
        capacity: Int, occurrence: Int64? = nil
    ) throws(StoreError) -> [Int64] {
        try typedWrite { db in
            var activityID: Int64?
            if let occurrence {
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT activity_id FROM activity_occurrence WHERE id = ?", arguments: [occurrence])
                else {
                    throw StoreError.notFound(what: "срок мероприятия дорожной карты №", key: String(occurrence))
                }
                activityID = id
            }
            var ids: [Int64] = []
            for s in sessions {
                try db.execute(
                    sql: """
                        INSERT INTO event (kind, title, topic, date, start_time, duration_minutes, host_school_id, capacity, audience, activity_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        kind.rawValue, "\(kind.russian.sentenceCased): «\(topic)»", topic, s.date.iso,
                        startTime, minutes, s.host?.id, capacity, "педагоги с дефицитом «\(topic)»", activityID,
                    ])
                let id = db.lastInsertedRowID
                for p in s.presenters {
                    try db.execute(
                        sql: "INSERT INTO event_presenter (event_id, staff_id) VALUES (?, ?)", arguments: [id, p.id])
                }
                for p in s.participants {
                    try db.execute(
                        sql: "INSERT INTO event_participant (event_id, staff_id) VALUES (?, ?)", arguments: [id, p.id])
                }
                ids.append(id)
            }
            return ids
        }
    }

    public func events(id: Int64? = nil) throws -> [EventLine] {
        try writer.read { db in
            var sql: SQL = """
                SELECT e.id, e.kind, e.title, e.topic, e.date, e.start_time, s.code AS host_code, s.name AS host_name, e.capacity
                FROM event e LEFT JOIN school s ON s.id = e.host_school_id
                """
            if let id { sql += " WHERE e.id = \(id)" }
            return try Row.fetchAll(db, SQLRequest(literal: sql + " ORDER BY e.date, e.id")).map { r in
                let eventID: Int64 = r["id"]
                let presenters = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT st.staff_id, st.full_name, s.code FROM event_presenter p JOIN staff st ON st.id = p.staff_id JOIN school s ON s.id = st.school_id
                        WHERE p.event_id = ? ORDER BY st.full_name
                        """, arguments: [eventID]
                ).map { ($0["staff_id"] as String?, $0["full_name"] as String, $0["code"] as String) }
                let participants = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT st.staff_id, st.full_name, s.code, s.name, p.attended FROM event_participant p JOIN staff st ON st.id = p.staff_id
                        JOIN school s ON s.id = st.school_id WHERE p.event_id = ? ORDER BY s.code, st.full_name
                        """, arguments: [eventID]
                ).map {
                    (
                        $0["staff_id"] as String?, $0["full_name"] as String, $0["code"] as String,
                        $0["name"] as String, $0["attended"] as Bool?
                    )
                }
                return EventLine(
                    id: eventID, kind: EventKind(rawValue: r["kind"]) ?? .seminar, title: r["title"], topic: r["topic"],
                    date: LocalDate(parsing: r["date"] as String)!, startTime: r["start_time"],
                    hostCode: r["host_code"],
                    hostName: r["host_name"], capacity: r["capacity"],
                    presenters: presenters, participants: participants)
            }
        }
    }

    /// Records who came; attending closes the person's open plan items of that topic. Refused
    /// for an event that has not happened by `date`.
    /// `places`: where each personnel number was read («лист.csv:7»), named in the error for one
    /// that matches nobody. `expectedVersion` (`eventVersion`, as a form was opened on): a
    /// change to the event since gives `StaleRecordError` and writes nothing.
    public func recordAttendance(
        event id: Int64, present: [String], asOf date: LocalDate = .today(), places: [String: String] = [:],
        expectedVersion: Int64? = nil
    ) throws -> (present: Int, closedItems: Int) {
        try checkedWrite(Self.eventParts(id), expectedVersion: expectedVersion) { db in
            guard
                let event = try Row.fetchOne(
                    db, sql: "SELECT title, topic, date FROM event WHERE id = ?", arguments: [id])
            else {
                throw StoreError.notFound(what: "мероприятие №", key: String(id))
            }
            let eventDate = LocalDate(parsing: event["date"] as String)!
            if let refusal = SeminarPlanner.attendanceRefusal(event: id, date: eventDate, asOf: date) {
                throw StoreError.invalid(refusal)
            }
            var unknown: [String] = []
            var ids: [Int64] = []
            for staffID in present {
                guard
                    let sid = try Int64.fetchOne(
                        db, sql: "SELECT id FROM staff WHERE person_key = 'id:' || ?", arguments: [staffID])
                else {
                    unknown.append(staffID)
                    continue
                }
                ids.append(sid)
            }
            guard unknown.isEmpty else {
                if !places.isEmpty {
                    throw StoreError.invalid(
                        unknown.map { "\(places[$0].map { "\($0): " } ?? "")нет работника с табельным номером «\($0)»" }
                            .joined(separator: "\n") + "\nПосещаемость не записана.")
                }
                throw StoreError.invalid("Нет работников с табельными номерами: \(unknown.joined(separator: ", ")).")
            }
            try db.execute(
                sql: "UPDATE event_participant SET attended = 0 WHERE event_id = ? AND attended IS NULL",
                arguments: [id])
            var closed = 0
            for sid in ids {
                try db.execute(
                    sql: """
                        INSERT INTO event_participant (event_id, staff_id, attended) VALUES (?, ?, 1)
                        ON CONFLICT(event_id, staff_id) DO UPDATE SET attended = 1
                        """, arguments: [id, sid])
                closed += try Self.closeSeminarItems(db, staff: sid, event: id)
            }
            return (ids.count, closed)
        }
    }

    /// Closes the person's open seminar items that attending the event fulfils; returns how many.
    static func closeSeminarItems(_ db: Database, staff sid: Int64, event id: Int64) throws -> Int {
        guard
            let event = try Row.fetchOne(db, sql: "SELECT title, topic, date FROM event WHERE id = ?", arguments: [id])
        else { return 0 }
        var closed = 0
        for item in try openPlanItems(db, staff: sid, kind: .seminar)
        where SeminarPlanner.attendanceFulfils(
            itemTopic: item["topic"], itemEvent: item["event_id"], event: id, eventTopic: event["topic"])
        {
            try db.execute(
                sql: "UPDATE plan_item SET status = 'done', evidence = ?, closed_at = ?, event_id = ? WHERE id = ?",
                arguments: [
                    "Лист участия: \(event["title"] as String), \(LocalDate(parsing: event["date"] as String)!.russian)",
                    event["date"] as String, id, item["id"] as Int64,
                ])
            closed += 1
        }
        return closed
    }

    /// After a plan is made: attendance recorded earlier in the plan's year (before the plan
    /// existed) closes the items it fulfils, as it would have had the plan been there.
    static func applyEarlierAttendance(_ db: Database, staff sid: Int64, year: ClosedRange<LocalDate>) throws -> Int {
        var closed = 0
        for eventID in try Int64.fetchAll(
            db,
            sql: """
                SELECT e.id FROM event_participant p JOIN event e ON e.id = p.event_id
                WHERE p.staff_id = ? AND p.attended = 1 AND e.date BETWEEN ? AND ? ORDER BY e.date, e.id
                """, arguments: [sid, year.lowerBound.iso, year.upperBound.iso])
        {
            closed += try closeSeminarItems(db, staff: sid, event: eventID)
        }
        return closed
    }
}
