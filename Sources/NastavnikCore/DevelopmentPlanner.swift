/// Drafts individual development plans (ИППР/ИОМ) from deficits: for each deficit a course
/// whose topics match among those open to the teacher (`PlanCourse.closure`: a session not yet
/// started that ends by the plan's end, seats left, the teacher's subject or none; state or
/// municipal providers first, then the fewest adequate hours, then the most seats left) — or,
/// when none is, an item saying so, for the training order's needs; a seminar on the topic and
/// self-study; for the plan a mentor strong where the teacher is weak (same school first, then
/// the curator school) and open lessons to attend. Every deadline falls inside the plan's school year.
public struct DevelopmentPlanner: Sendable {
    public var year: ClosedRange<LocalDate>
    public var minimumHours: Double
    /// The date the plan is made on: no course that has started by then is offered.
    public var asOf: LocalDate

    public init(
        year: ClosedRange<LocalDate>, minimumHours: Double = TrainingRule.defaultMinimumHours, asOf: LocalDate? = nil
    ) {
        self.year = year
        self.minimumHours = minimumHours
        self.asOf = asOf ?? year.lowerBound
    }

    /// The earliest start of a session a plan may name: the as-of date, or the year's start if later.
    public var earliest: LocalDate { max(asOf, year.lowerBound) }

    /// The topic of the plan of someone without deficits at a school where everybody has a plan.
    /// Боровский район, п. 8, and Ставрополь: ИППР «отвечающих задачам работы с контингентом
    /// повышенной сложности и обеспечивающих освоение необходимых для этого форм и методов
    /// преподавания»; Ставрополь: «в школах с НРО … необходима целенаправленная работа с
    /// управленческими командами, реализуемая при помощи дополнительных профессиональных программ
    /// повышения квалификации» — for leading workers, the management of quality.
    public static func supportTopic(leading: Bool) -> String {
        leading ? "управление качеством образования" : "работа с контингентом повышенной сложности"
    }

    /// The topic a competence below its threshold stands for.
    public static func topic(for competence: Competence) -> String {
        switch competence {
        case .subject: "предметные компетенции"
        case .methodological: "методические компетенции"
        case .psychological: "психолого-педагогические компетенции"
        case .communicative: "коммуникативные компетенции"
        }
    }

    /// Who gets a plan. Заиграевский район: «включая всех педагогических и руководящих работников
    /// в реализацию плана повышения их квалификации … основанного на индивидуальных планах
    /// профессионального развития» in schools with НОР and ЗР; Ставрополь 2.9: «для всех учителей ОО
    /// со стабильно низкими образовательными результатами». Elsewhere those with a deficit or a
    /// score at or below a threshold, and those with open items of an earlier plan.
    public static func needsPlan(
        schoolStatuses: Set<SchoolStatus>, allStaffStatuses: Set<SchoolStatus>,
        hasDeficits: Bool, hasOpenItems: Bool
    ) -> Bool {
        hasDeficits || hasOpenItems || !schoolStatuses.isDisjoint(with: allStaffStatuses)
    }

    /// A date inside the plan year: `month`/`day` of whichever calendar year the school year has it in,
    /// and not before the as-of date (a plan made in January is not born overdue).
    func inYear(month: Int, day: Int) -> LocalDate {
        let y = month >= 9 ? year.lowerBound.year : year.upperBound.year
        let date = LocalDate(year: y, month: month, day: min(day, LocalDate.daysIn(month: month, year: y)))!
        return min(max(date, earliest), year.upperBound)
    }

    /// The best course open to a teacher of `subjects` among those `matching`, consuming a seat:
    /// state and municipal first, then one for the teacher's subject before a cross-subject one,
    /// the fewest adequate hours, the most seats left.
    func bestCourse(subjects: [String], in courses: inout [PlanCourse], matching: (PlanCourse) -> Bool) -> PlanCourse? {
        let candidates = courses.indices.filter { i in
            let c = courses[i]
            return c.hours >= minimumHours && matching(c)
                && c.isOpen(for: subjects, earliest: earliest, deadline: year.upperBound)
        }
        guard
            let best = candidates.min(by: { a, b in
                let x = courses[a].preference
                let y = courses[b].preference
                return (x.0, courses[a].subjects.isEmpty ? 1 : 0, x.1, x.2, x.3) < (
                    y.0, courses[b].subjects.isEmpty ? 1 : 0, y.1, y.2, y.3
                )
            })
        else { return nil }
        if let seats = courses[best].seatsLeft { courses[best].seatsLeft = seats - 1 }
        return courses[best]
    }

    /// The best catalogue course for a topic open to a teacher of `subjects`, consuming a seat from `courses`.
    public func course(for topic: String, subjects: [String], in courses: inout [PlanCourse]) -> PlanCourse? {
        bestCourse(subjects: subjects, in: &courses) { $0.covers(topic) }
    }

    /// The strongest colleague in a topic: same school first, then a curator school; a colleague
    /// teaching the same subject and of a higher category ranks higher.
    public func colleague(
        for teacher: PlanTeacher, topic: String?, among colleagues: [PlanColleague],
        curatorSchools: Set<Int64>, excluding: Set<Int64> = []
    ) -> PlanColleague? {
        let pool = colleagues.filter { c in
            c.id != teacher.id && !excluding.contains(c.id)
                && (c.schoolID == teacher.schoolID || curatorSchools.contains(c.schoolID))
                && (topic.map { c.isStrong(in: $0) } ?? (c.diagnosed && c.strength > 0))
        }
        func categoryRank(_ c: PlanColleague) -> Int {
            switch c.category {
            case .highest?: 0
            case .first?: 1
            default: 2
            }
        }
        return pool.min { a, b in
            let sa = a.subjects.contains { s in teacher.subjects.contains { SchoolSubject.matches($0, s) } } ? 0 : 1
            let sb = b.subjects.contains { s in teacher.subjects.contains { SchoolSubject.matches($0, s) } } ? 0 : 1
            return (a.schoolID == teacher.schoolID ? 0 : 1, sa, categoryRank(a), -a.strength, a.id)
                < (b.schoolID == teacher.schoolID ? 0 : 1, sb, categoryRank(b), -b.strength, b.id)
        }
    }

    /// The words of a course item that names no course: the department's need for a programme.
    public static let noProgramme = "нет подходящей программы"

    /// The course item for a topic: the best open course, or (`bySubject`: a course of the
    /// teacher's subject when none covers the topic) an item saying there is none.
    func courseItem(topic: String, teacher: PlanTeacher, courses: inout [PlanCourse], bySubject: Bool = false) -> (
        PlanItemDraft, PlanCourse?
    ) {
        let found =
            course(for: topic, subjects: teacher.subjects, in: &courses)
            ?? (bySubject && !teacher.subjects.isEmpty
                ? bestCourse(subjects: teacher.subjects, in: &courses) { !$0.subjects.isEmpty } : nil)
        guard let c = found else {
            return (
                PlanItemDraft(
                    kind: .course, topic: topic,
                    description:
                        "Курсы повышения квалификации по теме «\(topic)»: \(Self.noProgramme) (открытой до \(year.upperBound.russian), с местами, по предмету педагога или межпредметной); потребность включается в заказ на курсовую подготовку",
                    deadline: inYear(month: 3, day: 31),
                    expectedResult: "Удостоверение о повышении квалификации; применение в работе по теме «\(topic)»"),
                nil
            )
        }
        let deadline = c.end.map { min(max($0, year.lowerBound), year.upperBound) } ?? inYear(month: 3, day: 31)
        return (
            PlanItemDraft(
                kind: .course, topic: topic, description: "Пройти курсы повышения квалификации \(c.label)",
                courseID: c.id, deadline: deadline,
                expectedResult: "Удостоверение о повышении квалификации; применение в работе по теме «\(topic)»"), c
        )
    }

    func seminarItem(topic: String, events: [PlanEvent]) -> PlanItemDraft {
        let event = events.filter {
            CellValue.fold($0.topic) == CellValue.fold(topic) && year.contains($0.date) && $0.date >= asOf
        }
        .min { $0.date < $1.date }
        if let event {
            return PlanItemDraft(
                kind: .seminar, topic: topic, description: "Участие: \(event.title) (\(event.date.russian))",
                eventID: event.id, deadline: event.date,
                expectedResult: "Освоены приёмы по теме «\(topic)», лист участия")
        }
        return PlanItemDraft(
            kind: .seminar, topic: topic,
            description: "Участие в семинаре или мастер-классе методического объединения по теме «\(topic)»",
            deadline: inYear(month: 12, day: 20),
            expectedResult: "Освоены приёмы по теме «\(topic)», лист участия")
    }

    func selfStudyItem(topic: String) -> PlanItemDraft {
        PlanItemDraft(
            kind: .selfStudy, topic: topic,
            description:
                "Самообразование: изучить методические материалы и опыт коллег по теме «\(topic)», применить на уроках",
            deadline: inYear(month: 4, day: 30),
            expectedResult: "Разработка урока (фрагмент) с применением изученного по теме «\(topic)»")
    }

    /// The topics a plan addresses: the deficits, or, for someone without any at a school where
    /// everybody has a plan, the support topic of their role.
    public func topics(of teacher: PlanTeacher) -> [String] {
        if teacher.topics.isEmpty && teacher.allStaffSchool { return [Self.supportTopic(leading: teacher.leading)] }
        return teacher.topics
    }

    /// The items of one teacher's plan.
    public func draft(
        for teacher: PlanTeacher, courses: inout [PlanCourse], events: [PlanEvent],
        colleagues: [PlanColleague], curatorSchools: Set<Int64>
    ) -> [PlanItemDraft] {
        var items: [PlanItemDraft] = []
        var chosen: [PlanCourse] = []
        let topics = topics(of: teacher)
        // Without deficits, a course only when the 3-year term ends within the year: on the
        // support topic, else on the teacher's subject.
        let baseline = teacher.topics.isEmpty
        for topic in topics {
            // One course may answer several deficits: it is planned once.
            if !baseline || teacher.dueForTraining, !chosen.contains(where: { $0.covers(topic) }) {
                // Subject competences below the threshold: a course of the teacher's subject answers them.
                let bySubject = baseline || CellValue.fold(topic) == CellValue.fold(Self.topic(for: .subject))
                let (item, course) = courseItem(topic: topic, teacher: teacher, courses: &courses, bySubject: bySubject)
                if let course { chosen.append(course) }
                items.append(item)
            }
            items.append(seminarItem(topic: topic, events: events))
            items.append(selfStudyItem(topic: topic))
        }
        // A mentor strong where the teacher is weakest, and a second colleague's open lessons.
        let mentor =
            teacher.mentorID.flatMap { id in colleagues.first { $0.id == id } }
            ?? topics.lazy.compactMap {
                colleague(for: teacher, topic: $0, among: colleagues, curatorSchools: curatorSchools)
            }.first
        if let mentor {
            let covered = topics.filter { mentor.isStrong(in: $0) }
            items.append(
                PlanItemDraft(
                    kind: .mentoring, topic: covered.first,
                    description: "Наставничество: \(mentor.name)"
                        + (covered.isEmpty ? "" : " (темы: \(covered.joined(separator: ", ")))"),
                    colleagueID: mentor.id, deadline: inYear(month: 5, day: 31),
                    expectedResult: "Отзыв наставника о преодолении затруднений"))
        }
        if let open = colleague(
            for: teacher, topic: topics.first, among: colleagues, curatorSchools: curatorSchools,
            excluding: Set([mentor?.id].compactMap { $0 })) ?? mentor
        {
            items.append(
                PlanItemDraft(
                    kind: .openLesson, topic: topics.first,
                    description: "Посетить не менее двух открытых уроков: \(open.name)",
                    colleagueID: open.id, deadline: inYear(month: 2, day: 28),
                    expectedResult: "Анализ посещённых уроков, приёмы перенесены в свою практику"))
        }
        return items
    }

    /// The open items of an earlier year's plan, carried into this one once: an item whose form and
    /// topic the plan already has is not repeated; a course is chosen again among the sessions open
    /// now (or the item says there is none), a seminar among this year's; the rest keep their
    /// words with a deadline in this year. Each carried item says where it comes from.
    public func carryOver(
        _ previous: [PlanItemDraft], from label: String, into items: [PlanItemDraft], teacher: PlanTeacher,
        courses: inout [PlanCourse], events: [PlanEvent]
    ) -> [PlanItemDraft] {
        var result = items
        let note = " (перенесено из плана \(label) уч. года)"
        func has(_ kind: PlanItemKind, _ topic: String?) -> Bool {
            result.contains { $0.kind == kind && CellValue.fold($0.topic ?? "") == CellValue.fold(topic ?? "") }
        }
        for old in previous {
            switch old.kind {
            case .course:
                guard let topic = old.topic else { continue }
                // A course already planned that covers the topic answers it.
                let coveredByChosen = result.contains { item in
                    item.kind == .course && item.courseID != nil
                        && courses.first { $0.id == item.courseID }?.covers(topic) == true
                }
                guard !has(.course, topic), !coveredByChosen else { continue }
                var (item, _) = courseItem(
                    topic: topic, teacher: teacher, courses: &courses,
                    bySubject: CellValue.fold(topic) == CellValue.fold(Self.topic(for: .subject)))
                item.description += note
                result.append(item)
            case .seminar:
                guard !has(.seminar, old.topic) else { continue }
                var item = seminarItem(topic: old.topic ?? "", events: events)
                if old.topic == nil { item.topic = nil }
                item.description += note
                result.append(item)
            case .selfStudy, .mentoring, .openLesson:
                // One mentor and one set of open lessons a year.
                guard
                    old.kind == .selfStudy
                        ? !has(.selfStudy, old.topic) : !result.contains(where: { $0.kind == old.kind })
                else { continue }
                var item = old
                item.deadline = min(max(old.deadline.adding(years: 1), earliest), year.upperBound)
                if let earlier = item.description.range(of: " (перенесено из плана ") {
                    item.description.removeSubrange(earlier.lowerBound...)
                }
                item.description += note
                result.append(item)
            }
        }
        return result
    }
}
