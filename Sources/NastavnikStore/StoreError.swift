import Foundation
import GRDB

/// Errors of the store, with Russian messages for the user.
public enum StoreError: Error, LocalizedError, Equatable {
    case cannotCreate(path: String, reason: String)
    case missingDatabase(path: String)
    case notFound(what: String, key: String)
    case invalid(String)
    /// Another connection (an import from the command line) holds the write lock beyond the busy timeout.
    case busy

    public var errorDescription: String? {
        switch self {
        case .cannotCreate(let path, let reason): "Не удалось создать базу данных «\(path)»: \(reason)"
        case .missingDatabase(let path):
            "Базы данных «\(path)» нет. Проверьте путь (--db или NASTAVNIK_DB) или создайте базу: загрузите данные "
                + "(nastavnik import schools ФАЙЛ --db \(path)) или соберите пример (nastavnik demo --db \(path))."
        case .notFound(let what, let key): "Не найдено в базе данных: \(what) «\(key)»."
        case .invalid(let message): message
        case .busy:
            "База данных занята другой операцией (например, загрузкой данных). Повторите через минуту: "
                + "ничего не изменено."
        }
    }
}

extension StoreError {
    /// Whether `error` is SQLite's «database is busy» (another writer beyond the busy timeout).
    public static func isBusy(_ error: Error) -> Bool {
        if let error = error as? StoreError { return error == .busy }
        if let error = error as? DatabaseError { return [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) }
        return false
    }
}
