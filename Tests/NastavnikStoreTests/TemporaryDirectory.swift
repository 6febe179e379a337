import Foundation
import NastavnikStore

/// A new directory under the system's temporary one, for one test's files.
func temporaryDirectory(_ prefix: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// A new database in its own temporary directory, its writes audited under «Иванова».
func auditedDatabase(_ prefix: String) throws -> NastavnikDatabase {
    try NastavnikDatabase(
        path: try temporaryDirectory(prefix).appendingPathComponent("n.sqlite").path,
        actor: AuditActor(name: "Иванова"))
}
