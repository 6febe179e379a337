import GRDB

extension DatabaseError {
    /// The error as a Russian sentence a department can act on: what happened, in its words, and
    /// SQLite's own message in parentheses for whoever maintains the file.
    public var russianDescription: String {
        let detail = message.map { "; сообщение SQLite: «\($0)»" } ?? ""
        return "Ошибка базы данных: \(russianWhat) (код SQLite \(extendedResultCode.rawValue)\(detail))."
    }

    /// What happened, by SQLite's primary result code (a broken constraint by its extended code).
    private var russianWhat: String {
        let byCode: [([ResultCode], String)]
        if resultCode == .SQLITE_CONSTRAINT {
            byCode = [
                ([.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY], "такая запись уже есть в базе данных"),
                (
                    [.SQLITE_CONSTRAINT_FOREIGNKEY],
                    "запись ссылается на отсутствующую или используется другими записями"
                ),
                ([.SQLITE_CONSTRAINT_NOTNULL], "не заполнено обязательное поле"),
                ([.SQLITE_CONSTRAINT_CHECK], "значение не проходит проверку допустимости"),
            ]
            return byCode.first { $0.0.contains(extendedResultCode) }?.1
                ?? "изменение нарушает правила целостности базы данных"
        }
        byCode = [
            (
                [.SQLITE_BUSY, .SQLITE_LOCKED],
                "база данных занята другой программой или другим пользователем; повторите команду позже"
            ),
            ([.SQLITE_READONLY], "база данных открыта только для чтения: нет прав на запись в файл или в его каталог"),
            ([.SQLITE_CANTOPEN], "не удалось открыть файл базы данных: проверьте путь и права доступа"),
            ([.SQLITE_CORRUPT], "файл базы данных повреждён; восстановите его из резервной копии (nastavnik restore)"),
            ([.SQLITE_NOTADB], "файл не является базой данных SQLite"),
            ([.SQLITE_FULL], "на диске не осталось места для базы данных"),
            ([.SQLITE_IOERR], "ошибка чтения или записи файла базы данных"),
            ([.SQLITE_PERM, .SQLITE_AUTH], "нет прав на эту операцию с базой данных"),
            ([.SQLITE_TOOBIG], "значение слишком велико для базы данных"),
            (
                [.SQLITE_SCHEMA, .SQLITE_MISMATCH, .SQLITE_ERROR],
                "база данных не приняла запрос (возможно, файл от другой версии программы; проверьте его командой nastavnik doctor)"
            ),
        ]
        return byCode.first { $0.0.contains(resultCode) }?.1 ?? "база данных вернула ошибку"
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
