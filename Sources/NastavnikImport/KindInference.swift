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
            guard requiredMet, kind != .risks || RiskColumns.layoutProblem(keys: keys) == nil else { continue }
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
