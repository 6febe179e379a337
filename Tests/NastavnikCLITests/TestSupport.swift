import Foundation
import NastavnikTestSupport
import Testing

@testable import NastavnikCLI

/// Runs a command line with a capturing console.
func run(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
    let console = Console(capturing: true)
    let status = await Console.$current.withValue(console) { await NastavnikCommand.runMain(arguments) }
    return (status, console.output, console.errors)
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let seedsPath = repositoryRoot.appendingPathComponent("Seeds").path

/// The command tests' temporary directory, with the database file most of them use.
typealias CLISandbox = ScratchDirectory

extension CLISandbox {
    /// The database file most command tests use.
    var db: String { path("db.sqlite") }
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// A command's JSON output read as an array of objects, required to be one.
func jsonArray(_ text: String) throws -> [[String: Any]] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

enum LocalDateText {
    static func tomorrow() -> String {
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy"
        return f.string(from: Date().addingTimeInterval(2 * 86_400))
    }
}

extension CLISandbox {
    /// A new sandbox whose database holds `files`: each (kind, CSV text) imported, with
    /// `arguments`, from a file named after the kind, every import required to succeed. The
    /// fixture of most command tests.
    convenience init(importing files: [(String, String)], _ arguments: [String] = []) async throws {
        try self.init(prefix: "nastavnik-cli")
        for (kind, text) in files {
            let result = await run(["import", kind, write("\(kind).csv", text), "--db", db] + arguments)
            try #require(result.status == 0, "\(kind): \(result.err)")
        }
    }
}

/// A suite whose tests share one sandbox and its database file, which the suite's fixture filled.
protocol DatabaseSuite {
    var sandbox: CLISandbox { get }
}

extension DatabaseSuite {
    var db: String { sandbox.db }

    /// Runs a command on the suite's database and reads its JSON array, expecting success.
    func json(_ arguments: [String]) async throws -> [[String: Any]] {
        let result = await run(arguments + ["--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        return try jsonArray(result.out)
    }
}
