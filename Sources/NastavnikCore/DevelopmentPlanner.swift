/// The forms an item of a development plan takes.
public enum PlanItemKind: String, Codable, Sendable, CaseIterable {
    case course, seminar, mentoring, openLesson, selfStudy

    public var russian: String {
        switch self {
        case .course: "курсы повышения квалификации"
        case .seminar: "семинар, мастер-класс"
        case .mentoring: "наставничество"
        case .openLesson: "посещение открытых уроков"
        case .selfStudy: "самообразование"
        }
    }
}

public enum PlanItemStatus: String, Codable, Sendable, CaseIterable {
    case planned, inProgress, done, cancelled, carriedOver

    public var russian: String {
        switch self {
        case .planned: "запланировано"
        case .inProgress: "выполняется"
        case .done: "выполнено"
        case .cancelled: "отменено"
        case .carriedOver: "перенесено в план следующего года"
        }
    }
}

/// Who provides a course: state and municipal providers come first in a plan.
public enum ProviderRank: Int, Comparable, Sendable {
    case state = 0
    case municipal = 1
    case other = 2

    public static func < (a: ProviderRank, b: ProviderRank) -> Bool { a.rawValue < b.rawValue }

    /// Reads the provider's name as Russian organisations write it.
    public init(provider: String) {
        let p = CellValue.fold(provider)
        let stateMarks = [
            "гау", "гбу", "гаоу", "гбоу", "фгаоу", "фгбоу", "фгбу", "огау", "огбу", "государств",
            "академия минпросвещения",
            "институт развития образования", "иро", "цнппм", "министерств", "краев", "област", "республик",
        ]
        let municipalMarks = [
            "мку", "мбу", "мау", "мбоу", "маоу", "имк", "гимц", "муниципальн", "методический центр",
            "управление образования",
        ]
        let words = Set(p.split(whereSeparator: { !$0.isLetter }).map(String.init))
        func has(_ mark: String) -> Bool { mark.count <= 5 ? words.contains(mark) : p.contains(mark) }
        if stateMarks.contains(where: has) {
            self = .state
        } else if municipalMarks.contains(where: has) {
            self = .municipal
        } else {
            self = .other
        }
    }
}

/// A course as the planner weighs it.
public struct PlanCourse: Sendable, Equatable {
    public var id: Int64
    public var code: String?
    public var title: String
    public let provider: String
    public var hours: Double
    public let topics: [String]
    public var subjects: [String]
    public var start: LocalDate?
    public var end: LocalDate?
    /// Seats not yet taken; `nil` when the catalogue gives no limit.
    public var seatsLeft: Int?
    // Read from the provider's name and the topics once, not in every comparison of a sort.
    public let providerRank: ProviderRank
    private let foldedTopics: Set<String>

    public init(
        id: Int64, code: String?, title: String, provider: String, hours: Double, topics: [String], subjects: [String],
        start: LocalDate?, end: LocalDate?, seatsLeft: Int?
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.provider = provider
        self.hours = hours
        self.topics = topics
        self.subjects = subjects
        self.start = start
        self.end = end
        self.seatsLeft = seatsLeft
        self.providerRank = ProviderRank(provider: provider)
        self.foldedTopics = Set(topics.map(CellValue.fold))
    }

    public func covers(_ topic: String) -> Bool { foldedTopics.contains(CellValue.fold(topic)) }

    /// The order of preference of both planners: state and municipal providers first, then
    /// the fewest hours, then the most seats left.
    public var preference: (ProviderRank, Double, Int, Int64) { (providerRank, hours, -(seatsLeft ?? Int.max / 2), id) }

    public var label: String { (code.map { "\($0) " } ?? "") + "«\(title)», \(provider), \(Cell0.hours(hours)) ч" }
}

enum Cell0 {
    static func hours(_ h: Double) -> String { h == h.rounded() ? String(Int(h)) : String(h) }
}

/// A colleague who might mentor or open a lesson.
public struct PlanColleague: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var schoolID: Int64
    public var subjects: [String]
    public var category: QualificationCategory?
    /// Topics this colleague has a deficit in (from the latest diagnostic).
    public var deficits: Set<String>
    /// Sum of the colleague's scores relative to the thresholds; higher is stronger.
    public var strength: Double
    public var diagnosed: Bool

    public init(
        id: Int64, name: String, schoolID: Int64, subjects: [String], category: QualificationCategory?,
        deficits: Set<String>, strength: Double, diagnosed: Bool
    ) {
        self.id = id
        self.name = name
        self.schoolID = schoolID
        self.subjects = subjects
        self.category = category
        self.deficits = deficits
        self.strength = strength
        self.diagnosed = diagnosed
    }

    func isStrong(in topic: String) -> Bool {
        diagnosed && !deficits.contains(CellValue.fold(topic)) && strength > 0
    }
}

/// A planned seminar or master class.
public struct PlanEvent: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var topic: String
    public var date: LocalDate
    public init(id: Int64, title: String, topic: String, date: LocalDate) {
        self.id = id
        self.title = title
        self.topic = topic
        self.date = date
    }
}

/// A teacher who needs a plan: the deficits to address.
public struct PlanTeacher: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var schoolID: Int64
    public var subjects: [String]
    /// Deficit topics from diagnostics and observed lessons, and competences below threshold.
    public var topics: [String]
    public var mentorID: Int64?
    /// A leading worker (директор, заместитель): the school's management team.
    public var leading: Bool
    /// Works at a school whose every pedagogical and leading worker has a plan (НОР, ЗПР, ЗУР).
    public var allStaffSchool: Bool
    /// The 3-year term of in-service training ends by the end of the plan's year.
    public var dueForTraining: Bool

    public init(
        id: Int64, name: String, schoolID: Int64, subjects: [String], topics: [String], mentorID: Int64? = nil,
        leading: Bool = false, allStaffSchool: Bool = false, dueForTraining: Bool = false
    ) {
        self.id = id
        self.name = name
        self.schoolID = schoolID
        self.subjects = subjects
        self.topics = topics
        self.mentorID = mentorID
        self.leading = leading
        self.allStaffSchool = allStaffSchool
        self.dueForTraining = dueForTraining
    }
}

/// One item of a drafted plan.
public struct PlanItemDraft: Sendable, Equatable, Hashable {
    public var kind: PlanItemKind
    public var topic: String?
    public var description: String
    public var courseID: Int64?
    public var eventID: Int64?
    public var colleagueID: Int64?
    public var deadline: LocalDate
    public var expectedResult: String

    public init(
        kind: PlanItemKind, topic: String?, description: String, courseID: Int64? = nil, eventID: Int64? = nil,
        colleagueID: Int64? = nil, deadline: LocalDate, expectedResult: String
    ) {
        self.kind = kind
        self.topic = topic
        self.description = description
        self.courseID = courseID
        self.eventID = eventID
        self.colleagueID = colleagueID
        self.deadline = deadline
        self.expectedResult = expectedResult
    }

    /// What identifies an item across versions: its form, topic and what it refers to.
    public var identity: String {
        "\(kind.rawValue)|\(CellValue.fold(topic ?? ""))|\(courseID ?? 0)|\(eventID ?? 0)|\(colleagueID ?? 0)"
    }
}

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
