/// A target indicator of a roadmap: its code, wording, population, unit, direction, and its
/// formula over the data — or none, when the municipality enters its value by hand.
public struct TargetIndicator: Sendable, Hashable, Codable {
    public var code: String
    /// The wording, as the roadmap gives it.
    public var name: String
    /// Which schools and which people or pupils, in words.
    public var population: String
    /// «%» for a share; empty for a ratio.
    public var unit: String
    /// Whether a lower value is better (the share of «2», of repeaters).
    public var lowerIsBetter: Bool
    public var formula: IndicatorFormula?
    /// The seed it comes from; empty for the municipality's own.
    public var source: String

    public init(
        code: String, name: String, population: String, unit: String = "%", lowerIsBetter: Bool = false,
        formula: IndicatorFormula? = nil, source: String = ""
    ) {
        self.code = code
        self.name = name
        self.population = population
        self.unit = unit
        self.lowerIsBetter = lowerIsBetter
        self.formula = formula
        self.source = source
    }

    /// The formula in words, or «вводится вручную».
    public var formulaText: String { formula?.russian ?? "вводится вручную" }

    /// Whether `code` names this indicator (case and spaces aside).
    public func hasCode(_ code: String) -> Bool { CellValue.fold(code) == CellValue.fold(self.code) }

    /// The predefined indicator of that code, if any.
    public static func predefined(code: String) -> TargetIndicator? { predefined.first { $0.hasCode(code) } }

    static let zaigraevsky = "Заиграевский, раздел 3"
    static let stavropol = "Ставрополь, показатели рейтингования ОО"
    static let lowAndRisk = "школы с НОР, ЗР (ЗПР, ЗУР; официальный статус)"

    /// Заиграевский 1.2, 2.1, 2.2: the share of an assessment's participants in Russian and
    /// mathematics with a mark, in НОР and ЗР schools.
    static func markShare(
        _ code: String, _ assessment: String, mark: Int, _ formula: IndicatorFormula, lowerIsBetter: Bool = false
    ) -> TargetIndicator {
        TargetIndicator(
            code: code,
            name: "Доля участников \(assessment), получивших оценку «\(mark)» по русскому языку и математике",
            population: "участники \(assessment) по русскому языку и математике; \(lowAndRisk)",
            lowerIsBetter: lowerIsBetter, formula: formula, source: zaigraevsky)
    }

    /// The seeds' indicators that have a formula: Заиграевский 1.1–3.2 (seed 001, section 3)
    /// and Ставрополь's rating indicators 1), 2) and 4) (seed 004). The wording is the seeds'.
    public static let predefined: [TargetIndicator] = [
        // «1.1 Доля выпускников ОУ 9-х, 11-х классов, получивших аттестат соответствующего уровня от
        // общего количества выпускников 9-х, 11-х классов»
        TargetIndicator(
            code: "1.1",
            name: "Доля выпускников 9-х, 11-х классов, получивших аттестат соответствующего уровня",
            population: "выпускники 9-х и 11-х классов всех школ", formula: .certificates, source: zaigraevsky),
        // «1.2 Доля участников ВПР в ОУ с НОР, ЗР, получивших оценку «2» по русскому языку и математике»
        markShare("1.2", "ВПР", mark: 2, .vprFail, lowerIsBetter: true),
        // «1.3 Доля обучающихся ОУ с НОР, ЗР, не усвоивших общеобразовательные программы и оставшихся
        // на повторное обучение»
        TargetIndicator(
            code: "1.3", name: "Доля обучающихся, оставленных на повторное обучение",
            population: "обучающиеся; \(lowAndRisk)", lowerIsBetter: true, formula: .repeaters,
            source: zaigraevsky),
        // «1.4 Доля обучающихся с ОВЗ и детей-инвалидов от общего числа обучающихся данной категории,
        // содержание общего образования и условия организации обучения которых определяются
        // адаптированной образовательной программой»
        TargetIndicator(
            code: "1.4",
            name: "Доля обучающихся с ОВЗ и детей-инвалидов, обучающихся по адаптированной образовательной программе",
            population: "обучающиеся с ОВЗ и дети-инвалиды всех школ", formula: .ovzAdapted, source: zaigraevsky),
        // «2.1 Доля участников ВПР в ОУ с НОР, ЗР, получивших оценку «5» по русскому языку и математике»
        markShare("2.1", "ВПР", mark: 5, .vprTop),
        // «2.2 Доля обучающихся в ОУ с НОР, ЗР, получивших по итогам ОГЭ высокий результат оценку «5»
        // по русскому языку и математике»
        markShare("2.2", "ОГЭ", mark: 5, .ogeTop),
        // «2.3 Доля обучающихся в ОУ с НОР, ЗР, получивших по итогам ЕГЭ результат более 70 баллов»:
        // of the participants of every ЕГЭ subject (a pupil counts once per subject taken).
        TargetIndicator(
            code: "2.3", name: "Доля участников ЕГЭ, получивших более 70 баллов",
            population: "участники ЕГЭ по всем предметам (по каждому предмету); \(lowAndRisk)",
            formula: .egeAbove70, source: zaigraevsky),
        // «3.1 Доля педагогических и руководящих работников ОУ, прошедших в течении последних трех лет
        // курсы повышение квалификации»
        TargetIndicator(
            code: "3.1",
            name: "Доля педагогических и руководящих работников, прошедших КПК в течение последних трёх лет",
            population: "педагогические и руководящие работники всех школ", formula: .staffTrained,
            source: zaigraevsky),
        // «3.2 Доля педагогических и руководящих работников в школах с НОР показавших в результате
        // независимой диагностики профессиональных дефицитов уровень предметных компетенций выше 10
        // баллов, уровень методических компетенций выше 20 баллов»: both, the thresholds being the
        // settings of `diagnostics thresholds`.
        TargetIndicator(
            code: "3.2",
            name:
                "Доля педагогических и руководящих работников, показавших в диагностике уровень предметных и методических компетенций выше пороговых",
            population: "педагогические и руководящие работники школ с НОР (официальный статус)",
            formula: .staffAboveThresholds, source: zaigraevsky),
        // «1) средние значения всех относительных баллов школы по результатам ЕГЭ и ОГЭ за 3 года»;
        // «Среднее значение всех относительных баллов … вычислялось как отношение среднего балла школы
        // по предмету к среднему баллу по региону. Средний относительный балл вычислялся как среднее
        // арифметическое отношений».
        TargetIndicator(
            code: "СТ1", name: "Средний относительный балл школы по результатам ЕГЭ и ОГЭ за 3 года",
            population: "результаты ЕГЭ и ОГЭ всех школ за 3 года по год отчёта", unit: "",
            formula: .relativeScoreGIA, source: stavropol),
        // «2) отклонение среднего балла школы от среднего балла по региону … по результатам ГИА»;
        // «Под отклонением понималось отклонение от единицы».
        TargetIndicator(
            code: "СТ2", name: "Отклонение среднего балла школы от среднего балла по региону по результатам ГИА",
            population: "результаты ЕГЭ и ОГЭ всех школ за год отчёта", unit: "", formula: .deviationGIA,
            source: stavropol),
        // «4) средние значения относительных баллов школы по результатам ВПР, РПР по предметам»
        TargetIndicator(
            code: "СТ4", name: "Средний относительный балл школы по результатам ВПР, РПР",
            population: "результаты ВПР (РПР) всех школ за год отчёта", unit: "", formula: .relativeScoreVPR,
            source: stavropol),
    ]
}
