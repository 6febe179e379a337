import Foundation
import NastavnikApp
import NastavnikStore

/// A directory of its own and a real SQLite file in it, for a test of the use cases.
final class AppSandbox {
    let url: URL
    let app: NastavnikApp

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nastavnik-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        app = NastavnikApp(
            database: try NastavnikDatabase(path: url.appendingPathComponent("db.sqlite").path, access: .write))
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var databasePath: String { url.appendingPathComponent("db.sqlite").path }

    /// Writes `text` to a file of the sandbox and returns its path.
    func write(_ name: String, _ text: String) -> String {
        let path = url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// The repository's Seeds directory.
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds").path
}
