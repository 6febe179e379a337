import ArgumentParser
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
    /// `auditTiming`: when the audit triggers are installed (`NastavnikDatabase.AuditTiming`).
    func open(
        actor: AuditActor = AuditActor(name: AuditActor.systemUser(), command: Invocation.current),
        access: NastavnikDatabase.Access = .read, auditTiming: NastavnikDatabase.AuditTiming = .atOpen
    ) throws -> NastavnikDatabase {
        do {
            return try NastavnikDatabase(
                path: path, pseudonymize: pseudonymize, actor: actor, access: access, auditTiming: auditTiming)
        } catch let error as StoreError {
            throw UserError(error.errorDescription ?? "\(error)")
        } catch {
            throw UserError(
                "Не удалось открыть базу данных «\(path)». \(NastavnikCommand.russianDescription(of: error))")
        }
    }
}
