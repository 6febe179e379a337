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
