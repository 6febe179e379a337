import NastavnikCore
import NastavnikStore

/// What an anti-risk programme file says of the programme itself beyond its measures (issue 21):
/// its risk factor, goal and school, from the columns «Фактор риска», «Цель программы» and «Код
/// ОО», each the same on every row that fills it. A roadmap file with a factor is a programme.
struct ProgrammeColumns {
    private(set) var factor: (value: RiskFactor, line: Int, text: String)?
    private(set) var goal: String?
    private(set) var schoolCode: (code: String, line: Int)?

    /// Reads a row's programme cells: an unknown factor, or a factor, goal or school other than
    /// an earlier row's, is the row's error naming the column and the value.
    mutating func read(_ row: inout RowReader, map: ColumnMap) {
        if let text = row.raw(map["risk_factor"]) {
            if let factor = Self.factor(text) {
                if let first = self.factor, first.value != factor {
                    row.error(
                        map["risk_factor"],
                        "в строке \(first.line) фактор риска «\(first.text)», а здесь другой (\(text)): в программе один фактор"
                    )
                } else if self.factor == nil {
                    self.factor = (factor, row.line, text)
                }
            } else {
                row.error(map["risk_factor"], RiskFactor.unknown(text))
            }
        }
        if let text = row.raw(map["goal"]) {
            if let goal, CellValue.fold(goal) != CellValue.fold(text) {
                row.error(map["goal"], "цель программы отличается от указанной выше («\(goal)»): в программе одна цель")
            } else if goal == nil {
                goal = text
            }
        }
        if let code = row.raw(map["school_code"]) {
            if let first = schoolCode, first.code != code {
                row.error(
                    map["school_code"],
                    "в строке \(first.line) код ОО «\(first.code)», а здесь другой (\(code)): программа одной школы")
            } else if schoolCode == nil {
                schoolCode = (code, row.line)
            }
        }
    }

    /// The factor a cell names: as `RiskFactor(userValue:)` reads it, or its number and its name
    /// as `programmes draft` writes them («3. Недостаточная … компетентность …»).
    static func factor(_ text: String) -> RiskFactor? {
        if let factor = RiskFactor(userValue: text) { return factor }
        guard let dot = text.firstIndex(of: "."), let factor = RiskFactor(userValue: String(text[..<dot])) else {
            return nil
        }
        let name = text[text.index(after: dot)...]
        return CellValue.fold(String(name)) == CellValue.fold(factor.russian) ? factor : nil
    }

    /// The programme the file and the options describe, or nil for a roadmap that is none;
    /// throws when the options and the file disagree or the school is missing.
    func resolve(_ options: RoadmapOptions) throws -> (factor: RiskFactor, schoolCode: String, goal: String?)? {
        guard let factor = options.factor ?? self.factor?.value else {
            if options.isProgramme {
                throw DatabaseRowError(
                    message: "не указан фактор риска программы: задайте --factor или заполните столбец «Фактор риска»")
            }
            return nil
        }
        if let given = options.factor, let file = self.factor, file.value != given {
            throw DatabaseRowError(
                message:
                    "в файле (строка \(file.line)) фактор риска «\(file.text)», а в параметре --factor — \(given.rawValue) «\(given.russian)»"
            )
        }
        guard let code = options.schoolCode ?? schoolCode?.code else {
            throw DatabaseRowError(
                message:
                    "антирисковая программа относится к одной школе: задайте --school или заполните столбец «Код ОО»")
        }
        if let given = options.schoolCode, let file = schoolCode, file.code != given {
            throw DatabaseRowError(
                message: "в файле (строка \(file.line)) код ОО «\(file.code)», а в параметре --school — «\(given)»")
        }
        return (factor, code, options.goal ?? goal)
    }
}
