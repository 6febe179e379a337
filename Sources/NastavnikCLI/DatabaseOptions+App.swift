import NastavnikApp
import NastavnikStore

extension DatabaseOptions {
    /// The use cases over the database these options name (`open(_:auditTiming:)`).
    func app(
        _ access: NastavnikDatabase.Access = .read, auditTiming: NastavnikDatabase.AuditTiming = .atOpen
    ) throws -> NastavnikApp {
        NastavnikApp(database: try open(access, auditTiming: auditTiming))
    }
}

extension DatabaseLocation {
    /// The use cases over the database this location names, for a command that changes nothing.
    func app() throws -> NastavnikApp { NastavnikApp(database: try open()) }
}
