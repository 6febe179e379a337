import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

// The roadmaps' target indicators (issue #21): the predefined ones of the seeds, the
// municipality's own, their baselines, targets and actual values.
extension NastavnikApp {
    /// The municipality's own indicators, the baselines, targets and hand-entered values.
    public func targetIndicators() async throws -> IndicatorRecords { try database.indicatorRecords() }

    /// Adds an indicator of the municipality's own, entered by hand (`indicators set`); a
    /// predefined code or one already taken is refused.
    @discardableResult
    public func defineIndicator(
        code: String, name: String, population: String, unit: String = "%", lowerIsBetter: Bool = false
    ) async throws -> TargetIndicator {
        let code = CellValue.trimmed(code)
        guard !code.isEmpty, code.count <= 20, !code.contains(where: \.isWhitespace) else {
            throw AppError("Код показателя — до 20 символов без пробелов (\(code.isEmpty ? "пусто" : code)).")
        }
        if let predefined = TargetIndicator.predefined(code: code) {
            throw AppError(
                "Код «\(code)» занят предопределённым показателем «\(predefined.name)» (\(predefined.source)); выберите другой код."
            )
        }
        for (field, value) in [("--name", name), ("--population", population)]
        where CellValue.trimmed(value).isEmpty {
            throw AppError("Не заполнено \(field): у показателя должны быть формулировка и совокупность.")
        }
        let indicator = TargetIndicator(
            code: code, name: CellValue.trimmed(name), population: CellValue.trimmed(population),
            unit: CellValue.trimmed(unit), lowerIsBetter: lowerIsBetter)
        try database.defineIndicator(indicator)
        return indicator
    }

    /// Sets an indicator's baseline, target or hand-entered actual value for a year (for the
    /// municipality, or a school: targets and actual values only). A hand-entered value of a
    /// formula indicator is refused where the data already give one for that year and school:
    /// the computed value is the actual, and two would disagree.
    public func setIndicatorValue(
        _ kind: IndicatorValueKind, code: String, year: Int, value: Double, schoolCode: String? = nil
    ) async throws {
        let records = try database.indicatorRecords()
        guard let indicator = records.indicator(code: code) else {
            throw AppError(
                "Показатель «\(code)» не найден; показатели: \(records.all.map(\.code).joined(separator: ", ")) (nastavnik indicators list)."
            )
        }
        guard (1990...2200).contains(year) else { throw AppError("Год вне пределов 1990–2200 (--year \(year)).") }
        guard value.isFinite else { throw AppError("Значение — не число (--value \(value)).") }
        if indicator.unit == "%", !(0...100).contains(value) {
            throw AppError("Доля в процентах — от 0 до 100 (--value \(Setting.format(value))).")
        }
        if kind == .baseline, schoolCode != nil {
            throw AppError("Базовое значение задаётся для муниципалитета, без --school.")
        }
        if let schoolCode, try database.indicatorSchools(schoolCode: schoolCode).isEmpty {
            throw AppError("Школа с кодом «\(schoolCode)» не найдена (--school).")
        }
        if kind == .actual, let formula = indicator.formula {
            let inputs = try indicatorInputs(years: [year])
            if let figure = IndicatorCalculator.figures(formula, year: year, inputs: inputs).first(where: {
                $0.schoolCode == schoolCode && $0.value != nil
            }) {
                throw AppError(
                    "Показатель «\(indicator.code)» вычисляется по загруженным данным: за \(year) год \(schoolCode.map { "по школе \($0)" } ?? "по муниципалитету") он равен \(Setting.format((figure.value! * 10).rounded() / 10))\(indicator.unit.isEmpty ? "" : " \(indicator.unit)"). Вручную его вводят только за год, за который данных нет."
                )
            }
        }
        try database.setIndicatorValue(
            kind, IndicatorValue(code: indicator.code, schoolCode: schoolCode, year: year, value: value))
    }

    /// The report of `year`: each indicator's baseline, target, actual, deviation and whether it
    /// is on track, for the municipality and per school (or that school's rows only).
    public func indicatorReport(year: Int, schoolCode: String? = nil) async throws -> [IndicatorReportLine] {
        if let schoolCode, try database.indicatorSchools(schoolCode: schoolCode).isEmpty {
            throw AppError("Школа с кодом «\(schoolCode)» не найдена (--school).")
        }
        return IndicatorReportLine.report(
            year: year, records: try database.indicatorRecords(), inputs: try indicatorInputs(years: [year]),
            schoolCode: schoolCode)
    }

    /// The latest year up to `year` with results, a social context or a hand-entered value: a
    /// year of plans alone has nothing to compare them with yet.
    public func latestIndicatorYear(upTo year: Int) throws -> Int? {
        try database.indicatorYears(plans: false).filter { $0 <= year }.max()
    }

    /// The target indicators of the latest year with data or records up to `date`'s year, with
    /// their dynamics, for the municipal report; nil when there is no such year.
    func indicatorSummary(asOf date: LocalDate) async throws -> IndicatorSummary? {
        guard let year = try latestIndicatorYear(upTo: date.year) else { return nil }
        // One read of the inputs for the year and the dynamics: the staff are counted once a year.
        let years = try database.indicatorYears().filter { $0 <= year }
        let records = try database.indicatorRecords()
        let inputs = try indicatorInputs(years: years)
        return IndicatorSummary(
            year: year, lines: IndicatorReportLine.report(year: year, records: records, inputs: inputs),
            dynamics: Self.dynamics(years: years, records: records, inputs: inputs))
    }

    /// Every school's name by its code, for the report's rows.
    public func indicatorSchoolNames() async throws -> [String: String] {
        Dictionary(try database.indicatorSchools().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The municipality's rows of every year with data or records up to `year`: the dynamics.
    public func indicatorDynamics(through year: Int) async throws -> [Int: [IndicatorReportLine]] {
        let years = try database.indicatorYears().filter { $0 <= year }
        guard !years.isEmpty else { return [:] }
        let records = try database.indicatorRecords()
        return Self.dynamics(years: years, records: records, inputs: try indicatorInputs(years: years))
    }

    /// The municipality's rows of each year.
    static func dynamics(years: [Int], records: IndicatorRecords, inputs: IndicatorInputs) -> [Int:
        [IndicatorReportLine]]
    {
        var out: [Int: [IndicatorReportLine]] = [:]
        for y in years {
            out[y] = IndicatorReportLine.report(year: y, records: records, inputs: inputs).filter {
                $0.schoolCode == nil
            }
        }
        return out
    }

    /// The data the formulas read, with the staff counted on the first day of the month of
    /// `Settings.indicatorsStaffMonth` of each year (not for a day still to come).
    func indicatorInputs(years: [Int]) throws -> IndicatorInputs {
        let month = Int(try database.settings().number(Settings.indicatorsStaffMonth))
        var staff: [Int: [StaffIndicators.Line]] = [:]
        for year in years {
            guard let date = LocalDate(year: year, month: month, day: 1), date <= LocalDate.today() else { continue }
            staff[year] = try database.staffIndicators(asOf: date).lines
        }
        let low = (years.min() ?? 0) - 2
        return IndicatorInputs(
            schools: try database.indicatorSchools(),
            results: try database.indicatorResults(years: low...(years.max() ?? low)),
            social: try database.indicatorSocial(), staff: staff)
    }

    /// The demo's baselines and targets (`demo/indicators.json`, when there): the baseline of each
    /// predefined indicator is its computed value in the baseline year (or the first later year
    /// with data: 3.2 has none before the first diagnostic), the targets of the later years step
    /// from it.
    func loadDemoIndicatorPlan(demoDir: String) async throws {
        let path = (demoDir as NSString).appendingPathComponent("indicators.json")
        guard FileManager.default.fileExists(atPath: path) else { return }
        let plan = try JSONDecoder().decode(DemoIndicatorPlan.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        let years = Array(plan.baselineYear...max(plan.baselineYear, plan.targetYears.max() ?? plan.baselineYear))
        let inputs = try indicatorInputs(years: years)
        for indicator in TargetIndicator.predefined {
            guard let formula = indicator.formula, let step = plan.steps[indicator.code],
                let (baseYear, value) = years.lazy.compactMap({ year -> (Int, Double)? in
                    guard let total = IndicatorCalculator.figures(formula, year: year, inputs: inputs).last,
                        total.schoolCode == nil, let value = total.value
                    else { return nil }
                    return (year, value)
                }).first
            else { continue }
            let round = { (v: Double) in
                indicator.unit == "%" ? min(100, max(0, (v * 10).rounded() / 10)) : (v * 1000).rounded() / 1000
            }
            try database.setIndicatorValue(
                .baseline, IndicatorValue(code: indicator.code, year: baseYear, value: round(value)))
            for year in plan.targetYears where year > baseYear {
                let target = round(value + step * Double(year - baseYear))
                try database.setIndicatorValue(
                    .target, IndicatorValue(code: indicator.code, year: year, value: target))
            }
        }
    }
}
