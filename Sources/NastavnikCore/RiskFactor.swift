/// One of the ten risk factors of a school's risk profile in the federal «500+» project
/// (ФИОКО, «Методология и критерии оценки качества общего образования в общеобразовательных
/// организациях на основе практики международных исследований», the project's risk profile of
/// a school with low results). The numbers are the methodology's order, which a profile the
/// region hands over uses, and which `--factor` takes as well as the name (issue 21).
public enum RiskFactor: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case materialResources = 1
    case staffShortage = 2
    case teacherCompetence = 3
    case lowAdaptability = 4
    case noInSchoolTraining = 5
    case academicFailureRisk = 6
    case parentalInvolvement = 7
    case schoolEnvironment = 8
    case specialNeedsShare = 9
    case languageBarriers = 10

    /// The factor's name as the methodology words it.
    public var russian: String {
        switch self {
        case .materialResources: "Низкая материально-техническая оснащённость"
        case .staffShortage: "Дефицит педагогических кадров"
        case .teacherCompetence: "Недостаточная предметная и методическая компетентность педагогических работников"
        case .lowAdaptability: "Риски низкой адаптивности учебного и воспитательного процесса"
        case .noInSchoolTraining: "Несформированность внутришкольной системы повышения квалификации"
        case .academicFailureRisk: "Высокая доля обучающихся с рисками учебной неуспешности"
        case .parentalInvolvement: "Низкий уровень вовлечённости родителей"
        case .schoolEnvironment: "Пониженный уровень качества школьной образовательной и воспитательной среды"
        case .specialNeedsShare: "Высокая доля обучающихся с ОВЗ"
        case .languageBarriers: "Низкое качество преодоления языковых и культурных барьеров"
        }
    }

    public static func < (a: RiskFactor, b: RiskFactor) -> Bool { a.rawValue < b.rawValue }

    /// The factor a user or a file names: its number (1–10, «№ 3», «3.») or its name, whatever
    /// the case, «ё» and spaces; `nil` for anything else.
    public init?(userValue text: String) {
        guard text.utf8.count <= 300 else { return nil }
        let folded = CellValue.fold(text)
        let digits = folded.drop { $0 == "№" || $0 == " " }.trimmingSuffix { $0 == "." || $0 == " " }
        if let number = Int(digits), let factor = RiskFactor(rawValue: number) {
            self = factor
            return
        }
        guard let factor = Self.allCases.first(where: { CellValue.fold($0.russian) == folded }) else { return nil }
        self = factor
    }

    /// Why `text` is no risk factor, naming the ten (the CLI's and a file's message).
    public static func unknown(_ text: String) -> String {
        "«\(text)» — не фактор риска; укажите номер от 1 до 10 или название: "
            + allCases.map { "\($0.rawValue) — \($0.russian)" }.joined(separator: "; ") + "."
    }
}

extension Substring {
    /// The text without the trailing characters `drop` says.
    fileprivate func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, drop(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
