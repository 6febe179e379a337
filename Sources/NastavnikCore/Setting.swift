import Foundation

/// A rule a department may change: its stored key, its Russian title, its default and where
/// the default comes from (a seed, the law, or our judgement, said as such).
///
/// Every judgement in the rules is one of these, so a department sees it in `nastavnik settings`
/// and changes it there instead of in the code.
public struct Setting: Sendable, Hashable, Identifiable {
    /// What values the setting takes.
    public enum Kind: Sendable, Hashable {
        /// A number in a closed range (a decimal comma is accepted); `whole` for a count or a
        /// number of years, which the rules read as an integer (2,5 mentees cannot be).
        case number(ClosedRange<Double>, whole: Bool = false)
        /// A list of values from `choices` (each as the user writes it), separated by `,` or `;`.
        case list(choices: [String])
        /// One of `choices`.
        case choice([String])
    }

    /// The key stored in the `setting` table, e.g. `training.minimum_hours`.
    public let id: String
    /// What it is, in Russian, for `settings list` and `--help`.
    public let title: String
    /// The default, written as a user would write the value.
    public let defaultValue: String
    public let kind: Kind
    /// Where the default comes from: a seed or an act, or «решение по умолчанию» for a judgement.
    public let source: String

    public init(_ id: String, title: String, default defaultValue: String, kind: Kind, source: String) {
        self.id = id
        self.title = title
        self.defaultValue = defaultValue
        self.kind = kind
        self.source = source
    }

    /// The value in its stored form, or a Russian error naming the setting and the value.
    public func normalize(_ raw: String) -> Result<String, SettingError> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch kind {
        case let .number(range, whole):
            guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(number),
                  !whole || number == number.rounded() else {
                return .failure(SettingError("Настройка «\(id)» (\(title)): значение «\(raw)» должно быть \(whole ? "целым " : "")числом от \(Setting.format(range.lowerBound)) до \(Setting.format(range.upperBound))."))
            }
            // Stored with a point: SQL reads it with CAST(value AS REAL).
            return .success(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        case let .choice(choices):
            guard let match = choices.first(where: { CellValue.fold($0) == CellValue.fold(text) }) else {
                return .failure(SettingError("Настройка «\(id)» (\(title)): значение «\(raw)» не из списка: \(choices.joined(separator: ", "))."))
            }
            return .success(match)
        case let .list(choices):
            var items: [String] = []
            for item in text.split(whereSeparator: { $0 == "," || $0 == ";" }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                guard let match = choices.first(where: { CellValue.fold($0) == CellValue.fold(item) }) else {
                    return .failure(SettingError("Настройка «\(id)» (\(title)): «\(item)» не из списка: \(choices.joined(separator: ", "))."))
                }
                if !items.contains(match) { items.append(match) }
            }
            return .success(items.joined(separator: ", "))
        }
    }

    /// A number as a Russian user reads it: no trailing `,0`, a decimal comma.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number).replacingOccurrences(of: ".", with: ",")
    }
}

/// A setting's value that cannot be taken, with a Russian message.
public struct SettingError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Every setting Nastavnik knows, with its default. Add a rule's setting here, beside the others.
public enum Settings {
    public static let trainingMinimumHours = Setting(
        "training.minimum_hours", title: "Минимальный объём курса повышения квалификации, ч",
        default: "16", kind: .number(1...10_000),
        source: "273-ФЗ, ст. 47, ч. 5, п. 2 (срок не указывает объём); 16 ч — минимальный объём ДПП повышения квалификации (приказ Минобрнауки № 499 от 01.07.2013, п. 12)")

    /// «Both conditions», the value of `earlyCareerConditions` the seed gives.
    public static let earlyCareerBoth = "оба условия"

    public static let earlyCareerAgeLimit = Setting(
        "staff.early_career.age_limit", title: "Молодой специалист: возраст до, лет",
        default: "35", kind: .number(18...100, whole: true),
        source: "дорожная карта Ставропольского края: «педагогов в возрасте до 35 лет … в первые три года работы»")

    public static let earlyCareerYears = Setting(
        "staff.early_career.years", title: "Молодой специалист: первые годы педагогической работы",
        default: "3", kind: .number(1...50, whole: true),
        source: "дорожная карта Ставропольского края: «в первые три года работы»")

    public static let earlyCareerConditions = Setting(
        "staff.early_career.conditions", title: "Молодой специалист: возраст и стаж — оба условия или любое",
        default: earlyCareerBoth, kind: .choice([earlyCareerBoth, "любое условие"]),
        source: "дорожная карта Ставропольского края: оба условия вместе")

    /// Schools whose every pedagogical and leading worker gets an ИППР (elsewhere: those with deficits).
    public static let plansAllStaffStatuses = Setting(
        "plans.all_staff_statuses", title: "Статусы школ, где ИППР составляется для всех педагогических и руководящих работников",
        default: "НОР, ЗПР, ЗУР", kind: .list(choices: SchoolStatus.allCases.map(\.russianShort)),
        source: "Заиграевский район (приказ № 91 от 15.02.2023): «включая всех педагогических и руководящих работников в реализацию плана повышения их квалификации … основанного на индивидуальных планах профессионального развития» в ОУ с НОР и ЗР; Ставрополь (приказ № 146-ОД от 27.02.2020), п. 2.9: «для всех учителей ОО со стабильно низкими образовательными результатами»")
    // Classification (Ставрополь, приказ № 146-ОД от 27.02.2020: the method, without cut-offs).
    static let stavropolMethod = "метод: Ставрополь, приказ № 146-ОД от 27.02.2020; порог — решение по умолчанию"

    public static let classificationLowResults = Setting(
        "classification.low_results", title: "НОР: средний относительный балл ЕГЭ и ОГЭ ниже",
        default: "0,9", kind: .number(0...2), source: stavropolMethod)
    public static let classificationHighRisk = Setting(
        "classification.high_risk", title: "ЗПР: средний относительный балл ниже",
        default: "0,95", kind: .number(0...2), source: stavropolMethod)
    public static let classificationModerateRisk = Setting(
        "classification.moderate_risk", title: "ЗУР: средний относительный балл ниже",
        default: "0,98", kind: .number(0...2), source: stavropolMethod)
    public static let classificationEffective = Setting(
        "classification.effective", title: "Эффективная школа: средний относительный балл не ниже",
        default: "1,05", kind: .number(0...3), source: stavropolMethod)
    public static let classificationFallingTrend = Setting(
        "classification.falling_trend", title: "ЗПР: снижение относительного балла за период не меньше (отрицательное число)",
        default: "-0,05", kind: .number(-1...0), source: "решение по умолчанию")
    public static let classificationAdverseSocial = Setting(
        "classification.adverse_social", title: "ШНСУ: индекс социального неблагополучия не ниже, %",
        default: "30", kind: .number(0...100),
        source: "показатели социального контекста — Ставрополь, приказ № 146-ОД от 27.02.2020; порог — решение по умолчанию")
    public static let classificationDetermining = Setting(
        "classification.determining", title: "Определяющие процедуры (остальные показываются, но статус не определяют)",
        default: "ЕГЭ, ОГЭ", kind: .list(choices: ["ЕГЭ", "ОГЭ", "ГВЭ", "ВПР", "РПР", "НИКО"]),
        source: "Ставрополь, приказ № 146-ОД от 27.02.2020: «Определяющими для стратификации являются показатели 1 и 2» (ЕГЭ и ОГЭ); ВПР и РПР — показатель 4")
    public static let municipalMeanChoice = "средний по муниципалитету"
    public static let classificationMissingRegionMean = Setting(
        "classification.missing_region_mean", title: "Результат без среднего балла по региону",
        default: "не учитывать", kind: .choice(["не учитывать", municipalMeanChoice]),
        source: "решение по умолчанию (метод Ставрополя сравнивает со средним по региону)")
    public static let mentorLimitHighest = Setting(
        "mentoring.limit_highest", title: "Наставляемых у одного наставника с высшей категорией, не более",
        default: "3", kind: .number(0...20, whole: true), source: "решение по умолчанию")
    public static let mentorLimitFirst = Setting(
        "mentoring.limit_first", title: "Наставляемых у одного наставника с первой категорией, не более",
        default: "2", kind: .number(0...20, whole: true), source: "решение по умолчанию")
    public static let mentorLimitOther = Setting(
        "mentoring.limit_other", title: "Наставляемых у одного наставника без первой или высшей категории, не более",
        default: "1", kind: .number(0...20, whole: true), source: "решение по умолчанию")

    /// The statuses a school may curate others with (`curators suggest`, `--lock`, `curators assign`).
    public static let curatorStatuses = Setting(
        "curators.statuses", title: "Статусы школ, которые могут быть кураторами",
        default: "эффективная", kind: .list(choices: SchoolStatus.allCases.map(\.russianShort)),
        source: "решение по умолчанию (куратор — школа с высокими результатами)")

    /// The cut-offs of the curator cost (`CuratorCutoffs`): judgements, no seed gives them.
    public static let curatorWeakSubjectBelow = Setting(
        "curators.weak_subject_below", title: "Слабый предмет школы (подбор куратора): относительный балл ниже",
        default: "0,95", kind: .number(0...3), source: "решение по умолчанию")
    public static let curatorStrongSubjectFrom = Setting(
        "curators.strong_subject_from", title: "Куратор силён в предмете: относительный балл не ниже",
        default: "1,05", kind: .number(0...3), source: "решение по умолчанию")
    public static let curatorFrequentDeficit = Setting(
        "curators.frequent_deficit", title: "Частый дефицит школы (подбор куратора): доля педагогов с ним не ниже, %",
        default: "20", kind: .number(0...100), source: "решение по умолчанию")

    /// Every setting, in the order `settings list` shows them.
    public static let all: [Setting] = [
        trainingMinimumHours,
        earlyCareerAgeLimit,
        earlyCareerYears,
        earlyCareerConditions,
        plansAllStaffStatuses,
        classificationLowResults, classificationHighRisk, classificationModerateRisk, classificationEffective,
        classificationFallingTrend, classificationAdverseSocial, classificationDetermining, classificationMissingRegionMean,
        mentorLimitHighest, mentorLimitFirst, mentorLimitOther,
        curatorStatuses, curatorWeakSubjectBelow, curatorStrongSubjectFrom, curatorFrequentDeficit,
    ]

    /// The setting with this key, or `nil`.
    public static func named(_ key: String) -> Setting? { all.first { $0.id == key } }
}

/// The settings in force: the stored values over the defaults.
public struct SettingValues: Sendable, Equatable {
    /// Stored values by key (only those a department changed).
    public var stored: [String: String]

    public init(stored: [String: String] = [:]) { self.stored = stored }

    /// The value in force, in its stored form (a number with a decimal point).
    public func text(_ setting: Setting) -> String { stored[setting.id] ?? setting.defaultValue }

    /// The value in force as a Russian user reads it (a number with a decimal comma).
    public func display(_ setting: Setting) -> String {
        if case .number = setting.kind { return Setting.format(number(setting)) }
        return text(setting)
    }

    /// The value in force of a numeric setting.
    public func number(_ setting: Setting) -> Double {
        Double(text(setting).replacingOccurrences(of: ",", with: ".")) ?? Double(setting.defaultValue.replacingOccurrences(of: ",", with: "."))!
    }

    /// The items in force of a list setting.
    public func list(_ setting: Setting) -> [String] {
        text(setting).split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether the setting has its default value.
    public func isDefault(_ setting: Setting) -> Bool { stored[setting.id] == nil || stored[setting.id] == setting.defaultValue }
}
