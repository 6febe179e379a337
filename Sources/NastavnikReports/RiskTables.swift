import NastavnikCore
import NastavnikStore

/// The tables of the «500+» risk profiles (issue 21): the proposals of `risks propose`, the
/// matrix of schools × factors, and one school's profile with its years.
public enum RiskTables {
    /// A level as a matrix cell: short, so that ten factors fit a line.
    static func short(_ level: RiskLevel) -> String {
        switch level {
        case .high: "В"
        case .medium: "С"
        case .low: "Н"
        }
    }

    /// The proposals, a row per school and factor, with the figures that led to each.
    public static func proposals(_ outcomes: [RiskProposer.Outcome]) -> ReportTable {
        ReportTable(
            title: "Предлагаемые уровни факторов риска",
            columns: [
                Column.schoolCode, Column("factor", "№"), Column("factor_name", "Фактор риска"),
                Column("level", "Уровень"), Column("reasons", "Основания"),
            ],
            rows: outcomes.flatMap(\.proposals).map {
                [
                    .text($0.schoolCode), .integer($0.factor.rawValue), .text($0.factor.russian),
                    .text($0.level.russian), .list($0.reasons),
                ]
            }, emptyMessage: "Нет данных, по которым можно предложить уровни.")
    }

    /// The proposals in the stable JSON: `{"school_code", "factor", "factor_name",
    /// "level", "reasons"}` each, the level in English («high», «medium», «low»).
    public static func proposalsJSON(_ outcomes: [RiskProposer.Outcome]) -> JSONValue {
        .array(
            outcomes.flatMap(\.proposals).map {
                .object([
                    ("school_code", .string($0.schoolCode)), ("factor", .integer($0.factor.rawValue)),
                    ("factor_name", .string($0.factor.russian)), ("level", .string($0.level.rawValue)),
                    ("reasons", .array($0.reasons.map { .string($0) })),
                ])
            })
    }

    /// Per school, the factors its data cannot speak to, as a sentence; `nil` when none.
    public static func notProposed(_ outcomes: [RiskProposer.Outcome]) -> String? {
        let lines = outcomes.filter { !$0.notProposed.isEmpty }.map {
            "\($0.schoolCode): \($0.notProposed.map { String($0.rawValue) }.joined(separator: ", "))"
        }
        guard !lines.isEmpty else { return nil }
        return "Не предложены (нет данных в Наставнике), по школам — номера факторов: " + lines.joined(separator: "; ")
            + "."
    }

    /// The matrix: a row per school and year, a column per factor with its level («В», «С»,
    /// «Н»), then the count of high levels; a last row, without a code (a totals' row), counts
    /// the schools with each factor high.
    public static func matrix(_ lines: [RiskProfileLine]) -> ReportTable {
        var rows: [[Cell]] = []
        var keys: [String] = []
        var byKey: [String: [RiskFactor: RiskLevel]] = [:]
        var names: [String: (code: String, name: String, year: Int)] = [:]
        for line in lines {
            let key = "\(line.schoolCode)|\(line.year)"
            if byKey[key] == nil {
                keys.append(key)
                names[key] = (line.schoolCode, line.schoolName, line.year)
            }
            byKey[key, default: [:]][line.factor] = line.level
        }
        for key in keys {
            let levels = byKey[key]!
            let name = names[key]!
            rows.append(
                [.text(name.code), .text(name.name), .integer(name.year)]
                    + RiskFactor.allCases.map { factor in levels[factor].map { .text(short($0)) } ?? .empty }
                    + [.integer(levels.values.filter { $0 == .high }.count)])
        }
        if !rows.isEmpty {
            rows.append(
                [.empty, .text("Итого: школ с высоким уровнем"), .empty]
                    + RiskFactor.allCases.map { factor in
                        .integer(keys.filter { byKey[$0]![factor] == .high }.count)
                    } + [.integer(lines.filter { $0.level == .high }.count)])
        }
        return ReportTable(
            title: "Рисковые профили: уровни факторов (В — высокий, С — средний, Н — низкий)",
            columns: [Column.code, Column.name, Column("year", "Год")]
                + RiskFactor.allCases.map { Column("factor_\($0.rawValue)", "Ф\($0.rawValue)") }
                + [Column("high", "Высоких")],
            rows: rows,
            emptyMessage:
                "Рисковые профили не загружены (nastavnik import risks ФАЙЛ или nastavnik risks propose --save).")
    }

    /// The counts per factor and level: how many schools have each factor at each level.
    public static func factorCounts(_ lines: [RiskProfileLine]) -> ReportTable {
        ReportTable(
            title: "Число школ по факторам и уровням риска",
            columns: [
                Column("factor", "№"), Column("factor_name", "Фактор риска"), Column("high", "Высокий"),
                Column("medium", "Средний"), Column("low", "Низкий"),
            ],
            rows: lines.isEmpty
                ? []
                : RiskFactor.allCases.map { factor in
                    let of = lines.filter { $0.factor == factor }
                    return [.integer(factor.rawValue), .text(factor.russian)]
                        + RiskLevel.allCases.map { level in .integer(of.filter { $0.level == level }.count) }
                })
    }

    /// One school's profile: a row per year and factor with its level, source, reasons and note.
    public static func profile(_ lines: [RiskProfileLine]) -> ReportTable {
        ReportTable(
            title: "Рисковый профиль",
            columns: [
                Column("year", "Год"), Column("factor", "№"), Column("factor_name", "Фактор риска"),
                Column("level", "Уровень"), Column("source", "Источник"), Column("reasons", "Основания"),
                Column("note", "Комментарий"), Column("recorded_by", "Кем записано"),
            ],
            rows: lines.map {
                [
                    .integer($0.year), .integer($0.factor.rawValue), .text($0.factor.russian), .text($0.level.russian),
                    .text($0.source.russian), .list($0.reasons), Cell($0.note), Cell($0.recordedBy),
                ]
            }, emptyMessage: "Рисковый профиль школы не записан.")
    }

    /// One school's levels over the years: a row per factor, a column per year.
    public static func dynamics(_ lines: [RiskProfileLine]) -> ReportTable {
        let years = Array(Set(lines.map(\.year))).sorted()
        var levels: [String: RiskLevel] = [:]
        for line in lines { levels["\(line.factor.rawValue)|\(line.year)"] = line.level }
        return ReportTable(
            title: "Динамика уровней по годам",
            columns: [Column("factor", "№"), Column("factor_name", "Фактор риска")]
                + years.map { Column("y\($0)", String($0)) },
            rows: lines.isEmpty
                ? []
                : RiskFactor.allCases.map { factor in
                    [.integer(factor.rawValue), .text(factor.russian)]
                        + years.map { year in levels["\(factor.rawValue)|\(year)"].map { .text($0.russian) } ?? .empty }
                })
    }
}
