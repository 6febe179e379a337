import NastavnikCore

/// The columns of a risk profile's file (`import risks`), in either layout a profile comes in:
/// long — a row per school, year and factor, with the level — or wide, as a region's table
/// often is — a row per school and year with a column per factor holding its level.
enum RiskColumns {
    static let columns: [ColumnSpec] =
        [
            ColumnSpec("school_code", ["Код ОО"], required: true),
            ColumnSpec("year", ["Год"], required: true),
            ColumnSpec("factor", ["Фактор риска", "Фактор", "Номер фактора", "Риск"]),
            ColumnSpec("level", ["Уровень риска", "Уровень", "Степень риска"]),
            ColumnSpec("note", ["Комментарий", "Примечание"]),
        ]
        + RiskFactor.allCases.map { factor in
            let n = factor.rawValue
            return ColumnSpec(
                key(factor),
                [
                    factor.russian, "Риск \(n)", "Риск № \(n)", "Фактор \(n)", "Фактор № \(n)", "Фактор риска \(n)",
                    "Фактор риска № \(n)", "\(n). \(factor.russian)",
                ])
        }

    /// The key of a factor's column in the wide layout.
    static func key(_ factor: RiskFactor) -> String { "factor_\(factor.rawValue)" }

    /// Why the headers `keys` make neither layout, or `nil`: the long layout needs the factor
    /// and the level, the wide one a column of at least one factor, and one file is not both.
    static func layoutProblem(keys: Set<String>) -> String? {
        let wide = RiskFactor.allCases.contains { keys.contains(key($0)) }
        let long = keys.contains("factor") || keys.contains("level")
        if wide && long {
            return
                "в файле и столбец «Фактор риска»/«Уровень риска», и столбцы отдельных факторов; оставьте одно из двух"
        }
        if long && !(keys.contains("factor") && keys.contains("level")) {
            return "нужны оба столбца: «Фактор риска» и «Уровень риска»"
        }
        if !long && !wide {
            return
                "нет столбцов рискового профиля: «Фактор риска» и «Уровень риска» или столбцы факторов («Риск 1» … «Риск 10» или названия факторов)"
        }
        return nil
    }
}
