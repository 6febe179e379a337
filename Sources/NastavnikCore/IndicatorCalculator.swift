/// Computes the predefined target indicators from plain values: per school of the indicator's
/// population with data, and for the municipality (the population's sums).
public enum IndicatorCalculator {
    /// One school's part of an indicator.
    struct Part {
        var numerator = 0.0
        var denominator = 0.0
        var fromShares = false
        var any = false

        mutating func add(_ numerator: Double, of denominator: Double, fromShares: Bool = false) {
            self.numerator += numerator
            self.denominator += denominator
            self.fromShares = self.fromShares || fromShares
            any = true
        }
    }

    /// The formula's figures for `year`: the schools of its population that have data, in code
    /// order, then the municipality (`schoolCode` nil) when any school has.
    public static func figures(_ formula: IndicatorFormula, year: Int, inputs: IndicatorInputs) -> [IndicatorFigure] {
        let counted = inputs.schools.filter { formula.schools.includes($0.statuses) }.map(\.code)
        let members = Set(counted)
        var parts: [String: Part] = [:]
        switch formula {
        case .certificates, .repeaters, .ovzAdapted:
            for s in inputs.social where s.year == year && members.contains(s.schoolCode) {
                for (n, d) in socialPairs(formula, s) {
                    parts[s.schoolCode, default: Part()].add(Double(n), of: Double(d))
                }
            }
        case .vprFail, .vprTop, .ogeTop, .egeAbove70:
            for r in inputs.results where r.year == year && members.contains(r.schoolCode) {
                guard let (n, fromShares) = resultCount(formula, r), let p = r.participants else { continue }
                parts[r.schoolCode, default: Part()].add(n, of: Double(p), fromShares: fromShares)
            }
        case .staffTrained, .staffAboveThresholds:
            // 3.2 is «в результате независимой диагностики»: a school none of whose workers was
            // diagnosed by the year's date has no figure (not 0 %); within a diagnosed school a
            // worker without a result counts as not above, as `StaffIndicators` says.
            for line in inputs.staff[year] ?? []
            where members.contains(line.code) && line.staff > 0
                && (formula == .staffTrained || line.diagnosed > 0)
            {
                let n = formula == .staffTrained ? line.trained : line.aboveBoth
                parts[line.code, default: Part()].add(Double(n), of: Double(line.staff))
            }
        case .relativeScoreGIA, .deviationGIA, .relativeScoreVPR:
            // Ставрополь: «за 3 года» for 1); the year itself for 2) and 4).
            let years = formula == .relativeScoreGIA ? (year - 2)...year : year...year
            for r in inputs.results where years.contains(r.year) && members.contains(r.schoolCode) {
                let kind = Assessment(r.assessment)
                guard formula == .relativeScoreVPR ? kind == .vpr || kind == .rpr : kind == .ege || kind == .oge,
                    let region = r.regionMean, region > 0
                else { continue }
                let ratio = r.meanScore / region
                // «Под отклонением понималось отклонение от единицы».
                parts[r.schoolCode, default: Part()].add(formula == .deviationGIA ? ratio - 1 : ratio, of: 1)
            }
        }
        var out: [IndicatorFigure] = []
        var total = Part()
        for code in counted.sorted() {
            guard let part = parts[code], part.any else { continue }
            out.append(
                IndicatorFigure(
                    schoolCode: code, numerator: part.numerator, denominator: part.denominator,
                    fromShares: part.fromShares, share: formula.isShare))
            total.add(part.numerator, of: part.denominator, fromShares: part.fromShares)
        }
        if total.any {
            out.append(
                IndicatorFigure(
                    schoolCode: nil, numerator: total.numerator, denominator: total.denominator,
                    fromShares: total.fromShares, share: formula.isShare))
        }
        return out
    }

    /// The (part, whole) pairs of a social context that the formula counts, each where both are known.
    static func socialPairs(_ formula: IndicatorFormula, _ s: SocialContext) -> [(Int, Int)] {
        let pairs: [(Int?, Int?)] =
            switch formula {
            case .certificates: [(s.certificates9, s.leavers9), (s.certificates11, s.leavers11)]
            case .repeaters: [(s.repeaters, s.pupils)]
            default: [(s.ovzAdapted, s.ovzPupils)]
            }
        return pairs.compactMap { n, d in n.flatMap { n in d.map { (n, $0) } } }
    }

    /// The count a result gives the formula, and whether it was taken from a share; nil when
    /// the result is not the formula's (another assessment or subject) or gives neither.
    static func resultCount(_ formula: IndicatorFormula, _ r: AssessmentResult) -> (Double, Bool)? {
        let kind = Assessment(r.assessment)
        let subject = CellValue.fold(r.subject)
        let russianOrMaths = subject.contains("русск") || subject.contains("матем")
        switch formula {
        case .vprFail where kind == .vpr && russianOrMaths: return count(r.count2, share: r.shareFail, r)
        case .vprTop where kind == .vpr && russianOrMaths: return count(r.count5, share: r.shareTop, r)
        case .ogeTop where kind == .oge && russianOrMaths: return count(r.count5, share: r.shareTop, r)
        case .egeAbove70 where kind == .ege: return r.above70.map { (Double($0), false) }
        default: return nil
        }
    }

    /// The stated count, else share × participants (a file with shares only): said by the flag.
    static func count(_ exact: Int?, share: Double?, _ r: AssessmentResult) -> (Double, Bool)? {
        if let exact { return (Double(exact), false) }
        if let share, let p = r.participants { return (share * Double(p) / 100, true) }
        return nil
    }

    /// The assessments the formulas tell apart, by the start of their name («ВПР», «ОГЭ (ГИА-9)»).
    enum Assessment {
        case vpr, rpr, oge, ege, other

        init(_ name: String) {
            let folded = CellValue.fold(name)
            if folded.hasPrefix("впр") {
                self = .vpr
            } else if folded.hasPrefix("рпр") {
                self = .rpr
            } else if folded.hasPrefix("огэ") {
                self = .oge
            } else if folded.hasPrefix("егэ") {
                self = .ege
            } else {
                self = .other
            }
        }
    }
}
