import NastavnikTestSupport
import PropertyBased
import Testing

@testable import NastavnikCore

/// The rule of which course a plan or the training order may name, and the plans and orders made by it.
@Suite struct CourseAvailabilityTests {
    let year = d("2026-09-01")...d("2027-08-31")
    let asOf = d("2026-11-22")
    var planner: DevelopmentPlanner { DevelopmentPlanner(year: year, asOf: asOf) }

    func course(
        _ id: Int64, topics: [String] = ["формирующее оценивание"], subjects: [String] = [], start: String? = nil,
        end: String? = nil, seats: Int? = nil, hours: Double = 36, provider: String = "ГАУ ДПО ИРО"
    ) -> PlanCourse {
        PlanCourse(
            id: id, code: "K\(id)", title: "Курс \(id)", provider: provider, hours: hours, topics: topics,
            subjects: subjects,
            start: start.map(d), end: end.map(d), seatsLeft: seats)
    }

    @Test func subjectsMatchWhateverTheSpelling() {
        #expect(SchoolSubject.matches("Математика", "математика"))
        #expect(SchoolSubject.matches("Физическая культура", "физкультура"))
        #expect(SchoolSubject.matches("ОБЖ", "ОБЗР"))
        #expect(SchoolSubject.matches("иностранный язык", "Английский язык"))
        #expect(SchoolSubject.matches("алгебра", "математика"))
        #expect(SchoolSubject.matches("начальные классы", "окружающий мир"))
        #expect(!SchoolSubject.matches("английский язык", "немецкий язык"))
        #expect(!SchoolSubject.matches("математика", "физическая культура"))
        #expect(SchoolSubject.fits(courseSubjects: [], teacherSubjects: ["физкультура"]))
        #expect(!SchoolSubject.fits(courseSubjects: ["математика"], teacherSubjects: []))
    }

    @Test func aCourseIsOpenOnlyBeforeItStartsByTheDeadlineWithSeatsAndForTheSubject() {
        let deadline = year.upperBound
        #expect(course(1).closure(for: ["химия"], earliest: asOf, deadline: deadline) == nil)
        #expect(
            course(2, start: "2026-09-22", end: "2026-10-01").closure(for: [], earliest: asOf, deadline: deadline)
                == .started(d("2026-09-22")))
        // Started before the as-of date, ending after it: already under way.
        #expect(
            course(3, start: "2026-11-16", end: "2026-12-25").closure(for: [], earliest: asOf, deadline: deadline)
                == .started(d("2026-11-16")))
        #expect(
            course(4, start: "2027-08-20", end: "2027-09-10").closure(for: [], earliest: asOf, deadline: deadline)
                == .endsAfterDeadline(d("2027-09-10")))
        #expect(
            course(5, end: "2026-10-01").closure(for: [], earliest: asOf, deadline: deadline)
                == .started(d("2026-10-01")))
        #expect(
            course(6, start: "2027-02-01", end: "2027-02-10", seats: 0).closure(
                for: [], earliest: asOf, deadline: deadline) == .full)
        #expect(
            course(7, subjects: ["математика"], start: "2027-03-16", end: "2027-03-22").closure(
                for: ["физическая культура"], earliest: asOf, deadline: deadline)
                == .otherSubject(["математика"]))
        #expect(
            course(8, subjects: ["Физическая культура"]).isOpen(
                for: ["физкультура"], earliest: asOf, deadline: deadline))
        #expect(course(9, start: "2026-11-22", end: "2026-11-30").isOpen(for: [], earliest: asOf, deadline: deadline))
    }

    /// The demo's case: a PE teacher was sent to a maths course that ended 01.10.2026.
    @Test func aPlanNamesNoCourseThatStartedOrIsAnotherSubjects() {
        var courses = [
            course(1, topics: ["подготовка к ГИА"], subjects: ["математика"], start: "2026-09-22", end: "2026-10-01"),
            course(2, topics: ["подготовка к ГИА"], subjects: ["математика"], start: "2027-03-16", end: "2027-03-22"),
            course(3, topics: ["подготовка к ГИА"], start: "2026-11-16", end: "2026-11-27"),
        ]
        let teacher = PlanTeacher(
            id: 1, name: "Климов", schoolID: 1, subjects: ["физкультура"], topics: ["подготовка к ГИА"])
        let items = planner.draft(for: teacher, courses: &courses)
        let courseItems = items.filter { $0.kind == .course }
        #expect(courseItems.count == 1)
        #expect(courseItems[0].courseID == nil)
        #expect(courseItems[0].description.contains("нет подходящей программы"))
        // The maths teacher gets the March session.
        let maths = PlanTeacher(
            id: 2, name: "Леонова", schoolID: 1, subjects: ["Математика"], topics: ["подготовка к ГИА"])
        let mathsItems = planner.draft(for: maths, courses: &courses)
        #expect(mathsItems.first { $0.kind == .course }?.courseID == 2)
    }

    @Test func subjectCompetencesAreAnsweredByACourseOfTheSubject() {
        var courses = [
            course(1, topics: ["подготовка к ГИА"], subjects: ["химия"], start: "2027-02-01", end: "2027-02-10")
        ]
        let teacher = PlanTeacher(
            id: 1, name: "Назаров", schoolID: 1, subjects: ["химия"], topics: ["предметные компетенции"])
        let items = planner.draft(for: teacher, courses: &courses)
        #expect(items.first { $0.kind == .course }?.courseID == 1)
    }

    @Test func everyoneAtASupportSchoolGetsAPlan() {
        #expect(
            DevelopmentPlanner.needsPlan(
                schoolStatuses: [.lowResults], allStaffStatuses: [.lowResults, .highRisk, .moderateRisk],
                hasDeficits: false, hasOpenItems: false))
        #expect(
            DevelopmentPlanner.needsPlan(
                schoolStatuses: [.moderateRisk], allStaffStatuses: [.lowResults, .highRisk, .moderateRisk],
                hasDeficits: false, hasOpenItems: false))
        #expect(
            !DevelopmentPlanner.needsPlan(
                schoolStatuses: [.effective], allStaffStatuses: [.lowResults, .highRisk, .moderateRisk],
                hasDeficits: false, hasOpenItems: false))
        #expect(
            DevelopmentPlanner.needsPlan(
                schoolStatuses: [.effective], allStaffStatuses: [.lowResults], hasDeficits: true, hasOpenItems: false))
        // Without deficits: the support topic of the role; a course only when the 3-year term ends within the year.
        var courses = [course(1, topics: ["управление качеством образования"], start: "2027-01-10", end: "2027-01-20")]
        let head = PlanTeacher(
            id: 1, name: "Власова", schoolID: 1, subjects: [], topics: [], leading: true, allStaffSchool: true,
            dueForTraining: true)
        let headItems = planner.draft(for: head, courses: &courses)
        #expect(headItems.first { $0.kind == .course }?.courseID == 1)
        #expect(headItems.contains { $0.kind == .selfStudy && $0.topic == "управление качеством образования" })
        let trained = PlanTeacher(
            id: 2, name: "Ефимова", schoolID: 1, subjects: ["химия"], topics: [], allStaffSchool: true,
            dueForTraining: false)
        let trainedItems = planner.draft(for: trained, courses: &courses)
        #expect(!trainedItems.isEmpty)
        #expect(!trainedItems.contains { $0.kind == .course })
    }

    @Test func openItemsAreCarriedOnceWithTheCourseChosenAgain() {
        let next = DevelopmentPlanner(year: d("2027-09-01")...d("2028-08-31"), asOf: d("2027-09-01"))
        var courses = [
            course(1, topics: ["проектная деятельность"], start: "2027-03-01", end: "2027-03-10"),
            course(2, topics: ["проектная деятельность"], start: "2027-11-01", end: "2027-11-10"),
        ]
        let teacher = PlanTeacher(
            id: 1, name: "Иванова", schoolID: 1, subjects: ["математика"], topics: ["формирующее оценивание"])
        let previous = [
            PlanItemDraft(
                kind: .course, topic: "проектная деятельность", description: "Пройти курсы K1", courseID: 1,
                deadline: d("2027-03-10"), expectedResult: ""),
            PlanItemDraft(
                kind: .selfStudy, topic: "проектная деятельность", description: "Самообразование",
                deadline: d("2027-04-30"), expectedResult: ""),
            PlanItemDraft(
                kind: .selfStudy, topic: "формирующее оценивание", description: "Самообразование",
                deadline: d("2027-04-30"), expectedResult: ""),
        ]
        let drafts = next.draft(for: teacher, courses: &courses)
        let carried = next.carryOver(
            previous, from: "2026/27", into: drafts, teacher: teacher, courses: &courses, events: [])
        // The course of last March is chosen again: November's session.
        #expect(carried.filter { $0.kind == .course && $0.topic == "проектная деятельность" }.map(\.courseID) == [2])
        // The self-study on a topic the new plan already has is not repeated.
        #expect(carried.filter { $0.kind == .selfStudy && $0.topic == "формирующее оценивание" }.count == 1)
        #expect(carried.filter { $0.kind == .selfStudy && $0.topic == "проектная деятельность" }.count == 1)
        #expect(carried.allSatisfy { next.year.contains($0.deadline) })
        // Carrying what was carried changes nothing.
        var again = courses
        #expect(
            next.carryOver(previous, from: "2026/27", into: carried, teacher: teacher, courses: &again, events: [])
                == carried)
    }

    @Test func theOrderOffersOnlyOpenCoursesAndGroupsTheRestByTopic() {
        let courses = [
            course(
                1, topics: ["подготовка к ГИА"], subjects: ["математика"], start: "2026-09-22", end: "2026-10-01",
                seats: 10),
            course(
                2, topics: ["подготовка к ГИА"], subjects: ["математика"], start: "2027-03-16", end: "2027-03-22",
                seats: 1),
            course(3, topics: ["классное руководство"], start: "2027-02-01", end: "2027-02-10", seats: 5),
        ]
        func candidate(_ id: Int64, subjects: [String], deficits: [String] = [], unmet: [String] = [], due: Bool = true)
            -> OrderCandidate
        {
            OrderCandidate(
                id: id, staffID: "T\(id)", fullName: "Ф\(id)", schoolCode: "S1", schoolName: "Школа",
                subjects: subjects,
                deficits: deficits, reason: "", plannedCourseID: nil, unmetTopics: unmet, due: due)
        }
        let planner = TrainingOrderPlanner(year: d("2027-01-01")...d("2027-12-31"), minimumHours: 16, asOf: asOf)
        let result = planner.assign(
            [
                candidate(1, subjects: ["физкультура"], deficits: ["подготовка к ГИА"]),
                candidate(2, subjects: ["математика"], deficits: ["подготовка к ГИА"]),
                candidate(
                    3, subjects: ["математика"], deficits: ["подготовка к ГИА"], unmet: ["проектная деятельность"]),
                candidate(4, subjects: ["химия"], unmet: ["проектная деятельность"], due: false),
            ], courses: courses)
        let byID = Dictionary(uniqueKeysWithValues: result.map { ($0.candidate.id, $0.course?.id) })
        #expect(byID[1] == 3)  // not the maths course: the cross-subject one
        #expect(byID[2] == 2)
        #expect(byID[3] == 3)  // the March session is full
        #expect(byID[4] == .some(nil))  // sent for the plan's need only: no unrelated course
        let needs = TrainingOrderPlanner.needs(result)
        #expect(needs.map(\.topic) == ["проектная деятельность"])
        #expect(needs[0].candidates.map(\.id).sorted() == [3, 4])
    }

    @Test func theOrderSendsThoseWhoseTermEndsWithinTheYear() {
        let y2027 = d("2027-01-01")...d("2027-12-31")
        #expect(TrainingOrderPlanner.mustTrain(dueBy: d("2027-12-31"), year: y2027))
        #expect(TrainingOrderPlanner.mustTrain(dueBy: d("2025-03-01"), year: y2027))
        #expect(!TrainingOrderPlanner.mustTrain(dueBy: d("2028-01-01"), year: y2027))
        #expect(TrainingOrderPlanner.mustTrain(dueBy: nil, year: y2027))
    }

    @Test func enrolmentAndCompletionAreChecked() {
        let today = d("2027-02-02")
        func enrolment(_ title: String, _ start: String, _ end: String, seats: Int?, taken: Int) -> String? {
            EnrolmentRule.checkEnrolment(
                title: title, start: d(start), end: d(end), seats: seats, taken: taken, today: today)
        }
        func completion(_ start: String, _ end: String) -> String? {
            EnrolmentRule.checkCompletion(title: "K1", start: d(start), end: d(end), today: today)
        }
        #expect(
            enrolment("Вебинар", "2027-02-01", "2027-02-01", seats: nil, taken: 0)?.contains("закончилась 01.02.2027")
                == true)
        #expect(enrolment("K1", "2027-03-01", "2027-03-15", seats: 1, taken: 1)?.contains("занято 1 из 1") == true)
        #expect(
            enrolment("K1", "2027-03-15", "2027-03-01", seats: nil, taken: 0)?.contains("раньше её начала") == true)
        #expect(enrolment("K1", "2027-03-01", "2027-03-15", seats: 2, taken: 1) == nil)
        #expect(completion("2027-03-01", "2027-03-15")?.contains("15.03.2027 ещё не наступила") == true)
        #expect(completion("2027-01-20", "2027-01-10")?.contains("раньше начала (20.01.2027)") == true)
        #expect(completion("2027-01-10", "2027-01-20") == nil)
    }

    // MARK: - Invariants over random catalogues and teachers

    static let subjectSpellings: [[String]] = [
        ["математика", "Математика", "МАТЕМАТИКА"],
        ["физическая культура", "Физическая культура", "физкультура"],
        ["ОБЗР", "ОБЖ", "обзр"],
        ["английский язык", "Английский язык", "английский"],
        ["химия", "Химия"],
        ["русский язык", "Русский язык", "русский"],
    ]
    static let topics = [
        "подготовка к ГИА", "формирующее оценивание", "проектная деятельность", "предметные компетенции",
    ]

    /// A random municipality's catalogue and staff from one seed: courses with and without
    /// sessions, seats and subjects (spelt every way); teachers with subjects and deficits.
    struct World {
        var courses: [PlanCourse] = []
        var teachers: [PlanTeacher] = []
        /// The canonical subject index of each spelling used.
        var subjectIndex: [String: Int] = [:]
        var asOf: LocalDate

        init(seed: UInt64) {
            var rng = SeededGenerator(seed: seed)
            let base = d("2026-06-01")
            asOf = base.adding(days: Int(rng.next() % 500))
            func subjects() -> [String] {
                (0..<Int(rng.next() % 3)).map { _ in
                    let s = Int(rng.next() % UInt64(subjectSpellings.count))
                    let spellings = subjectSpellings[s]
                    return spellings[Int(rng.next() % UInt64(spellings.count))]
                }
            }
            for id in 1...Int64(1 + rng.next() % 25) {
                var start: LocalDate?
                var end: LocalDate?
                switch rng.next() % 4 {
                case 0: break
                case 1:
                    start = base.adding(days: Int(rng.next() % 800))
                    end = start!.adding(days: Int(rng.next() % 60))
                case 2: end = base.adding(days: Int(rng.next() % 800))
                default: start = base.adding(days: Int(rng.next() % 800))
                }
                let topics = (0..<Int(1 + rng.next() % 2)).map { _ in
                    CourseAvailabilityTests.topics[Int(rng.next() % 4)]
                }
                courses.append(
                    PlanCourse(
                        id: id, code: "K\(id)", title: "Курс \(id)",
                        provider: rng.next() % 2 == 0 ? "ГАУ ДПО ИРО" : "ООО «Курсы»",
                        hours: [8, 16, 36, 72][Int(rng.next() % 4)], topics: topics, subjects: subjects(), start: start,
                        end: end,
                        seatsLeft: rng.next() % 3 == 0 ? nil : Int(rng.next() % 3)))
            }
            for id in 1...Int64(1 + rng.next() % 15) {
                let topics = (0..<Int(rng.next() % 3)).map { _ in CourseAvailabilityTests.topics[Int(rng.next() % 4)] }
                teachers.append(
                    PlanTeacher(
                        id: id, name: "Педагог \(id)", schoolID: 1, subjects: subjects(), topics: Array(Set(topics)),
                        leading: rng.next() % 5 == 0, allStaffSchool: rng.next() % 2 == 0,
                        dueForTraining: rng.next() % 2 == 0))
            }
            for spellings in subjectSpellings.enumerated() {
                for s in spellings.element { subjectIndex[s] = spellings.offset }
            }
        }

        /// The invariant, said independently of the rule's code: the course has not started before
        /// `earliest`, ends by `deadline`, had a seat, and is of one of the teacher's subjects or none.
        func violation(
            _ course: PlanCourse, original: PlanCourse, subjects: [String], earliest: LocalDate, deadline: LocalDate
        ) -> String? {
            if let s = course.start, s < earliest { return "начался \(s.iso)" }
            if let e = course.end, e < earliest { return "закончился \(e.iso)" }
            if let e = course.end, e > deadline { return "заканчивается \(e.iso)" }
            if course.end == nil, let s = course.start, s > deadline { return "начинается после срока" }
            if let seats = original.seatsLeft, seats <= 0 { return "мест не было" }
            let mine = Set(subjects.compactMap { subjectIndex[$0] })
            if !course.subjects.isEmpty, mine.isDisjoint(with: course.subjects.compactMap { subjectIndex[$0] }) {
                return "другой предмет"
            }
            return nil
        }
    }

    @Test func noPlanItemNamesACourseThatIsClosedToTheTeacher() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let world = World(seed: seed)
            let planner = DevelopmentPlanner(year: year, asOf: world.asOf)
            var courses = world.courses
            var taken: [Int64: Int] = [:]
            for teacher in world.teachers {
                let drafted = planner.draft(for: teacher, courses: &courses)
                // Last year's open course items, on every topic, naming any course: carried, they name open courses only.
                let previous = CourseAvailabilityTests.topics.enumerated().map { i, topic in
                    PlanItemDraft(
                        kind: .course, topic: topic, description: "Курс",
                        courseID: world.courses[i % world.courses.count].id,
                        deadline: d("2026-03-01"), expectedResult: "")
                }
                let items =
                    teacher.id % 2 == 0
                    ? planner.carryOver(
                        previous, from: "2025/26", into: drafted, teacher: teacher, courses: &courses, events: [])
                    : drafted
                let keys = items.filter { $0.kind == .course }.map { CellValue.fold($0.topic ?? "") }
                #expect(Set(keys).count == keys.count, "семя \(seed): тема курса дважды")
                for item in items where item.kind == .course {
                    guard let id = item.courseID else {
                        #expect(item.description.contains(DevelopmentPlanner.noProgramme))
                        continue
                    }
                    let original = world.courses.first { $0.id == id }!
                    taken[id, default: 0] += 1
                    let problem = world.violation(
                        original, original: original, subjects: teacher.subjects,
                        earliest: max(world.asOf, year.lowerBound), deadline: year.upperBound)
                    #expect(problem == nil, "семя \(seed): пункт плана \(teacher.id) — курс \(id): \(problem ?? "")")
                    #expect(year.contains(item.deadline))
                }
            }
            for (id, count) in taken {
                if let seats = world.courses.first(where: { $0.id == id })!.seatsLeft {
                    #expect(count <= seats, "семя \(seed): курс \(id) сверх мест")
                }
            }
        }
    }

    @Test func noOrderLineNamesACourseThatIsClosedToTheTeacher() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let world = World(seed: seed)
            let orderYear = d("2027-01-01")...d("2027-12-31")
            let candidates = world.teachers.map { t in
                OrderCandidate(
                    id: t.id, staffID: nil, fullName: t.name, schoolCode: "S1", schoolName: "Школа",
                    subjects: t.subjects,
                    deficits: t.topics, reason: "", plannedCourseID: t.id % 3 == 0 ? Int64(t.id % 7) : nil,
                    unmetTopics: t.leading ? ["проектная деятельность"] : [], due: t.dueForTraining)
            }
            let result = TrainingOrderPlanner(year: orderYear, minimumHours: 16, asOf: world.asOf).assign(
                candidates, courses: world.courses)
            #expect(result.count == candidates.count)
            var taken: [Int64: Int] = [:]
            for line in result {
                guard let c = line.course else { continue }
                let original = world.courses.first { $0.id == c.id }!
                taken[c.id, default: 0] += 1
                let problem = world.violation(
                    original, original: original, subjects: line.candidate.subjects,
                    earliest: max(world.asOf, orderYear.lowerBound), deadline: orderYear.upperBound)
                #expect(
                    problem == nil, "семя \(seed): строка заказа \(line.candidate.id) — курс \(c.id): \(problem ?? "")")
                #expect(c.hours >= 16)
            }
            for (id, count) in taken {
                if let seats = world.courses.first(where: { $0.id == id })!.seatsLeft {
                    #expect(count <= seats, "семя \(seed): курс \(id) сверх мест")
                }
            }
            // Everyone left without a course is in the needs.
            let needy = Set(TrainingOrderPlanner.needs(result).flatMap { $0.candidates.map(\.id) })
            #expect(result.filter { $0.course == nil }.allSatisfy { needy.contains($0.candidate.id) })
        }
    }
    @Test func theIndexedOrderIsTheCatalogueScanItReplaced() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let world = World(seed: seed)
            let orderYear = d("2027-01-01")...d("2027-12-31")
            let candidates = world.teachers.map { t in
                OrderCandidate(
                    id: t.id, staffID: nil, fullName: t.name, schoolCode: "S\(t.id % 3)", schoolName: "Школа",
                    subjects: t.subjects,
                    deficits: t.topics + (t.id % 4 == 1 ? [DevelopmentPlanner.topic(for: .subject)] : []), reason: "",
                    plannedCourseID: t.id % 3 == 0 ? Int64(t.id % 7) : nil,
                    unmetTopics: t.leading ? ["проектная деятельность"] : [], due: t.dueForTraining)
            }
            let planner = TrainingOrderPlanner(year: orderYear, minimumHours: 16, asOf: world.asOf)
            let indexed = planner.assign(candidates, courses: world.courses)
            let scanned = planner.scanningAssign(candidates, courses: world.courses)
            #expect(indexed == scanned, "семя \(seed)")
        }
    }
}

extension TrainingOrderPlanner {
    /// The order as it was planned before the course index: every open course scanned for every
    /// person (O(people × courses)). The oracle the index must agree with line for line.
    fileprivate func scanningAssign(_ candidates: [OrderCandidate], courses: [PlanCourse]) -> [OrderAssignment] {
        var courses = courses.filter { $0.hours >= minimumHours }
        func take(_ index: Int) -> PlanCourse {
            if let seats = courses[index].seatsLeft { courses[index].seatsLeft = seats - 1 }
            return courses[index]
        }
        let ordered = candidates.sorted {
            ($0.plannedCourseID == nil ? 1 : 0, $0.schoolCode, $0.fullName) < (
                $1.plannedCourseID == nil ? 1 : 0, $1.schoolCode, $1.fullName
            )
        }
        return ordered.map { candidate in
            func open(_ c: PlanCourse) -> Bool {
                c.isOpen(for: candidate.subjects, earliest: earliest, deadline: year.upperBound)
            }
            func best(_ matching: (PlanCourse) -> Bool) -> Int? {
                courses.indices.filter { open(courses[$0]) && matching(courses[$0]) }.min {
                    courses[$0].preference < courses[$1].preference
                }
            }
            let needs = candidate.unmetTopics + candidate.deficits
            let index =
                candidate.plannedCourseID.flatMap { id in courses.firstIndex { $0.id == id && open($0) } }
                ?? best { c in needs.contains { c.answers($0) } }
                ?? (candidate.due ? best { !$0.subjects.isEmpty } ?? best { $0.subjects.isEmpty } : nil)
            return OrderAssignment(candidate: candidate, course: index.map(take))
        }
    }
}

extension DevelopmentPlanner {
    /// The draft of `teacher` alone: no events, colleagues or curated schools.
    fileprivate func draft(for teacher: PlanTeacher, courses: inout [PlanCourse]) -> [PlanItemDraft] {
        draft(for: teacher, courses: &courses, events: [], colleagues: [], curatorSchools: [])
    }
}
