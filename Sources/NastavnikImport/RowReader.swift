import NastavnikCore

/// One data row being validated. Accessors record an issue, naming the column and the value,
/// for every cell that does not read, and return `nil` for it; validation goes on, so every
/// problem of the row is reported.
struct RowReader {
    let record: CSVRecord
    var issues: [ImportIssue] = []

    init(record: CSVRecord) { self.record = record }

    var line: Int { record.line }

    /// The trimmed cell, or `nil` when the column is absent or the cell empty.
    func raw(_ slot: FieldSlot) -> String? {
        for index in slot.indices where index < record.fields.count {
            let value = record.fields[index]
            if value.isEmpty { continue }
            let trimmed = trim(value)
            if !trimmed.isEmpty { return trimmed }
        }
        return nil
    }

    private func trim(_ value: String) -> String { CellValue.excelText(CellValue.trimmed(value)) }

    /// A number that identifies (a personnel number, a certificate): Excel shows a long one as
    /// `7,72419E+11` and saves it so, its last digits lost; that is an error, not the number.
    mutating func identifier(_ slot: FieldSlot) -> String? {
        guard let value = raw(slot) else { return nil }
        if Plausibility.isExcelExponent(value) {
            error(
                slot,
                "число в экспоненциальной записи Excel, последние цифры потеряны; задайте столбцу формат «Текстовый» и введите номер заново (\(value))"
            )
            return nil
        }
        return value
    }

    /// Every non-empty cell of the slot, with the header each stands under.
    func values(_ slot: FieldSlot) -> [(header: String, value: String)] {
        zip(slot.indices, slot.headers).compactMap { index, header in
            guard index < record.fields.count else { return nil }
            let value = trim(record.fields[index])
            return value.isEmpty ? nil : (header, value)
        }
    }

    mutating func error(_ slot: FieldSlot?, _ message: String) {
        issues.append(
            ImportIssue(line: line, column: slot.flatMap { $0.header.isEmpty ? nil : $0.header }, message: message))
    }

    mutating func text(_ slot: FieldSlot, required: Bool = false) -> String? {
        let value = raw(slot)
        if value == nil, required { error(slot, "обязательное значение не заполнено") }
        return value
    }

    mutating func date(_ slot: FieldSlot, required: Bool = false) -> LocalDate? {
        guard let value = text(slot, required: required) else { return nil }
        if let date = LocalDate(parsing: value) { return date }
        if value.count == 4, let year = Int(value), (1900...2100).contains(year) {
            // A year alone (a birth year, a year of appointment): as an Excel serial it would be a
            // day of 1905, which no staff file means.
            error(slot, "указан только год; нужна полная дата ДД.ММ.ГГГГ (\(value))")
        } else if value.allSatisfy(\.isNumber), value.count <= 6 {
            error(slot, "число Excel вместо даты; сохраните столбец как дату ДД.ММ.ГГГГ (\(value))")
        } else if let range = value.range(of: #"\s*(г\.?|года)$"#, options: .regularExpression),
            LocalDate(parsing: String(value[..<range.lowerBound])) != nil
        {
            error(slot, "после даты лишнее «г.»; ожидается ДД.ММ.ГГГГ (\(value))")
        } else if let space = value.firstIndex(of: " "), LocalDate(parsing: String(value[..<space])) != nil {
            error(slot, "дата со временем; сохраните столбец в формате даты ДД.ММ.ГГГГ без времени (\(value))")
        } else if Self.hasTwoDigitYear(value) {
            error(slot, "год из двух цифр; укажите год полностью: ДД.ММ.ГГГГ (\(value))")
        } else {
            error(slot, "неверная дата; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (\(value))")
        }
        return nil
    }

    mutating func number(_ slot: FieldSlot, required: Bool = false, range: ClosedRange<Double>? = nil) -> Double? {
        parsed(slot, required: required, range: range, notA: "не число", parse: CellValue.number, format: Self.format)
    }

    mutating func integer(_ slot: FieldSlot, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        parsed(slot, required: required, range: range, notA: "не целое число", parse: CellValue.integer) { String($0) }
    }

    /// A count of people, 0 to a million and no more than `whole` (named in the error by
    /// `wholeName`, «числа участников») when it is known.
    mutating func count(_ slot: FieldSlot, atMost whole: Int?, of wholeName: String) -> Int? {
        guard let value = integer(slot, range: 0...1_000_000) else { return nil }
        if let whole, value > whole {
            error(slot, "больше \(wholeName) \(whole) (\(value))")
            return nil
        }
        return value
    }

    /// A field `parse` reads, within `range` when one is given; `notA` says what a field it
    /// cannot read fails to be, and `format` writes the range's ends in the error.
    private mutating func parsed<Value: Comparable>(
        _ slot: FieldSlot, required: Bool, range: ClosedRange<Value>?, notA: String, parse: (String) -> Value?,
        format: (Value) -> String
    ) -> Value? {
        guard let value = text(slot, required: required) else { return nil }
        guard let number = parse(value) else {
            error(slot, "\(notA) (\(value))")
            return nil
        }
        if let range, !range.contains(number) {
            error(
                slot,
                "значение вне допустимых пределов \(format(range.lowerBound))–\(format(range.upperBound)) (\(value))")
            return nil
        }
        return number
    }

    /// A СНИЛС, with or without separators, its check number verified (`SNILS.parse`).
    mutating func snils(_ slot: FieldSlot, required: Bool = false) -> SNILS? {
        guard let value = text(slot, required: required) else { return nil }
        switch SNILS.parse(value) {
        case .success(let number): return number
        case .failure(let problem):
            error(slot, "\(problem.russian) (\(value))")
            return nil
        }
    }

    mutating func boolean(_ slot: FieldSlot) -> Bool? {
        guard let value = text(slot) else { return nil }
        if let flag = CellValue.boolean(value) { return flag }
        error(slot, "ожидается «да» или «нет» (\(value))")
        return nil
    }

    func list(_ slot: FieldSlot) -> [String] {
        raw(slot).map(CellValue.list) ?? []
    }

    /// A count of positions (ставки), 0 to 10 000 to one decimal: «1,5» is a position and a half,
    /// as a school counts the hours of a vacancy no whole person fills.
    mutating func positions(_ slot: FieldSlot) -> Double? {
        guard let value = number(slot, range: 0...10_000) else { return nil }
        let tenths = value * 10
        if abs(tenths - tenths.rounded()) > 1e-6 {
            error(slot, "число ставок — не более одного знака после запятой, например 1,5 (\(raw(slot) ?? ""))")
            return nil
        }
        return tenths.rounded() / 10
    }

    /// A percentage share from 0 to 100: `12,5%` and `12,5` both read as 12.5.
    mutating func share(_ slot: FieldSlot) -> Double? {
        number(slot, range: 0...100)
    }

    /// `Д.М.ГГ` or `ДД.ММ.ГГ`: Excel's short date format.
    private static func hasTwoDigitYear(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[2].count == 2
            && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy { $0 >= "0" && $0 <= "9" } }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
