import Foundation
import NastavnikCore
import NastavnikTestSupport

/// A random municipality written as the department's import files (Russian headers, `;`):
/// schools of every status, staff of every kind of post, courses with and without sessions,
/// trainings, diagnostics and mentoring pairs. It knows what it wrote, so a property test can
/// compare the tool's answers with the truth.
struct RandomMunicipality {
    /// The kind a post belongs to under the номенклатура (постановление Правительства РФ от
    /// 21.02.2022 № 225): what the tool must conclude from the title.
    enum Kind: String { case pedagogical, leading, other }

    struct School {
        var code: String
        var status: String
    }
    struct Person {
        var id: String
        var name: String
        var school: String
        var position: String
        var kind: Kind
        var subjects: [String]
        var birth: LocalDate
        var teachingSince: LocalDate?
        var category: String
    }
    struct Course {
        var code: String
        var title: String
        var hours: Int
        var topics: [String]
        var subjects: [String]
        var start: LocalDate?
        var end: LocalDate?
        var seats: Int?
    }
    struct Training {
        var person: String
        var course: String
        var hours: Int
        var start: LocalDate
        var end: LocalDate
    }
    struct Diagnostic {
        var person: String
        var date: LocalDate
        var subject: Double
        var methodological: Double
        var deficits: [String]
    }
    struct Pair {
        var mentor: String
        var mentee: String
        var start: LocalDate
        var consent: LocalDate
    }

    static let statuses = ["НОР", "ЗПР", "ЗУР", "ШНСУ", "эффективная", ""]
    /// Each subject spelt the ways departments' files spell it; the index is the test's own notion
    /// of «the same subject», independent of the tool's.
    static let subjectSpellings: [[String]] = [
        ["математика", "Математика"], ["физическая культура", "физкультура", "Физическая культура"],
        ["химия", "Химия"], ["ОБЗР", "ОБЖ"], ["русский язык", "Русский язык"], ["история", "История"],
    ]
    static let topics = [
        "функциональная грамотность", "формирующее оценивание", "обновлённые ФГОС", "управление качеством образования",
        "индивидуализация обучения", "цифровые образовательные ресурсы",
    ]
    /// Titles as departments write them, with the kind each must get.
    static let posts: [(String, Kind)] = [
        ("учитель", .pedagogical), ("учитель математики", .pedagogical), ("Учитель начальных классов", .pedagogical),
        ("педагог-психолог", .pedagogical), ("социальный педагог", .pedagogical), ("учитель-логопед", .pedagogical),
        ("учитель-дефектолог", .pedagogical), ("педагог дополнительного образования", .pedagogical),
        ("тьютор", .pedagogical),
        ("педагог-организатор", .pedagogical), ("советник директора по воспитанию", .pedagogical),
        ("старший вожатый", .pedagogical),
        ("педагог-библиотекарь", .pedagogical), ("методист", .pedagogical),
        ("инструктор по физической культуре", .pedagogical),
        ("преподаватель-организатор ОБЗР", .pedagogical), ("воспитатель", .pedagogical),
        ("концертмейстер", .pedagogical),
        ("музыкальный руководитель", .pedagogical), ("тренер-преподаватель", .pedagogical),
        ("директор", .leading), ("заместитель директора по УВР", .leading), ("заместитель директора по ВР", .leading),
        ("руководитель структурного подразделения", .leading), ("заведующий филиалом", .leading),
        ("бухгалтер", .other), ("лаборант", .other), ("секретарь", .other), ("заведующий хозяйством", .other),
        ("заместитель директора по АХЧ", .other),
    ]
    static let surnames = [
        "Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова", "Волкова", "Зайцева", "Морозова", "Орлова",
    ]
    static let givenNames = ["Анна", "Мария", "Ольга", "Елена", "Наталья", "Ирина", "Татьяна", "Светлана"]
    static let patronymics = ["Ивановна", "Петровна", "Сергеевна", "Алексеевна", "Николаевна", "Викторовна"]

    let asOf: LocalDate
    var schools: [School] = []
    var people: [Person] = []
    var courses: [Course] = []
    var trainings: [Training] = []
    var diagnostics: [Diagnostic] = []
    var pairs: [Pair] = []

    init(seed: UInt64, asOf: LocalDate) {
        self.asOf = asOf
        var rng = SeededGenerator(seed: seed)
        func date(_ back: ClosedRange<Int>) -> LocalDate { asOf.adding(days: -Int.random(in: back, using: &rng)) }

        for s in 0..<Int.random(in: 3...10, using: &rng) {
            schools.append(
                School(code: String(format: "R%03d", s + 1), status: Self.statuses.randomElement(using: &rng)!))
        }
        // Every status needing support and an effective school at least once, so each rule is met.
        for (i, status) in ["НОР", "ШНСУ", "эффективная"].enumerated() where i < schools.count {
            schools[i].status = status
        }

        var number = 0
        for school in schools {
            for _ in 0..<Int.random(in: 3...18, using: &rng) {
                number += 1
                let (position, kind) = Self.posts.randomElement(using: &rng)!
                let birth = date(22 * 365...64 * 365)
                let since: LocalDate? =
                    Bool.random(using: &rng) || kind == .other
                    ? nil
                    : max(birth.adding(years: 21), date(0...30 * 365))
                let subjects =
                    position.hasPrefix("учитель") && !position.contains("-")
                    ? Array(
                        Self.subjectSpellings.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).map {
                            $0.randomElement(using: &rng)!
                        })
                    : []
                let name =
                    "\(Self.surnames.randomElement(using: &rng)!) \(Self.givenNames.randomElement(using: &rng)!) \(Self.patronymics.randomElement(using: &rng)!)"
                people.append(
                    Person(
                        id: String(format: "T%05d", number), name: name, school: school.code, position: position,
                        kind: kind,
                        subjects: subjects, birth: birth, teachingSince: since,
                        category: ["высшая", "первая", "соответствие занимаемой должности", ""].randomElement(
                            using: &rng)!))
            }
        }

        for c in 0..<Int.random(in: 3...12, using: &rng) {
            // Sessions in the past, under way, in the future, or none (open enrolment).
            var start: LocalDate?
            var end: LocalDate?
            switch Int.random(in: 0...3, using: &rng) {
            case 0: break
            default:
                start = asOf.adding(days: Int.random(in: -200...300, using: &rng))
                end = start!.adding(days: Int.random(in: 5...60, using: &rng))
            }
            courses.append(
                Course(
                    code: String(format: "К-%03d", c + 1), title: "Программа \(c + 1)",
                    hours: [16, 24, 36, 72, 108].randomElement(using: &rng)!,
                    topics: Array(Self.topics.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng))),
                    subjects: Bool.random(using: &rng)
                        ? [] : [Self.subjectSpellings.randomElement(using: &rng)!.randomElement(using: &rng)!],
                    start: start, end: end, seats: Bool.random(using: &rng) ? nil : Int.random(in: 0...6, using: &rng)))
        }
        let external = "EXT-1"
        for person in people where person.kind != .other && Int.random(in: 0...2, using: &rng) > 0 {
            let end = date(1...6 * 365)
            trainings.append(
                Training(
                    person: person.id, course: external, hours: [8, 16, 36, 72].randomElement(using: &rng)!,
                    start: end.adding(days: -14), end: end))
        }
        for person in people where person.kind == .pedagogical && Bool.random(using: &rng) {
            diagnostics.append(
                Diagnostic(
                    person: person.id, date: date(10...400), subject: Double(Int.random(in: 0...30, using: &rng)),
                    methodological: Double(Int.random(in: 0...40, using: &rng)),
                    deficits: Array(Self.topics.shuffled(using: &rng).prefix(Int.random(in: 0...3, using: &rng)))))
        }
        // Pairs the schools formed themselves, within the default limits (3 highest, 2 first, else 1)
        // and one mentor a mentee, each with the mentor's written consent (ТК РФ ст. 351.8).
        let pedagogical = people.filter { $0.kind == .pedagogical }
        var load: [String: Int] = [:]
        if pedagogical.count >= 2 {
            for _ in 0..<Int.random(in: 0...pedagogical.count / 2, using: &rng) {
                let mentor = pedagogical.randomElement(using: &rng)!
                let mentee = pedagogical.randomElement(using: &rng)!
                let limit = ["высшая": 3, "первая": 2][mentor.category, default: 1]
                guard mentor.id != mentee.id, load[mentor.id, default: 0] < limit,
                    !pairs.contains(where: {
                        $0.mentee == mentee.id || $0.mentor == mentee.id || $0.mentee == mentor.id
                    })
                else { continue }
                load[mentor.id, default: 0] += 1
                let start = date(1...300)
                pairs.append(
                    Pair(
                        mentor: mentor.id, mentee: mentee.id, start: start,
                        consent: start.adding(days: -Int.random(in: 0...20, using: &rng))))
            }
        }
    }

    /// Whether two spellings name the same subject, by the test's own table.
    func sameSubject(_ a: String, _ b: String) -> Bool {
        let fold = { (s: String) in s.trimmingCharacters(in: .whitespaces) }
        guard let x = Self.subjectSpellings.firstIndex(where: { $0.contains(fold(a)) }),
            let y = Self.subjectSpellings.firstIndex(where: { $0.contains(fold(b)) })
        else { return false }
        return x == y
    }

    // MARK: The files

    private static func line(_ cells: [String]) -> String {
        cells.map {
            $0.contains(";") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
        }
        .joined(separator: ";") + "\r\n"
    }
    private static func d(_ date: LocalDate?) -> String { date?.russian ?? "" }

    var schoolsCSV: String {
        Self.line(["Код ОО", "Наименование ОО", "Статус", "Широта", "Долгота"])
            + schools.enumerated().map { i, s in
                Self.line([s.code, "МБОУ «Школа № \(i + 1)»", s.status, "54,\(600 + i * 7)", "40,\(100 + i * 5)"])
            }.joined()
    }

    var staffCSV: String {
        Self.line([
            "Табельный номер", "ФИО", "Код ОО", "Должность", "Предметы", "Дата рождения",
            "Дата начала педагогической деятельности", "Квалификационная категория",
        ])
            + people.map { p in
                Self.line([
                    p.id, p.name, p.school, p.position, p.subjects.joined(separator: "; "), Self.d(p.birth),
                    Self.d(p.teachingSince), p.category,
                ])
            }.joined()
    }

    var coursesCSV: String {
        Self.line([
            "Код программы", "Наименование программы", "Организатор", "Объём (часов)", "Темы", "Предметы",
            "Дата начала", "Дата окончания", "Количество мест",
        ])
            + Self.line(["EXT-1", "Внешний курс", "ИРО", "72", "", "", "", "", ""])
            + courses.map { c in
                Self.line([
                    c.code, c.title, "ИРО", String(c.hours), c.topics.joined(separator: "; "),
                    c.subjects.joined(separator: "; "),
                    Self.d(c.start), Self.d(c.end), c.seats.map(String.init) ?? "",
                ])
            }.joined()
    }

    var trainingsCSV: String {
        Self.line(["Табельный номер", "Код программы", "Часы", "Дата начала", "Дата окончания", "Статус"])
            + trainings.map { t in
                Self.line([t.person, t.course, String(t.hours), Self.d(t.start), Self.d(t.end), "завершено"])
            }.joined()
    }

    var diagnosticsCSV: String {
        Self.line([
            "Табельный номер", "Дата диагностики", "Инструмент", "Предметные компетенции", "Методические компетенции",
            "Дефициты",
        ])
            + diagnostics.map { d in
                Self.line([
                    d.person, Self.d(d.date), "ЦНППМ", Setting.format(d.subject), Setting.format(d.methodological),
                    d.deficits.joined(separator: "; "),
                ])
            }.joined()
    }

    var mentoringCSV: String {
        Self.line(["Наставник", "Наставляемый", "Дата начала", "Дата согласия наставника"])
            + pairs.map { p in Self.line([p.mentor, p.mentee, Self.d(p.start), Self.d(p.consent)]) }.joined()
    }

    /// The files in the order a department imports them.
    var files: [(kind: String, name: String, text: String)] {
        [
            ("schools", "schools.csv", schoolsCSV), ("staff", "staff.csv", staffCSV),
            ("courses", "courses.csv", coursesCSV),
            ("trainings", "trainings.csv", trainingsCSV), ("diagnostics", "diagnostics.csv", diagnosticsCSV),
            ("mentoring", "mentoring.csv", mentoringCSV),
        ]
    }
}
