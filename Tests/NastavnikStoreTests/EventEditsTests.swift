import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// The web's edits of saved seminars and of thresholds (issue 20): each one transaction, refused
/// with a Russian sentence where a rule says no, and refused whole for a stale form.
@Suite struct EventEditsTests {
    let path: String

    /// Two schools, three teachers, two events of 2 places each: T1 and T2 invited to event 1,
    /// T3 to event 2.
    init() throws {
        path = try temporaryDirectory("nastavnik-event-edits").appendingPathComponent("db.sqlite").path
        let database = try NastavnikDatabase(path: path, actor: AuditActor(name: "загрузка"))
        try database.write { db in
            try db.execute(sql: "INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа 1'), (2, 'S2', 'Школа 2')")
            for (id, school) in [(1, 1), (2, 1), (3, 2)] {
                try db.execute(
                    sql: """
                        INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind)
                        VALUES (?, ?, ?, ?, ?, 'учитель', 'pedagogical')
                        """, arguments: [id, "id:T\(id)", "T\(id)", "Учитель \(id)", school])
            }
            for (id, date) in [(1, "2026-11-10"), (2, "2026-11-20")] {
                try db.execute(
                    sql: """
                        INSERT INTO event (id, kind, title, topic, date, start_time, host_school_id, capacity)
                        VALUES (?, 'seminar', 'Семинар', 'мотивация', ?, '14:00', 1, 2)
                        """, arguments: [id, date])
            }
            try db.execute(sql: "INSERT INTO event_participant (event_id, staff_id) VALUES (1, 1), (1, 2), (2, 3)")
        }
    }

    func database(as name: String) throws -> NastavnikDatabase {
        try NastavnikDatabase(path: path).acting(as: AuditActor(name: name))
    }

    func invited(_ event: Int64) throws -> [String] {
        try NastavnikDatabase(path: path).events(id: event).first!.participants.compactMap(\.staffID)
    }

    @Test func rescheduleMovesTheDateTimeAndHostUnderTheActorsName() throws {
        let anna = try database(as: "Анна")
        let version = try anna.eventVersion(1).id
        let old = try anna.rescheduleEvent(
            id: 1, date: LocalDate(year: 2026, month: 11, day: 12)!, startTime: "15:30", hostCode: "S2",
            expectedVersion: version)
        #expect(old.date == LocalDate(year: 2026, month: 11, day: 10)!)
        let event = try #require(try anna.events(id: 1).first)
        #expect(event.date == LocalDate(year: 2026, month: 11, day: 12)! && event.startTime == "15:30")
        #expect(event.hostCode == "S2")
        let after = try anna.eventVersion(1)
        #expect(after.id > version && after.by == "Анна")
        #expect(throws: StoreError.notFound(what: "школа с кодом", key: "S9")) {
            try anna.rescheduleEvent(id: 1, date: event.date, startTime: nil, hostCode: "S9")
        }
        #expect(throws: StoreError.notFound(what: "мероприятие №", key: "7")) {
            try anna.rescheduleEvent(id: 7, date: event.date, startTime: nil, hostCode: nil)
        }
    }

    @Test func aStaleFormChangesNothingAndNamesWhoChangedTheEvent() throws {
        let anna = try database(as: "Анна")
        let boris = try database(as: "Борис")
        let opened = try anna.eventVersion(1).id
        // Boris moves a participant: the event's participants changed, so Anna's form is stale.
        try boris.moveParticipant(staffID: "T2", from: 1, to: 2, expectedVersion: opened)
        let day = LocalDate(year: 2026, month: 11, day: 15)!
        #expect(throws: StaleRecordError.self) {
            try anna.rescheduleEvent(id: 1, date: day, startTime: nil, hostCode: nil, expectedVersion: opened)
        }
        do {
            _ = try anna.recordAttendance(
                event: 1, present: ["T1"], asOf: LocalDate(year: 2026, month: 12, day: 1)!, expectedVersion: opened)
            Issue.record("a stale attendance form was saved")
        } catch let error as StaleRecordError {
            #expect(error.by == "Борис")
        }
        #expect(try anna.events(id: 1).first?.date == LocalDate(year: 2026, month: 11, day: 10)!)
        #expect(try anna.events(id: 1).first?.participants.allSatisfy { $0.attended == nil } == true)
    }

    @Test func movingATeacherKeepsTheRulesAndIsOneTransaction() throws {
        let anna = try database(as: "Анна")
        try anna.moveParticipant(staffID: "T1", from: 1, to: 2)
        #expect(try invited(1) == ["T2"])
        #expect(Set(try invited(2)) == ["T1", "T3"])
        // Event 2 is full now (2 of 2).
        #expect(throws: StoreError.invalid("Мероприятие № 2 заполнено: мест 2, приглашено 2.")) {
            try anna.moveParticipant(staffID: "T2", from: 1, to: 2)
        }
        #expect(throws: StoreError.invalid("Работник «T3» не приглашён на мероприятие № 1.")) {
            try anna.moveParticipant(staffID: "T3", from: 1, to: 2)
        }
        #expect(throws: StoreError.notFound(what: "работник с табельным номером", key: "T9")) {
            try anna.moveParticipant(staffID: "T9", from: 1, to: 2)
        }
        #expect(try invited(1) == ["T2"])
    }

    @Test func attendanceRecordedFreezesTheDateAndTheInvited() throws {
        let anna = try database(as: "Анна")
        _ = try anna.recordAttendance(event: 1, present: ["T1"], asOf: LocalDate(year: 2026, month: 12, day: 1)!)
        #expect(
            throws: StoreError.invalid(
                "Посещаемость мероприятия № 1 уже отмечена: дату не изменить (пришедшие записаны на 10.11.2026).")
        ) {
            try anna.rescheduleEvent(
                id: 1, date: LocalDate(year: 2026, month: 11, day: 11)!, startTime: nil, hostCode: nil)
        }
        // The host may still change.
        try anna.rescheduleEvent(
            id: 1, date: LocalDate(year: 2026, month: 11, day: 10)!, startTime: "14:00", hostCode: "S2")
        #expect(
            throws: StoreError.invalid(
                "Посещаемость работника «T2» на мероприятии № 1 уже отмечена: перевести нельзя.")
        ) { try anna.moveParticipant(staffID: "T2", from: 1, to: 2) }
        #expect(
            throws: StoreError.invalid("Посещаемость мероприятия № 1 уже отмечена: добавить участника нельзя.")
        ) { try anna.moveParticipant(staffID: "T3", from: 2, to: 1) }
    }

    @Test func thresholdsAreSetTogetherWithTheirScalesAndRefusedWhenStale() throws {
        let anna = try database(as: "Анна")
        let boris = try database(as: "Борис")
        #expect(try anna.ownThresholds(instrument: "ЦНППМ").isEmpty)
        let opened = try anna.thresholdVersion(instrument: "ЦНППМ").id
        #expect(opened == 0)
        try anna.setThresholds(
            instrument: "ЦНППМ", [.subject: (12, 30), .communicative: (5.5, nil)], expectedVersion: opened)
        let own = try anna.ownThresholds(instrument: "ЦНППМ")
        #expect(own[.subject]?.threshold == 12 && own[.subject]?.maxScore == 30)
        #expect(own[.communicative]?.threshold == 5.5 && own[.communicative]?.maxScore == nil)
        // The default's methodological threshold still applies to the instrument.
        #expect(try anna.thresholds(instrument: "ЦНППМ")[.methodological] == 20)
        let version = try anna.thresholdVersion(instrument: "ЦНППМ")
        #expect(version.id > 0 && version.by == "Анна")
        // A scale emptied is none.
        try boris.setThresholds(instrument: "ЦНППМ", [.subject: (14, nil)], expectedVersion: version.id)
        #expect(try anna.ownThresholds(instrument: "ЦНППМ")[.subject]?.maxScore == nil)
        #expect(throws: StaleRecordError.self) {
            try anna.setThresholds(
                instrument: "ЦНППМ", [.subject: (1, nil), .methodological: (2, nil)],
                expectedVersion: version.id)
        }
        #expect(try anna.ownThresholds(instrument: "ЦНППМ")[.subject]?.threshold == 14)
        #expect(try anna.ownThresholds(instrument: "ЦНППМ")[.methodological] == nil)
    }
}
