import NastavnikCore

/// Resolves a header row against a kind's columns.
enum HeaderMapping {
    static func resolve(header: CSVRecord, kind: ImportKind) -> (
        ColumnMap, (warnings: [ImportIssue], errors: [ImportIssue])
    ) {
        let index = kind.headerIndex
        var found: [String: (indices: [Int], headers: [String])] = [:]
        var warnings: [ImportIssue] = []
        var errors: [ImportIssue] = []
        var width = 0
        for (i, raw) in header.fields.enumerated() {
            let written = CellValue.trimmed(raw)
            if written.isEmpty { continue }
            width = i + 1
            let normalized = ImportKind.normalizeHeader(written)
            if let key = index[normalized] {
                found[key, default: ([], [])].indices.append(i)
                found[key]!.headers.append(written)
            } else {
                warnings.append(
                    ImportIssue(
                        line: header.line, column: written,
                        message: "неизвестный столбец для вида «\(kind.rawValue)», пропущен"))
            }
        }
        for column in kind.columns where column.required && found[column.key] == nil {
            if kind.refersToStaff && (column.key == "full_name" || column.key == "school_code") { continue }
            errors.append(
                ImportIssue(
                    line: header.line, column: column.russianHeader,
                    message:
                        "нет обязательного столбца (допустимые заголовки: \(column.headers.joined(separator: ", ")))"))
        }
        if kind.refersToStaff && found["staff_id"] == nil && (found["full_name"] == nil || found["school_code"] == nil)
        {
            errors.append(
                ImportIssue(
                    line: header.line, column: nil,
                    message: "работник не указан: нужен столбец «Табельный номер» или столбцы «ФИО» и «Код ОО»"))
        }
        if kind == .risks, let problem = RiskColumns.layoutProblem(keys: Set(found.keys)) {
            errors.append(ImportIssue(line: header.line, column: nil, message: problem))
        }
        var slots: [String: FieldSlot] = [:]
        for (key, value) in found { slots[key] = FieldSlot(indices: value.indices, headers: value.headers) }
        return (ColumnMap(slots: slots, width: width), (warnings, errors))
    }
}
