import NastavnikCore
import NastavnikStore

/// The application's use cases, one async function each, called alike by the command line and
/// the web front end. A use case fetches its inputs from the store, lets a Core planner or rule
/// decide, and saves or renders the outcome; a front end only parses, calls one function and
/// shows the result.
public struct NastavnikApp: Sendable {
    /// The database every use case reads and writes.
    public let database: NastavnikDatabase

    /// A facade over an open database.
    public init(database: NastavnikDatabase) {
        self.database = database
    }

    /// The same use cases over the same database, each change recorded in the audit log as
    /// `actor`'s (the web server acts for each logged-in user in turn).
    public func acting(as actor: AuditActor) -> NastavnikApp { NastavnikApp(database: database.acting(as: actor)) }
}
