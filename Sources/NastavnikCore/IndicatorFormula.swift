/// How a predefined target indicator is computed from the data Nastavnik holds
/// (`IndicatorCalculator`). An indicator without a formula is entered by hand.
public enum IndicatorFormula: String, Sendable, Hashable, CaseIterable, Codable {
    /// Заиграевский 1.1: leavers of the 9th and 11th grades with a certificate / leavers.
    case certificates
    /// Заиграевский 1.2: ВПР participants with «2» in Russian and mathematics / participants.
    case vprFail
    /// Заиграевский 1.3: pupils left to repeat the year / pupils.
    case repeaters
    /// Заиграевский 1.4: pupils with ОВЗ taught under an adapted programme / pupils with ОВЗ.
    case ovzAdapted
    /// Заиграевский 2.1: ВПР participants with «5» in Russian and mathematics / participants.
    case vprTop
    /// Заиграевский 2.2: ОГЭ participants with «5» in Russian and mathematics / participants.
    case ogeTop
    /// Заиграевский 2.3: ЕГЭ participants with more than 70 points / participants (every subject).
    case egeAbove70
    /// Заиграевский 3.1: pedagogical and leading workers trained within three years / all of them.
    case staffTrained
    /// Заиграевский 3.2: those above both diagnostic thresholds / all of them, in НОР schools.
    case staffAboveThresholds
    /// Ставрополь 1): the mean of the school's relative scores (school mean / region mean) at ЕГЭ and ОГЭ over 3 years.
    case relativeScoreGIA
    /// Ставрополь 2): the deviation of the mean relative score at ГИА of the year from one.
    case deviationGIA
    /// Ставрополь 4): the mean of the school's relative scores at ВПР (and РПР) of the year.
    case relativeScoreVPR

    /// Which schools the indicator counts.
    public var schools: IndicatorSchools {
        switch self {
        case .vprFail, .repeaters, .vprTop, .ogeTop, .egeAbove70: .lowResultsAndRisk
        case .staffAboveThresholds: .lowResults
        default: .all
        }
    }

    /// Whether the value is a share in percent (numerator × 100 / denominator); else a mean
    /// (numerator / denominator).
    public var isShare: Bool {
        switch self {
        case .relativeScoreGIA, .deviationGIA, .relativeScoreVPR: false
        default: true
        }
    }

    /// The formula in words, as `indicators list` shows it.
    public var russian: String {
        switch self {
        case .certificates:
            "(получили аттестат 9 кл. + 11 кл.) / (выпускников 9 кл. + 11 кл.) × 100 (социальный контекст года)"
        case .vprFail:
            "получили «2» на ВПР по русскому языку и математике / участников этих ВПР × 100"
        case .repeaters: "оставлены на повторное обучение / обучающихся × 100"
        case .ovzAdapted: "обучаются по адаптированным программам / обучающихся с ОВЗ и детей-инвалидов × 100"
        case .vprTop: "получили «5» на ВПР по русскому языку и математике / участников этих ВПР × 100"
        case .ogeTop: "получили «5» на ОГЭ по русскому языку и математике / участников этих ОГЭ × 100"
        case .egeAbove70: "набрали более 70 баллов на ЕГЭ / участников ЕГЭ по всем предметам × 100"
        case .staffTrained:
            "прошли КПК за 3 года / педагогических и руководящих работников × 100 (на дату сбора, настройка \(Settings.indicatorsStaffMonth.id))"
        case .staffAboveThresholds:
            "выше порогов предметных и методических компетенций / педагогических и руководящих работников × 100"
        case .relativeScoreGIA:
            "среднее отношений «средний балл школы / средний балл по региону» по ЕГЭ и ОГЭ за 3 года"
        case .deviationGIA: "среднее отношений «средний балл школы / средний балл по региону» по ЕГЭ и ОГЭ года − 1"
        case .relativeScoreVPR: "среднее отношений «средний балл школы / средний балл по региону» по ВПР (РПР) года"
        }
    }
}
