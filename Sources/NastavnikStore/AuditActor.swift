import Foundation

/// Who is changing the database, recorded with every change in the audit log.
public struct AuditActor: Sendable, Equatable {
    /// The person: `--by NAME`, else the operating-system user.
    public var name: String
    /// The command line that made the change, for the reader of the log.
    public var command: String?

    public init(name: String, command: String? = nil) {
        self.name = name
        self.command = command
    }

    /// The operating-system user, as the log names someone who gave no `--by`.
    public static func systemUser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let user = environment["USER"], !user.isEmpty { return user }
        if let user = environment["LOGNAME"], !user.isEmpty { return user }
        return NSUserName()
    }
}
