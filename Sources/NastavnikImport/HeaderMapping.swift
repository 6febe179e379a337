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
        var slots: [String: FieldSlot] = [:]
        for (key, value) in found { slots[key] = FieldSlot(indices: value.indices, headers: value.headers) }
        return (ColumnMap(slots: slots, width: width), (warnings, errors))
    }
}

/// Tells a file's kind from its headers: the kind whose required columns are all present and
/// which recognises the most headers.
public enum KindInference {
    public static func infer(headers: [String]) -> Result<ImportKind, InferenceError> {
        let normalized = headers.map(ImportKind.normalizeHeader).filter { !$0.isEmpty }
        var best: [(ImportKind, Int)] = []
        for kind in ImportKind.allCases {
            let index = kind.headerIndex
            let keys = Set(normalized.compactMap { index[$0] })
            let requiredMet = kind.columns.filter(\.required).allSatisfy { column in
                if kind.refersToStaff && (column.key == "full_name" || column.key == "school_code") {
                    return keys.contains("staff_id") || (keys.contains("full_name") && keys.contains("school_code"))
                }
                return keys.contains(column.key)
            }
            guard requiredMet else { continue }
            // Unknown headers count against a kind: the right kind explains the file best.
            let score = keys.count * 2 - normalized.filter { index[$0] == nil }.count
            best.append((kind, score))
        }
        best.sort { $0.1 > $1.1 }
        guard let top = best.first else {
            return .failure(
                InferenceError(
                    "не удалось определить вид файла по заголовкам; укажите его: nastavnik import ВИД ФАЙЛ (виды: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")))"
                ))
        }
        if best.count > 1, best[1].1 == top.1 {
            let names = best.filter { $0.1 == top.1 }.map(\.0.rawValue).joined(separator: ", ")
            return .failure(
                InferenceError(
                    "по заголовкам файл подходит к нескольким видам (\(names)); укажите вид явно: nastavnik import ВИД ФАЙЛ"
                ))
        }
        return .success(top.0)
    }

    public struct InferenceError: Error, Equatable {
        public let message: String
        init(_ message: String) { self.message = message }
    }
}
