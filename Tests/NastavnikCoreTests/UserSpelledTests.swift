import Testing

@testable import NastavnikCore

/// Every spelling each `UserSpelled` enum accepts, so that sharing the parsing lost none.
@Suite struct UserSpelledTests {
    @Test func trainingStatus() {
        expectSpellings(
            [
                TrainingStatus.applied: ["applied", "Applied", "заявка", "Подана заявка"],
                .studying: ["studying", "обучается", "в процессе", "идёт обучение", "идет обучение"],
                .completed: [
                    "completed", "завершено", "завершен", "завершён", "пройден", "пройдено", "окончено", "Completed",
                ],
                .notCompleted: [
                    "notCompleted", "notcompleted", "не завершено", "не  завершен", "не пройден", "отчислен",
                ],
            ],
            rejected: ["", "started", "отменено", String(repeating: " ", count: 301) + "заявка"])
    }

    @Test func qualificationCategory() {
        expectSpellings(
            [
                QualificationCategory.highest: ["highest", "высшая", "Высшая категория", "ВКК", "в"],
                .first: ["first", "первая", "первая категория", "1", "1 КК", "первая кк", "I"],
                .methodist: [
                    "methodist", "педагог-методист", "Педагог – методист", "педагог-методист КК",
                    "квалификационная категория педагог-методист",
                ],
                .mentor: [
                    "mentor", "педагог-наставник", "Педагог - наставник", "педагог-наставник кк",
                    "квалификационная категория педагог-наставник",
                ],
                .fitsPost: [
                    "fitsPost", "СЗД", "сзд", "соответствие", "соответствие занимаемой должности",
                    "Соответствует занимаемой должности",
                ],
                .none: ["none", "без категории", "нет", "б/к", "БК", "-", "не имеет"],
            ],
            rejected: ["Highest", "fitspost", "вторая"])
    }

    @Test func positionKind() {
        expectSpellings(
            [
                PositionKind.pedagogical: [
                    "pedagogical", "Pedagogical", "педагогический", "педагогические", "педагог",
                    "педагогический работник",
                ],
                .leading: ["leading", "LEADING", "руководящий", "Руководящие", "руководитель", "руководящий работник"],
                .other: ["other", "прочий", "прочие", "прочий персонал", "другой"],
            ],
            rejected: ["учитель", "директор"])
    }

    @Test func eventKind() {
        var spellings: [EventKind: [String]] = [:]
        for kind in EventKind.allCases { spellings[kind] = [kind.rawValue, kind.russian, kind.russian.uppercased()] }
        spellings[.methodAssociation]! += ["Методическое  объединение"]
        expectSpellings(spellings, rejected: ["Seminar", "masterclass", "лекция"])
    }
}

/// Checks that each spelling reads as its case and each of `rejected` as none.
func expectSpellings<T: UserSpelled & Hashable>(
    _ spellings: [T: [String]], rejected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    for (value, texts) in spellings {
        for text in texts { #expect(T(userValue: text) == value, "\(text)", sourceLocation: sourceLocation) }
    }
    for text in rejected { #expect(T(userValue: text) == nil, "\(text)", sourceLocation: sourceLocation) }
}
