import GRDB

/// The database, not a row, failed (disk full, I/O error, damaged file), or SQLite rolled the
/// import's transaction back by itself: nothing of the import is written, and no further row
/// may be — after a rollback every later row would commit on its own, and after a full disk
/// every later row fails the same way.
public struct TransactionAborted: Error, Sendable, Equatable {
    /// Russian words for the user, with SQLite's own in brackets.
    public let message: String
    /// The file's line being written when it happened, when known.
    public var line: Int?

    public init(message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    /// The abort `error` means, or `nil` when the database refused only the row (a constraint).
    /// `transactionLost`: the connection was in a transaction before the call and is not now.
    public init?(_ error: DatabaseError, transactionLost: Bool) {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: message = "на диске нет места или база данных достигла предельного размера (\(detail))"
        case .SQLITE_IOERR: message = "ошибка чтения или записи файла базы данных (\(detail))"
        case .SQLITE_NOMEM: message = "не хватило памяти (\(detail))"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: message = "файл базы данных повреждён (\(detail))"
        case .SQLITE_READONLY: message = "база данных открыта только для чтения (\(detail))"
        default:
            guard transactionLost else { return nil }
            message = "база данных отменила транзакцию (\(detail))"
        }
        line = nil
    }
}
