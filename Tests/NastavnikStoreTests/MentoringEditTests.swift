import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// A mentoring pair changed through the web's forms: pairs taken all or none, consent, meetings
/// and the end with its reason, each refused on a pair changed since the form was opened.
@Suite struct MentoringEditTests {
    let path: String
    let today = LocalDate(year: 2026, month: 12, day: 5)!

    init() throws {
        path = try PlanEditTests.seeded(
            "nastavnik-mentoring-edit",
            """
            INSERT INTO school (id, code, name) VALUES (1, 'S1', 'Школа');
            INSERT INTO staff (id, person_key, staff_id, full_name, school_id, position, position_kind, category)
                VALUES (1, 'id:M1', 'M1', 'Наставник Вера', 1, 'учитель', 'pedagogical', 'highest'),
                       (2, 'id:Y1', 'Y1', 'Молодая Анна', 1, 'учитель', 'pedagogical', NULL),
                       (3, 'id:Y2', 'Y2', 'Молодой Олег', 1, 'учитель', 'pedagogical', NULL),
                       (4, 'id:C1', 'C1', 'Повар Ирина', 1, 'повар', 'other', NULL);
            """)
    }

    func database(as name: String) throws -> NastavnikDatabase {
        try NastavnikDatabase(path: path).acting(as: AuditActor(name: name))
    }

    func pairs() throws -> [MentorshipLine] { try NastavnikDatabase(path: path).mentorships(activeOn: nil) }

    @Test func chosenPairsAreTakenAllOrNone() throws {
        let anna = try database(as: "Анна")
        let start = LocalDate(year: 2026, month: 12, day: 1)!
        // The cook may not be mentored: the first pair is not written either.
        #expect(throws: StoreError.self) {
            try anna.assignMentors(
                [("M1", "Y1"), ("M1", "C1")], form: "учитель – учитель", start: start, goal: nil, consent: nil,
                today: today)
        }
        #expect(try pairs().isEmpty)
        try anna.assignMentors(
            [("M1", "Y1"), ("M1", "Y2")], form: "учитель – учитель", start: start, goal: "адаптация", consent: start,
            today: today)
        #expect(try pairs().map(\.menteeID) == ["Y1", "Y2"])
        #expect(try pairs().allSatisfy { $0.consent == start && $0.goal == "адаптация" })
    }

    @Test func consentMeetingAndEndAreRecordedOnTheVersionOpened() throws {
        let anna = try database(as: "Анна")
        let boris = try database(as: "Борис")
        try anna.assignMentor(
            mentor: "M1", mentee: "Y1", form: nil, start: LocalDate(year: 2026, month: 9, day: 1)!, end: nil, goal: nil,
            consent: nil, today: today)
        let id = try #require(try pairs().first?.id)
        let opened = try anna.mentorshipVersion(id: id).id
        try anna.recordConsent(
            mentorship: id, mentor: nil, mentee: LocalDate(year: 2026, month: 9, day: 2)!, today: today,
            expectedVersion: opened)
        #expect(try pairs().first?.menteeConsent == LocalDate(year: 2026, month: 9, day: 2)!)
        #expect(try pairs().first?.consent == nil)
        // Boris opened the meeting form before Anna's consent: refused, nothing written.
        #expect(throws: StaleRecordError.self) {
            try boris.addMeeting(
                mentorship: id, date: today, topic: "план", note: nil, today: today, expectedVersion: opened)
        }
        #expect(try pairs().first?.meetings == 0)
        var version = try anna.mentorshipVersion(id: id).id
        try anna.addMeeting(
            mentorship: id, date: LocalDate(year: 2026, month: 10, day: 1)!, topic: "план работы", note: "составили",
            today: today, expectedVersion: version)
        #expect(try anna.mentoringMeetings(mentorship: id).map(\.topic) == ["план работы"])
        version = try anna.mentorshipVersion(id: id).id
        try anna.endMentorship(
            id: id, on: LocalDate(year: 2026, month: 11, day: 30)!, reason: "цели достигнуты", expectedVersion: version)
        #expect(try pairs().first?.end == LocalDate(year: 2026, month: 11, day: 30)!)
        #expect(try pairs().first?.endReason == "цели достигнуты")
        #expect(try anna.mentorshipVersion(id: id).by == "Анна")
    }

    @Test func theRulesRefuseAMeetingOrConsentOutOfTime() throws {
        let anna = try database(as: "Анна")
        try anna.assignMentor(
            mentor: "M1", mentee: "Y1", form: nil, start: LocalDate(year: 2026, month: 9, day: 1)!,
            end: LocalDate(year: 2026, month: 11, day: 30)!, goal: nil, consent: nil, today: today)
        let id = try #require(try pairs().first?.id)
        #expect(throws: StoreError.invalid("Встреча 31.08.2026 раньше начала пары 01.09.2026.")) {
            try anna.addMeeting(
                mentorship: id, date: LocalDate(year: 2026, month: 8, day: 31)!, note: nil, today: today)
        }
        #expect(throws: StoreError.invalid("Встреча 01.12.2026 позже окончания пары 30.11.2026.")) {
            try anna.addMeeting(
                mentorship: id, date: LocalDate(year: 2026, month: 12, day: 1)!, note: nil, today: today)
        }
        #expect(throws: StoreError.self) {
            try anna.recordConsent(mentorship: id, mentor: today.adding(days: 1), mentee: nil, today: today)
        }
        #expect(throws: StoreError.notFound(what: "наставническая пара №", key: "9")) {
            try anna.endMentorship(id: 9, on: today)
        }
        #expect(try pairs().first?.meetings == 0 && pairs().first?.consent == nil)
    }
}
