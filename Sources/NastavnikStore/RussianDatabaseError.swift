import GRDB

extension DatabaseError {
    /// The error as a Russian sentence a department can act on: what happened, in its words, and
    /// SQLite's own message in parentheses for whoever maintains the file.
    public var russianDescription: String {
        let what: String
        switch resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            what = "база данных занята другой программой или другим пользователем; повторите команду позже"
        case .SQLITE_READONLY:
            what = "база данных открыта только для чтения: нет прав на запись в файл или в его каталог"
        case .SQLITE_CANTOPEN:
            what = "не удалось открыть файл базы данных: проверьте путь и права доступа"
        case .SQLITE_CORRUPT:
            what = "файл базы данных повреждён; восстановите его из резервной копии (nastavnik restore)"
        case .SQLITE_NOTADB:
            what = "файл не является базой данных SQLite"
        case .SQLITE_FULL:
            what = "на диске не осталось места для базы данных"
        case .SQLITE_IOERR:
            what = "ошибка чтения или записи файла базы данных"
        case .SQLITE_PERM, .SQLITE_AUTH:
            what = "нет прав на эту операцию с базой данных"
        case .SQLITE_CONSTRAINT:
            switch extendedResultCode {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
                what = "такая запись уже есть в базе данных"
            case .SQLITE_CONSTRAINT_FOREIGNKEY:
                what = "запись ссылается на отсутствующую или используется другими записями"
            case .SQLITE_CONSTRAINT_NOTNULL:
                what = "не заполнено обязательное поле"
            case .SQLITE_CONSTRAINT_CHECK:
                what = "значение не проходит проверку допустимости"
            default:
                what = "изменение нарушает правила целостности базы данных"
            }
        case .SQLITE_TOOBIG:
            what = "значение слишком велико для базы данных"
        case .SQLITE_SCHEMA, .SQLITE_MISMATCH, .SQLITE_ERROR:
            what = "база данных не приняла запрос (возможно, файл от другой версии программы; проверьте его командой nastavnik doctor)"
        default:
            what = "база данных вернула ошибку"
        }
        let detail = message.map { "; сообщение SQLite: «\($0)»" } ?? ""
        return "Ошибка базы данных: \(what) (код SQLite \(extendedResultCode.rawValue)\(detail))."
    }
}

/// A Russian sentence for an error of the store, of SQLite or of the file system, as the user
/// sees it; `nil` for an error this module does not know.
public func russianStoreErrorDescription(_ error: Error) -> String? {
    switch error {
    case let error as StoreError: return error.errorDescription
    case let error as DatabaseError: return error.russianDescription
    default: return nil
    }
}
