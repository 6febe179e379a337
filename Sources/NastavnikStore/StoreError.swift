import Foundation

/// Errors of the store, with Russian messages for the user.
public enum StoreError: Error, LocalizedError, Equatable {
    case cannotCreate(path: String, reason: String)
    case missingDatabase(path: String)
    case notFound(what: String, key: String)
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreate(let path, let reason): "Не удалось создать базу данных «\(path)»: \(reason)"
        case .missingDatabase(let path):
            "Базы данных «\(path)» нет. Проверьте путь (--db или NASTAVNIK_DB) или создайте базу: загрузите данные "
                + "(nastavnik import schools ФАЙЛ --db \(path)) или соберите пример (nastavnik demo --db \(path))."
        case .notFound(let what, let key): "Не найдено в базе данных: \(what) «\(key)»."
        case .invalid(let message): message
        }
    }
}
