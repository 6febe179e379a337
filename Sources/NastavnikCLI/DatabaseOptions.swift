import ArgumentParser
import Foundation
import NastavnikStore

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

    /// Opens the database: `.read` needs an existing file, `.write` creates it when missing;
    /// `auditTiming`: when the audit triggers are installed (`NastavnikDatabase.AuditTiming`).
    func open(
        _ access: NastavnikDatabase.Access = .read, auditTiming: NastavnikDatabase.AuditTiming = .atOpen
    ) throws -> NastavnikDatabase {
        try location.open(actor: actor, access: access, auditTiming: auditTiming)
    }
}
