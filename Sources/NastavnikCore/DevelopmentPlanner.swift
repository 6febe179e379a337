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
    case state = 0, municipal = 1, other = 2

    public static func < (a: ProviderRank, b: ProviderRank) -> Bool { a.rawValue < b.rawValue }

    /// Reads the provider's name as Russian organisations write it.
    public init(provider: String) {
        let p = CellValue.fold(provider)
        let stateMarks = ["гау", "гбу", "гаоу", "гбоу", "фгаоу", "фгбоу", "фгбу", "огау", "огбу", "государств", "академия минпросвещения",
                          "институт развития образования", "иро", "цнппм", "министерств", "краев", "област", "республик"]
        let municipalMarks = ["мку", "мбу", "мау", "мбоу", "маоу", "имк", "гимц", "муниципальн", "методический центр", "управление образования"]
        let words = Set(p.split(whereSeparator: { !$0.isLetter }).map(String.init))
        func has(_ mark: String) -> Bool { mark.count <= 5 ? words.contains(mark) : p.contains(mark) }
        if stateMarks.contains(where: has) { self = .state }
        else if municipalMarks.contains(where: has) { self = .municipal }
        else { self = .other }
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

    public init(id: Int64, code: String?, title: String, provider: String, hours: Double, topics: [String], subjects: [String],
                start: LocalDate?, end: LocalDate?, seatsLeft: Int?) {
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

    public init(id: Int64, name: String, schoolID: Int64, subjects: [String], category: QualificationCategory?,
                deficits: Set<String>, strength: Double, diagnosed: Bool) {
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

    public init(id: Int64, name: String, schoolID: Int64, subjects: [String], topics: [String], mentorID: Int64? = nil) {
        self.id = id
        self.name = name
        self.schoolID = schoolID
        self.subjects = subjects
        self.topics = topics
        self.mentorID = mentorID
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

    public init(kind: PlanItemKind, topic: String?, description: String, courseID: Int64? = nil, eventID: Int64? = nil,
                colleagueID: Int64? = nil, deadline: LocalDate, expectedResult: String) {
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
/// whose topics match (state or municipal providers first, then the fewest adequate hours,
/// then the most seats left), a seminar on the topic and self-study; for the plan a mentor
/// strong where the teacher is weak (same school first, then the curator school) and open
/// lessons to attend. Every deadline falls inside the plan's school year.
public struct DevelopmentPlanner: Sendable {
    public var year: ClosedRange<LocalDate>
    public var minimumHours: Double

    public init(year: ClosedRange<LocalDate>, minimumHours: Double = 16) {
        self.year = year
        self.minimumHours = minimumHours
    }

    /// A date inside the plan year: `month`/`day` of whichever calendar year the school year has it in.
    func inYear(month: Int, day: Int) -> LocalDate {
        let y = month >= 9 ? year.lowerBound.year : year.upperBound.year
        let date = LocalDate(year: y, month: month, day: min(day, LocalDate.daysIn(month: month, year: y)))!
        return min(max(date, year.lowerBound), year.upperBound)
    }

    /// The best catalogue course for a topic, consuming a seat from `courses`.
    public func course(for topic: String, subjects: [String], in courses: inout [PlanCourse]) -> PlanCourse? {
        let candidates = courses.indices.filter { i in
            let c = courses[i]
            guard c.covers(topic), c.hours >= minimumHours, c.seatsLeft.map({ $0 > 0 }) ?? true else { return false }
            // A course held before the plan year starts is no use; one without dates is.
            if let end = c.end, end < year.lowerBound { return false }
            if let start = c.start, start > year.upperBound { return false }
            return true
        }
        func subjectMatch(_ c: PlanCourse) -> Int {
            c.subjects.isEmpty || c.subjects.contains(where: { s in subjects.contains { CellValue.fold($0) == CellValue.fold(s) } }) ? 0 : 1
        }
        // A course for the teacher's subject ranks just after the provider.
        let match = Dictionary(uniqueKeysWithValues: candidates.map { ($0, subjectMatch(courses[$0])) })
        guard let best = candidates.min(by: { a, b in
            let x = courses[a].preference, y = courses[b].preference
            return (x.0, match[a]!, x.1, x.2, x.3) < (y.0, match[b]!, y.1, y.2, y.3)
        }) else { return nil }
        if let seats = courses[best].seatsLeft { courses[best].seatsLeft = seats - 1 }
        return courses[best]
    }

    /// The strongest colleague in a topic: same school first, then a curator school; a colleague
    /// teaching the same subject and of a higher category ranks higher.
    public func colleague(for teacher: PlanTeacher, topic: String?, among colleagues: [PlanColleague],
                          curatorSchools: Set<Int64>, excluding: Set<Int64> = []) -> PlanColleague? {
        let pool = colleagues.filter { c in
            c.id != teacher.id && !excluding.contains(c.id) && (c.schoolID == teacher.schoolID || curatorSchools.contains(c.schoolID))
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
            let sa = a.subjects.contains { s in teacher.subjects.contains { CellValue.fold($0) == CellValue.fold(s) } } ? 0 : 1
            let sb = b.subjects.contains { s in teacher.subjects.contains { CellValue.fold($0) == CellValue.fold(s) } } ? 0 : 1
            return (a.schoolID == teacher.schoolID ? 0 : 1, sa, categoryRank(a), -a.strength, a.id)
                < (b.schoolID == teacher.schoolID ? 0 : 1, sb, categoryRank(b), -b.strength, b.id)
        }
    }

    /// The items of one teacher's plan.
    public func draft(for teacher: PlanTeacher, courses: inout [PlanCourse], events: [PlanEvent],
                      colleagues: [PlanColleague], curatorSchools: Set<Int64>) -> [PlanItemDraft] {
        var items: [PlanItemDraft] = []
        var chosen: [PlanCourse] = []
        for topic in teacher.topics {
            // One course may answer several deficits: it is planned once.
            if !chosen.contains(where: { $0.covers(topic) }), let c = course(for: topic, subjects: teacher.subjects, in: &courses) {
                chosen.append(c)
                let deadline = c.end.map { min(max($0, year.lowerBound), year.upperBound) } ?? inYear(month: 3, day: 31)
                items.append(PlanItemDraft(kind: .course, topic: topic, description: "Пройти курсы повышения квалификации \(c.label)",
                                           courseID: c.id, deadline: deadline,
                                           expectedResult: "Удостоверение о повышении квалификации; применение в работе по теме «\(topic)»"))
            }
            let event = events.filter { CellValue.fold($0.topic) == CellValue.fold(topic) && year.contains($0.date) }.min { $0.date < $1.date }
            if let event {
                items.append(PlanItemDraft(kind: .seminar, topic: topic, description: "Участие: \(event.title) (\(event.date.russian))",
                                           eventID: event.id, deadline: event.date,
                                           expectedResult: "Освоены приёмы по теме «\(topic)», лист участия"))
            } else {
                items.append(PlanItemDraft(kind: .seminar, topic: topic,
                                           description: "Участие в семинаре или мастер-классе методического объединения по теме «\(topic)»",
                                           deadline: inYear(month: 12, day: 20),
                                           expectedResult: "Освоены приёмы по теме «\(topic)», лист участия"))
            }
            items.append(PlanItemDraft(kind: .selfStudy, topic: topic,
                                       description: "Самообразование: изучить методические материалы и опыт коллег по теме «\(topic)», применить на уроках",
                                       deadline: inYear(month: 4, day: 30),
                                       expectedResult: "Разработка урока (фрагмент) с применением изученного по теме «\(topic)»"))
        }
        // A mentor strong where the teacher is weakest, and a second colleague's open lessons.
        let mentor = teacher.mentorID.flatMap { id in colleagues.first { $0.id == id } }
            ?? teacher.topics.lazy.compactMap { colleague(for: teacher, topic: $0, among: colleagues, curatorSchools: curatorSchools) }.first
        if let mentor {
            let covered = teacher.topics.filter { mentor.isStrong(in: $0) }
            items.append(PlanItemDraft(kind: .mentoring, topic: covered.first,
                                       description: "Наставничество: \(mentor.name)" + (covered.isEmpty ? "" : " (темы: \(covered.joined(separator: ", ")))"),
                                       colleagueID: mentor.id, deadline: inYear(month: 5, day: 31),
                                       expectedResult: "Отзыв наставника о преодолении затруднений"))
        }
        if let open = colleague(for: teacher, topic: teacher.topics.first, among: colleagues, curatorSchools: curatorSchools,
                                excluding: Set([mentor?.id].compactMap { $0 })) ?? mentor {
            items.append(PlanItemDraft(kind: .openLesson, topic: teacher.topics.first,
                                       description: "Посетить не менее двух открытых уроков: \(open.name)",
                                       colleagueID: open.id, deadline: inYear(month: 2, day: 28),
                                       expectedResult: "Анализ посещённых уроков, приёмы перенесены в свою практику"))
        }
        return items
    }
}
