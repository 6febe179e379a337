/// The rules that propose statuses. The method is the Ставрополь seed's (приказ комитета
/// образования г. Ставрополя № 146-ОД от 27.02.2020, раздел 1): «Определяющими для
/// стратификации являются показатели 1 и 2» — the mean of the relative scores of ЕГЭ and ОГЭ
/// over 3 years (school mean by subject ÷ region mean) and the deviation of the school's mean
/// from the region's («отклонение от единицы»); ВПР and РПР (показатель 4) are considered, not
/// determining. The seed gives no cut-offs: each is a setting, named in the reasons.
public struct ClassificationRules: Sendable, Equatable {
    /// A cut-off and where its value comes from (a setting, or an option that overrides it).
    public struct Cutoff: Sendable, Equatable {
        public var value: Double
        /// «настройка classification.low_results» or «--low».
        public var origin: String
        public init(_ value: Double, origin: String) {
            self.value = value
            self.origin = origin
        }
        init(_ setting: Setting, _ values: SettingValues) {
            self.init(values.number(setting), origin: "настройка \(setting.id)")
        }
    }

    public var lowResults: Cutoff
    public var highRisk: Cutoff
    public var moderateRisk: Cutoff
    public var effective: Cutoff
    public var fallingTrend: Cutoff
    public var adverseSocial: Cutoff
    /// The procedures whose results determine the status (folded as written in the setting).
    public var determining: [String]
    /// Whether a result without the region's mean is measured against the municipality's mean
    /// (said in the reasons) instead of being left out.
    public var municipalMeanWhenRegionMissing: Bool

    /// The rules in force.
    public init(settings: SettingValues = SettingValues()) {
        lowResults = Cutoff(Settings.classificationLowResults, settings)
        highRisk = Cutoff(Settings.classificationHighRisk, settings)
        moderateRisk = Cutoff(Settings.classificationModerateRisk, settings)
        effective = Cutoff(Settings.classificationEffective, settings)
        fallingTrend = Cutoff(Settings.classificationFallingTrend, settings)
        adverseSocial = Cutoff(Settings.classificationAdverseSocial, settings)
        determining = settings.list(Settings.classificationDetermining)
        municipalMeanWhenRegionMissing =
            settings.text(Settings.classificationMissingRegionMean) == Settings.municipalMeanChoice
    }

    func isDetermining(_ assessment: String) -> Bool {
        let folded = CellValue.fold(assessment)
        return determining.contains { CellValue.fold($0) == folded }
    }

    /// Every school's indicators and proposed statuses. The municipality's mean of a result
    /// (participant-weighted over the schools given) is used only where the setting says so.
    public func classify(_ schools: [ClassifiedSchool]) -> [SchoolClassification] {
        var municipal: [String: (sum: Double, n: Double)] = [:]
        if municipalMeanWhenRegionMissing {
            for s in schools {
                for r in s.results {
                    let weight = Double(max(r.participants ?? 1, 1))
                    municipal[r.key, default: (0, 0)].sum += r.mean * weight
                    municipal[r.key]!.n += weight
                }
            }
        }
        return schools.map { classify($0, municipalMean: { municipal[$0.key].map { $0.sum / $0.n } }) }
    }

    /// One school's indicators and proposed statuses; `municipalMean` answers for a result
    /// without the region's mean when the setting allows it.
    public func classify(_ s: ClassifiedSchool, municipalMean: (ClassifiedResult) -> Double? = { _ in nil })
        -> SchoolClassification
    {
        func f(_ v: Double) -> String { Cell0.decimal(v) }
        var determiningRatios: [(year: Int, ratio: Double)] = []
        var otherRatios: [Double] = []
        var withoutRegion: [ClassifiedResult] = []
        var replaced = 0
        for r in s.results {
            var base = r.regionMean
            if base == nil {
                withoutRegion.append(r)
                if municipalMeanWhenRegionMissing, let m = municipalMean(r) {
                    base = m
                    replaced += 1
                }
            }
            guard let base, base > 0 else { continue }
            if isDetermining(r.assessment) {
                determiningRatios.append((r.year, r.mean / base))
            } else {
                otherRatios.append(r.mean / base)
            }
        }
        let relative =
            determiningRatios.isEmpty
            ? nil : determiningRatios.map(\.ratio).reduce(0, +) / Double(determiningRatios.count)
        let byYear = Dictionary(grouping: determiningRatios, by: \.year).mapValues {
            $0.map(\.ratio).reduce(0, +) / Double($0.count)
        }
        var trend: Double?
        if let first = byYear.keys.min(), let last = byYear.keys.max(), first != last {
            trend = byYear[last]! - byYear[first]!
        }
        let names = determining.joined(separator: ", ")
        var statuses: [SchoolStatus] = []
        var reasons: [String] = []
        func cut(_ c: Cutoff) -> String { "\(Setting.format(c.value)) (\(c.origin))" }
        if let mean = relative {
            let subject = "средний относительный балл \(names) \(f(mean))"
            if mean < lowResults.value {
                statuses.append(.lowResults)
                reasons.append("\(subject) < \(cut(lowResults)) — НОР")
            } else if mean < highRisk.value {
                statuses.append(.highRisk)
                reasons.append("\(subject) < \(cut(highRisk)) — ЗПР")
            } else if let t = trend, t <= fallingTrend.value {
                statuses.append(.highRisk)
                reasons.append(
                    "относительный балл \(names) снизился на \(f(-t)) за период (порог снижения \(cut(fallingTrend))) — ЗПР"
                )
            } else if mean < moderateRisk.value {
                statuses.append(.moderateRisk)
                reasons.append("\(subject) < \(cut(moderateRisk)) — ЗУР")
            } else if mean >= effective.value {
                statuses.append(.effective)
                reasons.append("\(subject) ≥ \(cut(effective)) — эффективная")
            } else {
                reasons.append(
                    "\(subject): от \(Setting.format(moderateRisk.value)) до \(Setting.format(effective.value)) — без статуса"
                )
            }
        } else {
            reasons.append("нет результатов \(names) с относительным баллом — статус по результатам не определён")
        }
        if !withoutRegion.isEmpty {
            let shown = withoutRegion.prefix(3).map(\.label).joined(separator: "; ")
            let more = withoutRegion.count > 3 ? " и ещё \(withoutRegion.count - 3)" : ""
            let treatment =
                municipalMeanWhenRegionMissing
                ? "взят средний балл по муниципалитету (\(replaced) из \(withoutRegion.count); настройка \(Settings.classificationMissingRegionMean.id))"
                : "не учтены (настройка \(Settings.classificationMissingRegionMean.id))"
            reasons.append("нет среднего балла по региону: \(shown)\(more) — \(treatment)")
        }
        let index = s.socialIndex
        if let index, index >= adverseSocial.value {
            statuses.append(.adverseSocial)
            reasons.append("индекс социального неблагополучия \(f(index)) ≥ \(cut(adverseSocial)) — ШНСУ")
        }
        return SchoolClassification(
            code: s.code, name: s.name, relative: relative, relativeByYear: byYear, trend: trend,
            otherRelative: otherRatios.isEmpty ? nil : otherRatios.reduce(0, +) / Double(otherRatios.count),
            determiningCount: determiningRatios.count, otherCount: otherRatios.count, socialIndex: index,
            statuses: statuses.sorted(), reasons: reasons, official: s.official)
    }
}
