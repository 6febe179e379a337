import NastavnikTestSupport
import PropertyBased
import Testing

@testable import NastavnikCore

/// `SeminarPlanner` on plain values: the groups, the host, the presenters and the date, each
/// expectation worked out by hand from the rule in its doc comment.
@Suite struct SeminarPlannerTests {
    /// 02.11.2026 is a Monday; 31.10 and 01.11 are the weekend before it.
    let saturday = LocalDate(year: 2026, month: 10, day: 31)!
    let monday = LocalDate(year: 2026, month: 11, day: 2)!

    func school(
        _ id: Int64, _ code: String, municipality: String? = "М", internship: Bool = false, curator: Bool = false
    ) -> SeminarSchool {
        SeminarSchool(
            id: id, code: code, name: code, latitude: nil, longitude: nil, municipality: municipality,
            internshipSite: internship, curator: curator)
    }

    func person(_ id: Int64, school: Int64, strength: Double = 0, category: QualificationCategory? = nil)
        -> SeminarPerson
    {
        SeminarPerson(
            id: id, staffID: "T\(id)", name: "Учитель \(id)", schoolID: school, strength: strength, category: category)
    }

    /// Five teachers, capacity 2: three sessions (2 + 2 + 1), each teacher in exactly one.
    @Test func everyTeacherIsInOneSessionWithinCapacity() {
        let schools = [school(1, "A"), school(2, "B")]
        let teachers = (1...5).map { person($0, school: $0 <= 3 ? 1 : 2) }
        let planner = SeminarPlanner(capacity: 2, window: monday...monday.adding(days: 4))
        let sessions = planner.plan(participants: teachers, candidatesToPresent: [], schools: schools, busy: [:])
        #expect(sessions.map(\.participants.count).sorted() == [1, 2, 2])
        #expect(sessions.flatMap(\.participants).map(\.id).sorted() == [1, 2, 3, 4, 5])
    }

    /// A capacity below one is one: nobody is left out of a session.
    @Test func aCapacityBelowOneIsOne() {
        let planner = SeminarPlanner(capacity: 0, window: monday...monday)
        #expect(planner.capacity == 1)
        let sessions = planner.plan(
            participants: [person(1, school: 1), person(2, school: 1)], candidatesToPresent: [],
            schools: [school(1, "A")], busy: [:])
        #expect(sessions.count == 2)
    }

    /// The date is the first working day of the window on which no participant is busy: the
    /// window opens on Saturday, Monday is taken by teacher 1, so Tuesday 03.11.2026.
    @Test func theDateIsTheFirstFreeWorkingDay() {
        let planner = SeminarPlanner(capacity: 10, window: saturday...saturday.adding(days: 7))
        let teachers = [person(1, school: 1), person(2, school: 1)]
        let free = planner.plan(participants: teachers, candidatesToPresent: [], schools: [school(1, "A")], busy: [:])
        #expect(free.map(\.date) == [monday])
        let busy = planner.plan(
            participants: teachers, candidatesToPresent: [], schools: [school(1, "A")], busy: [1: [monday]])
        #expect(busy.map(\.date) == [monday.adding(days: 1)])
        // No free day at all: the window's last day.
        let week = Set((0...7).map { saturday.adding(days: $0) })
        let none = planner.plan(
            participants: teachers, candidatesToPresent: [], schools: [school(1, "A")], busy: [2: week])
        #expect(none.map(\.date) == [saturday.adding(days: 7)])
    }

    /// The host is the internship site or curator school with the least distance to the
    /// participants, a curator school counting 5 km more. Without coordinates a school in the
    /// same municipality is 20 km away: for two teachers of A, the internship site B costs
    /// 40 and the curator school C 45, so B hosts; once A itself curates it costs 0 + 5 and hosts.
    @Test func theHostIsTheNearestInternshipSiteOrCuratorSchool() {
        let planner = SeminarPlanner(capacity: 10, window: monday...monday)
        let teachers = [person(1, school: 1), person(2, school: 1)]
        let schools = [school(1, "A"), school(2, "B", internship: true), school(3, "C", curator: true)]
        #expect(
            planner.plan(participants: teachers, candidatesToPresent: [], schools: schools, busy: [:]).first?.host?.code
                == "B")
        let curating = [school(1, "A", curator: true), school(2, "B", internship: true), school(3, "C", curator: true)]
        #expect(
            planner.plan(participants: teachers, candidatesToPresent: [], schools: curating, busy: [:]).first?.host?
                .code == "A")
        // A site in another municipality is 1 000 km away: the curator school in M hosts.
        let far = [
            school(1, "A"), school(2, "B", municipality: "Другой", internship: true), school(3, "C", curator: true),
        ]
        #expect(
            planner.plan(participants: teachers, candidatesToPresent: [], schools: far, busy: [:]).first?.host?.code
                == "C")
        // No school may host: the first participant's own school.
        #expect(
            planner.plan(participants: teachers, candidatesToPresent: [], schools: [school(1, "A")], busy: [:]).first?
                .host?.code == "A")
    }

    /// Presenters: two at most, highest category first, then the strongest in the topic; a
    /// participant never presents, and a presenter busy on the day is passed over.
    @Test func presentersAreTheHighestCategoryThenTheStrongest() {
        let planner = SeminarPlanner(capacity: 10, window: monday...monday.adding(days: 4))
        let candidates = [
            person(11, school: 1, strength: 0.9, category: .first),
            person(12, school: 1, strength: 0.1, category: .highest),
            person(13, school: 1, strength: 1.0),
            person(14, school: 1, strength: 0.5, category: .highest),
            person(1, school: 1, strength: 2.0, category: .highest),
        ]
        let teachers = [person(1, school: 1), person(2, school: 1)]
        let sessions = planner.plan(
            participants: teachers, candidatesToPresent: candidates, schools: [school(1, "A")], busy: [:])
        #expect(sessions.first?.presenters.map(\.id) == [14, 12])
        let busy = planner.plan(
            participants: teachers, candidatesToPresent: candidates, schools: [school(1, "A")], busy: [14: [monday]])
        #expect(busy.first?.date == monday)
        #expect(busy.first?.presenters.map(\.id) == [12, 11])
    }

    /// Attendance is recorded on the event's day or after it, never before.
    @Test func attendanceIsRefusedBeforeTheEvent() {
        #expect(SeminarPlanner.attendanceRefusal(event: 7, date: monday, asOf: monday) == nil)
        #expect(SeminarPlanner.attendanceRefusal(event: 7, date: monday, asOf: monday.adding(days: 1)) == nil)
        #expect(
            SeminarPlanner.attendanceRefusal(event: 7, date: monday, asOf: saturday)
                == "Мероприятие № 7 назначено на 02.11.2026 и ещё не прошло (на 31.10.2026): посещаемость отмечается после него."
        )
    }

    /// A plan's seminar item is fulfilled by the event it names, or by any event of its topic (folded).
    @Test func attendanceFulfilsTheItemOfTheEventOrItsTopic() {
        #expect(SeminarPlanner.attendanceFulfils(itemTopic: nil, itemEvent: 3, event: 3, eventTopic: nil))
        #expect(
            SeminarPlanner.attendanceFulfils(
                itemTopic: "Формирующее оценивание", itemEvent: nil, event: 3, eventTopic: "формирующее ОЦЕНИВАНИЕ"))
        #expect(!SeminarPlanner.attendanceFulfils(itemTopic: "оценивание", itemEvent: 4, event: 3, eventTopic: "ГИА"))
        #expect(!SeminarPlanner.attendanceFulfils(itemTopic: nil, itemEvent: nil, event: 3, eventTopic: "ГИА"))
    }

    /// Invariants on random inputs: every participant is in exactly one session, no session is
    /// over capacity, every date lies in the window, and no presenter is a participant of their session.
    @Test func everyParticipantOnceWithinCapacityAndWindow() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000)) { seed in
            var rng = SeededGenerator(seed: UInt64(seed))
            let schools = (1...Int.random(in: 1...6, using: &rng)).map {
                school(
                    Int64($0), "S\($0)", municipality: Bool.random(using: &rng) ? "М" : "Н",
                    internship: Int.random(in: 0...3, using: &rng) == 0,
                    curator: Int.random(in: 0...3, using: &rng) == 0)
            }
            let people = (1...Int.random(in: 1...30, using: &rng)).map {
                person(
                    Int64($0), school: Int64.random(in: 1...Int64(schools.count), using: &rng),
                    strength: Double.random(in: 0...1, using: &rng))
            }
            let participants = people.filter { _ in Bool.random(using: &rng) }
            let busy = Dictionary(
                uniqueKeysWithValues: people.map {
                    ($0.id, Set([monday.adding(days: Int.random(in: 0...9, using: &rng))]))
                })
            let planner = SeminarPlanner(
                capacity: Int.random(in: 1...8, using: &rng), window: saturday...saturday.adding(days: 9))
            let sessions = planner.plan(
                participants: participants, candidatesToPresent: people, schools: schools, busy: busy)
            #expect(
                sessions.flatMap(\.participants).map(\.id).sorted() == participants.map(\.id).sorted(), "seed \(seed)")
            for session in sessions {
                #expect(session.participants.count <= planner.capacity, "seed \(seed)")
                #expect(planner.window.contains(session.date), "seed \(seed)")
                #expect(session.presenters.count <= 2)
                #expect(
                    Set(session.presenters.map(\.id)).isDisjoint(with: session.participants.map(\.id)), "seed \(seed)")
            }
        }
    }
}
