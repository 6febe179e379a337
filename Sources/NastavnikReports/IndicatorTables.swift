import NastavnikCore

/// How the target indicators are shown: by `indicators list|report`, the web page and the
/// municipal report.
public enum IndicatorTables {
    /// A value in the indicator's unit: a percentage, or a ratio with three decimals.
    static func cell(_ value: Double?, _ indicator: TargetIndicator) -> Cell {
        guard let value else { return .empty }
        return indicator.unit == "%" ? .percent(value) : .number(value, decimals: 3)
    }

    /// A baseline as «value (year)», in the indicator's precision.
    static func baseline(_ value: IndicatorValue?, _ indicator: TargetIndicator) -> Cell {
        guard let value else { return .empty }
        return .text("\(Cell.russianNumber(value.value, decimals: indicator.unit == "%" ? 1 : 3)) (\(value.year))")
    }

    /// A count as a whole number when it is one (a share × participants need not be).
    static func count(_ value: Double) -> String {
        Cell.russianNumber(value, decimals: value == value.rounded() ? 0 : 1)
    }

    /// The indicators with their population, formula, direction and source.
    public static func list(_ records: IndicatorRecords) -> ReportTable {
        ReportTable(
            title: "Целевые показатели",
            columns: [
                Column("code", "Код"), Column("name", "Показатель"), Column("population", "Совокупность"),
                Column("unit", "Единица"), Column("better", "Лучше"), Column("formula", "Формула"),
                Column("baseline", "Базовое значение"), Column("source", "Источник"),
            ],
            rows: records.all.map { i in
                return [
                    .text(i.code), .text(i.name), .text(i.population), .text(i.unit.isEmpty ? "—" : i.unit),
                    .text(i.lowerIsBetter ? "меньше" : "больше"), .text(i.formulaText),
                    baseline(records.baselines.first { i.hasCode($0.code) }, i),
                    .text(i.source.isEmpty ? "показатель муниципалитета" : i.source),
                ]
            })
    }

    /// The report's rows: baseline, target, actual, deviation (actual − target) and whether on track.
    public static func report(_ lines: [IndicatorReportLine], year: Int, schoolNames: [String: String] = [:])
        -> ReportTable
    {
        ReportTable(
            title: "Целевые показатели за \(year) год",
            columns: [
                Column("code", "Код"), Column("name", "Показатель"), Column("school", "Школа"),
                Column("population", "Совокупность"), Column("baseline", "Базовое значение"),
                Column("target", "План"), Column("actual", "Факт"), Column("source", "Факт получен"),
                Column("deviation", "Отклонение (факт − план)"), Column("on_track", "Достигнут"),
            ],
            rows: lines.map { l in
                let i = l.indicator
                let source: String
                if l.handEntered {
                    source = "введён вручную"
                } else if let f = l.figure, f.value != nil {
                    let n = i.formula?.isShare == true ? count(f.numerator) : nil
                    source =
                        (n.map { "\($0) из \(count(f.denominator))" }
                            ?? "по \(Cell.russianNumber(f.denominator, decimals: 0)) результатам")
                        + (f.fromShares ? "; часть — доля × участников" : "")
                } else {
                    source = ""
                }
                return [
                    .text(i.code), .text(i.name),
                    .text(
                        l.schoolCode.map { code in schoolNames[code].map { "\(code) \($0)" } ?? code }
                            ?? "муниципалитет"),
                    .text(i.population),
                    baseline(l.baseline, i),
                    cell(l.target, i), cell(l.actual, i), .text(source),
                    l.deviation.map { .number($0, decimals: i.unit == "%" ? 1 : 3) } ?? .empty,
                    l.onTrack.map { .bool($0) } ?? .empty,
                ]
            },
            emptyMessage: "Нет показателей с данными за \(year) год.")
    }

    /// The report as JSON: an array of `{"code", "name", "population", "baseline", "target",
    /// "actual", "on_track"}`, with `"school_code"` on a school's row (stable keys, issue #21).
    public static func json(_ lines: [IndicatorReportLine]) -> JSONValue {
        func number(_ v: Double?) -> JSONValue { v.map { .number(JSONValue.withoutBinaryNoise($0)) } ?? .null }
        return .array(
            lines.map { l in
                var fields: [(String, JSONValue)] = [
                    ("code", .string(l.indicator.code)), ("name", .string(l.indicator.name)),
                    ("population", .string(l.indicator.population)),
                ]
                if let school = l.schoolCode { fields.append(("school_code", .string(school))) }
                fields += [
                    ("baseline", number(l.baseline?.value)), ("target", number(l.target)),
                    ("actual", number(l.actual)), ("on_track", l.onTrack.map { .bool($0) } ?? .null),
                ]
                return .object(fields)
            })
    }

    /// One chart per indicator with an actual value in some year: the municipality's value by
    /// year, each bar against that year's target.
    public static func dynamicsCharts(_ dynamics: [Int: [IndicatorReportLine]]) -> [Chart] {
        let years = dynamics.keys.sorted()
        let codes = (dynamics[years.last ?? 0] ?? []).map(\.indicator)
        return codes.compactMap { indicator in
            let items = years.compactMap { year -> BarChart.Item? in
                guard let line = dynamics[year]?.first(where: { $0.indicator.code == indicator.code }),
                    let actual = line.actual
                else { return nil }
                return BarChart.Item(label: String(year), value: actual, target: line.target)
            }
            guard !items.isEmpty else { return nil }
            return .bars(
                BarChart(
                    title: "\(indicator.code) \(indicator.name): по годам", valueTitle: "Факт", items: items,
                    percent: indicator.unit == "%"))
        }
    }
}
