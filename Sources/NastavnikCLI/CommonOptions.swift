import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `--db PATH` (else `$NASTAVNIK_DB`, else `./nastavnik.sqlite`) and `--pseudonymize`.
struct DatabaseLocation: ParsableArguments {
    @Option(name: .long, help: "Файл базы данных (по умолчанию $NASTAVNIK_DB или ./nastavnik.sqlite).")
    var db: String?

    @Flag(
        name: .long,
        help:
            "Заменить ФИО (и ответственных в дорожных картах), e-mail и телефоны устойчивыми псевдонимами, дату рождения — возрастной группой, скрыть адреса (для передачи отчётов без персональных данных)."
    )
    var pseudonymize = false

    var path: String { NastavnikDatabase.resolvePath(option: db) }

    /// Opens the database; changes are logged as `actor`'s (by default the system user's).
    /// With `.read` (every command but those that load data) a missing file is an error naming
    /// the path and how to create it; only `.write` (import, demo, settings set) creates one.
    func open(
        actor: AuditActor = AuditActor(name: AuditActor.systemUser(), command: Invocation.current),
        access: NastavnikDatabase.Access = .read
    ) throws -> NastavnikDatabase {
        do {
            return try NastavnikDatabase(path: path, pseudonymize: pseudonymize, actor: actor, access: access)
        } catch let error as StoreError {
            throw UserError(error.errorDescription ?? "\(error)")
        } catch {
            throw UserError(
                "Не удалось открыть базу данных «\(path)». \(NastavnikCommand.russianDescription(of: error))")
        }
    }
}

/// The database options of every command: where the database is, and `--by NAME`, who makes
/// the change. (`training order`, which changes nothing and groups with `--group-by`, takes
/// `DatabaseLocation` alone.)
struct DatabaseOptions: ParsableArguments {
    @OptionGroup var location: DatabaseLocation

    @Option(name: .long, help: "Кто вносит изменения (для журнала аудита); по умолчанию пользователь ОС.")
    var by: String?

    var path: String { location.path }

    /// Who the audit log and the import log name.
    var actorName: String {
        if let by, !by.trimmingCharacters(in: .whitespaces).isEmpty { return by.trimmingCharacters(in: .whitespaces) }
        return AuditActor.systemUser()
    }

    /// The audit log's actor for this command.
    var actor: AuditActor { AuditActor(name: actorName, command: Invocation.current) }

    /// Opens the database: `.read` needs an existing file, `.write` creates it when missing.
    func open(_ access: NastavnikDatabase.Access = .read) throws -> NastavnikDatabase {
        try location.open(actor: actor, access: access)
    }
}

/// `--as-of ДД.ММ.ГГГГ`: the date a command's figures are for, today by default.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
    var asOf: LocalDate?

    /// The date asked for, or today.
    var date: LocalDate { asOf ?? .today() }
}

/// `--school CODE`: only one school's rows.
struct SchoolFilter: ParsableArguments {
    @Option(name: .long, help: "Только школа с этим кодом.")
    var school: String?
}

/// The command line being run, as the audit log records it.
enum Invocation {
    @TaskLocal static var current: String?
}

extension CSVRenderer.Encoding: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "cp1251", "windows-1251", "1251": self = .cp1251
        default: return nil
        }
    }
}

enum Output {
    /// Writes bytes to a file created with mode 0600 (reports hold personal data), or to stdout.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        try stream(to: path) { sink in try sink(bytes) }
    }

    /// Hands `body` a sink for chunks of bytes, going to stdout or to a file created with mode
    /// 0600: a list of a million rows is written as it is rendered.
    static func stream(to path: String?, _ body: (_ sink: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            let console = Console.current
            try body { console.outBytes($0) }
            return
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw UserError("Не удалось записать файл «\(path)».")
        }
        defer { try? handle.close() }
        try body { try handle.write(contentsOf: $0) }
        Console.current.err("Записано: \(path)\n")
    }
}

/// An error the user can act on; printed in Russian without a stack of details.
struct UserError: Error, LocalizedError, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
    var description: String { message }
}

/// `--years 2022-2024` (or one year) as a range of years.
func yearRange(_ text: String?) throws -> ClosedRange<Int>? {
    guard let text else { return nil }
    guard let period = PeriodText.parse(text) else {
        throw UserError("Годы «\(text)» не распознаны: укажите, например, 2022-2024.")
    }
    return period.start.year...period.end.year
}

extension Result where Failure == StoreError {
    /// The value, or the store's Russian message as the user's error.
    func orUserError() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw UserError(error.errorDescription ?? "\(error)")
        }
    }
}
