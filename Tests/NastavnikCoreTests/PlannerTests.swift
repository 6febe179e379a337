import Testing

@testable import NastavnikCore

@Suite struct PlannerTests {
    let year = d("2026-09-01")...d("2027-08-31")

    func course(
        _ id: Int64, provider: String, hours: Double, topics: [String], seats: Int? = nil, subjects: [String] = [],
        end: String? = nil
    ) -> PlanCourse {
        PlanCourse(
            id: id, code: "K\(id)", title: "Курс \(id)", provider: provider, hours: hours, topics: topics,
            subjects: subjects,
            start: nil, end: end.map(d), seatsLeft: seats)
    }

    @Test(arguments: [
        ("ГАУ ДПО «Светлореченский институт развития образования»", ProviderRank.state),
        ("ФГАОУ ДПО «Академия Минпросвещения России»", .state),
        ("ЦНППМ", .state),
        ("МКУ «Информационно-методический центр»", .municipal),
        ("ИМК управления образования", .municipal),
        ("ООО «Центр онлайн-обучения»", .other),
        ("АНО ДПО «Академия школьного лидерства»", .other),
    ])
    func providerRanks(provider: String, rank: ProviderRank) {
        #expect(ProviderRank(provider: provider) == rank)
    }

    @Test func courseChoiceStateFirstThenFewestHoursThenSeats() {
        var courses = [
            course(1, provider: "ООО «Курсы»", hours: 16, topics: ["формирующее оценивание"]),
            course(2, provider: "ГАУ ДПО ИРО", hours: 72, topics: ["формирующее оценивание"]),
            course(3, provider: "ГАУ ДПО ИРО", hours: 36, topics: ["Формирующее оценивание"], seats: 1),
            course(4, provider: "ГАУ ДПО ИРО", hours: 8, topics: ["формирующее оценивание"]),
            course(5, provider: "ГАУ ДПО ИРО", hours: 36, topics: ["формирующее оценивание"], end: "2026-05-01"),
        ]
        let planner = DevelopmentPlanner(year: year)
        #expect(planner.course(for: "формирующее оценивание", subjects: [], in: &courses)?.id == 3)
        // Course 3 has no seats left now: the next state course by hours.
        #expect(planner.course(for: "формирующее оценивание", subjects: [], in: &courses)?.id == 2)
        #expect(planner.course(for: "функциональная грамотность", subjects: [], in: &courses) == nil)
    }

    @Test func draftAddressesEveryDeficitWithDeadlinesInsideTheYear() {
        var courses = [
            course(
                1, provider: "ГАУ ДПО ИРО", hours: 36, topics: ["формирующее оценивание", "функциональная грамотность"])
        ]
        let teacher = PlanTeacher(
            id: 1, name: "Иванова", schoolID: 10, subjects: ["математика"],
            topics: ["формирующее оценивание", "функциональная грамотность"])
        let colleagues = [
            PlanColleague(
                id: 2, name: "Сильная", schoolID: 10, subjects: ["математика"], category: .highest, deficits: [],
                strength: 0.5, diagnosed: true),
            PlanColleague(
                id: 3, name: "Куратор", schoolID: 20, subjects: ["математика"], category: .highest, deficits: [],
                strength: 0.9, diagnosed: true),
            PlanColleague(
                id: 4, name: "Слабая", schoolID: 10, subjects: ["математика"], category: .highest,
                deficits: ["формирующее оценивание"], strength: 0.9, diagnosed: true),
        ]
        let items = DevelopmentPlanner(year: year).draft(
            for: teacher, courses: &courses,
            events: [
                PlanEvent(id: 7, title: "Мастер-класс", topic: "функциональная грамотность", date: d("2026-10-15"))
            ], colleagues: colleagues, curatorSchools: [20])
        // One course covers both topics; a seminar and self-study each; a mentor and open lessons.
        #expect(items.filter { $0.kind == .course }.count == 1)
        #expect(items.filter { $0.kind == .seminar }.count == 2)
        #expect(items.filter { $0.kind == .seminar }.compactMap(\.eventID) == [7])
        #expect(items.filter { $0.kind == .selfStudy }.count == 2)
        #expect(items.first { $0.kind == .mentoring }?.colleagueID == 2)
        #expect(items.first { $0.kind == .openLesson }?.colleagueID == 3)
        #expect(items.allSatisfy { year.contains($0.deadline) })
    }

    @Test func orderKeepsSeatsAndPrefersThePlannedCourse() {
        let courses = [
            course(1, provider: "ГАУ ДПО ИРО", hours: 36, topics: ["оценивание"], seats: 1),
            course(2, provider: "ООО «Курсы»", hours: 72, topics: [], seats: 1),
            course(3, provider: "ГАУ ДПО ИРО", hours: 8, topics: []),
        ]
        func candidate(_ id: Int64, deficits: [String], planned: Int64? = nil) -> OrderCandidate {
            OrderCandidate(
                id: id, staffID: "T\(id)", fullName: "Ф\(id)", schoolCode: "S1", schoolName: "Школа", subjects: [],
                deficits: deficits, reason: "", plannedCourseID: planned)
        }
        let result = TrainingOrderPlanner(year: d("2027-01-01")...d("2027-12-31"), minimumHours: 16).assign(
            [
                candidate(1, deficits: ["оценивание"]), candidate(2, deficits: [], planned: 1),
                candidate(3, deficits: []),
            ], courses: courses)
        let byID = Dictionary(uniqueKeysWithValues: result.map { ($0.candidate.id, $0.course?.id) })
        #expect(byID[2] == 1)  // the planned course, first served
        #expect(byID[1] == 2)  // course 1 is full; the 8-hour webinar does not count
        #expect(byID[3] == .some(nil))
    }
}
