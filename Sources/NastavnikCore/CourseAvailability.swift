/// School subjects as staff files and course catalogues write them: «Математика», «математика»,
/// «физкультура», «Физическая культура», «ОБЖ» and «ОБЗР» are compared by one canonical name.
public enum SchoolSubject {
    /// Other spellings of a subject (folded) → its canonical name (folded).
    static let aliases: [String: String] = [
        "физкультура": "физическая культура", "физ. культура": "физическая культура",
        "физ.культура": "физическая культура",
        "фк": "физическая культура",
        // ОБЖ became «Основы безопасности и защиты Родины» on 01.09.2024 (приказ Минпросвещения № 370 от 01.02.2024).
        "обж": "обзр", "основы безопасности жизнедеятельности": "обзр", "основы безопасности и защиты родины": "обзр",
        "изо": "изобразительное искусство",
        "информатика и икт": "информатика",
        "русский": "русский язык", "математика и информатика": "математика",
        "технология": "труд (технология)", "труд": "труд (технология)",
        "английский": "английский язык", "немецкий": "немецкий язык", "французский": "французский язык",
        "китайский": "китайский язык", "испанский": "испанский язык",
        "иностранный язык (английский)": "английский язык", "иностранный язык (английский язык)": "английский язык",
        "иностранный язык (немецкий)": "немецкий язык", "иностранный язык (немецкий язык)": "немецкий язык",
        "иностранный язык (французский)": "французский язык", "иностранный язык (французский язык)": "французский язык",
        "начальная школа": "начальные классы", "начальное общее образование": "начальные классы",
        "история россии": "история", "всеобщая история": "история", "история россии. всеобщая история": "история",
    ]

    /// A subject that belongs to a wider one: a course for the wider subject fits its teacher
    /// (a course «иностранный язык» fits a teacher of English; «математика» one of algebra).
    static let families: [String: String] = [
        "английский язык": "иностранный язык", "немецкий язык": "иностранный язык",
        "французский язык": "иностранный язык",
        "китайский язык": "иностранный язык", "испанский язык": "иностранный язык",
        "алгебра": "математика", "геометрия": "математика", "вероятность и статистика": "математика",
        "алгебра и начала математического анализа": "математика", "алгебра и начала анализа": "математика",
        // The subjects only a primary-school teacher teaches (ФОП НОО).
        "литературное чтение": "начальные классы", "окружающий мир": "начальные классы",
    ]

    /// The canonical name of a subject: folded (case, «ё», spaces), an alias replaced.
    public static func canonical(_ subject: String) -> String {
        var s = CellValue.fold(subject)
        while let last = s.last, last == "." || last == "," || last == ";" { s.removeLast() }
        return aliases[s] ?? s
    }

    /// Whether a course of subject `a` fits a teacher of subject `b` (or the reverse): the same
    /// subject, or one is the other's wider subject.
    public static func matches(_ a: String, _ b: String) -> Bool {
        let x = canonical(a)
        let y = canonical(b)
        return x == y || families[x] == y || families[y] == x
    }

    /// Whether a course for `courseSubjects` fits a teacher of `teacherSubjects`: a course without
    /// subjects (cross-subject) fits everybody; one with subjects fits a teacher of one of them.
    public static func fits(courseSubjects: [String], teacherSubjects: [String]) -> Bool {
        courseSubjects.isEmpty || courseSubjects.contains { c in teacherSubjects.contains { matches(c, $0) } }
    }
}

/// Why a course cannot be offered to a teacher.
public enum CourseClosure: Equatable, Sendable {
    /// Its session starts (or, without a start, ends) before the earliest date: already under way or over.
    case started(LocalDate)
    /// Its session ends after the deadline of the plan or the order.
    case endsAfterDeadline(LocalDate)
    /// No seats left.
    case full
    /// Its subjects are none of the teacher's.
    case otherSubject([String])

    public var russian: String {
        switch self {
        case .started(let d): "занятия начались или прошли (\(d.russian))"
        case .endsAfterDeadline(let d): "заканчивается после срока (\(d.russian))"
        case .full: "мест нет"
        case .otherSubject(let s): "программа по другому предмету (\(s.joined(separator: ", ")))"
        }
    }
}

extension PlanCourse {
    /// THE rule of what a plan or the training order may offer a teacher: a course is open when
    /// it has no dates (open enrolment) or a session that starts on or after `earliest` (the
    /// as-of date, or the start of the period if later) and ends by `deadline`; it has seats
    /// left; and it fits the teacher's subjects (`SchoolSubject.fits`). `nil` when open, else why not.
    ///
    /// A session with only an end must not have ended before `earliest`; with only a start, it
    /// must start by `deadline`.
    public func closure(for teacherSubjects: [String], earliest: LocalDate, deadline: LocalDate) -> CourseClosure? {
        switch (start, end) {
        case (let s?, let e?):
            if s < earliest { return .started(s) }
            if e > deadline { return .endsAfterDeadline(e) }
        case (let s?, nil):
            if s < earliest { return .started(s) }
            if s > deadline { return .endsAfterDeadline(s) }
        case (nil, let e?):
            if e < earliest { return .started(e) }
            if e > deadline { return .endsAfterDeadline(e) }
        case (nil, nil):
            break
        }
        if let seats = seatsLeft, seats <= 0 { return .full }
        if !SchoolSubject.fits(courseSubjects: subjects, teacherSubjects: teacherSubjects) {
            return .otherSubject(subjects)
        }
        return nil
    }

    public func isOpen(for teacherSubjects: [String], earliest: LocalDate, deadline: LocalDate) -> Bool {
        closure(for: teacherSubjects, earliest: earliest, deadline: deadline) == nil
    }

    /// Whether the course answers a need: its topics cover it, or the need is the subject
    /// competences and the course is one of a subject (offered only to that subject's teachers).
    public func answers(_ topic: String) -> Bool {
        covers(topic)
            || (!subjects.isEmpty && CellValue.fold(topic) == CellValue.fold(DevelopmentPlanner.topic(for: .subject)))
    }
}

/// The checks of `training enrol` and `training complete`, in Russian, naming the value.
public enum EnrolmentRule {
    /// Enrolment on a session: refused when it has ended before `today`, when its end is before its
    /// start, or when it is full (`taken` of `seats`).
    public static func checkEnrolment(
        title: String, start: LocalDate?, end: LocalDate?, seats: Int?, taken: Int,
        today: LocalDate
    ) -> String? {
        if let start, let end, end < start {
            return "Окончание программы «\(title)» (\(end.russian)) раньше её начала (\(start.russian))."
        }
        if let end, end < today {
            return "Программа «\(title)» уже закончилась \(end.russian): записать на неё на \(today.russian) нельзя."
        }
        if let seats, taken >= seats {
            return "На программу «\(title)» мест нет: занято \(taken) из \(seats)."
        }
        return nil
    }

    /// A completion: refused when its date is after `today` or before the training's start.
    public static func checkCompletion(title: String, start: LocalDate?, end: LocalDate, today: LocalDate) -> String? {
        if end > today {
            return
                "Дата окончания обучения \(end.russian) ещё не наступила (сегодня \(today.russian)): отметить завершение программы «\(title)» можно после неё."
        }
        if let start, end < start {
            return "Дата окончания обучения \(end.russian) раньше начала (\(start.russian)) программы «\(title)»."
        }
        return nil
    }
}
