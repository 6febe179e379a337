import Foundation
import GRDB
import NastavnikApp
import NastavnikCore
import NastavnikStore
import NastavnikTestSupport

/// Municipal databases for the region's tests: copies of one demonstration municipality loaded
/// once per test process, and small hand-made ones.
final class RegionFixture: @unchecked Sendable {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nastavnik-region-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static let asOf = LocalDate(year: 2025, month: 11, day: 20)!

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds").path

    /// The demonstration municipality, loaded once; each test gets a copy.
    static let demoTemplate = DemoTemplate()

    actor DemoTemplate {
        private var path: String?

        func file() async throws -> String {
            if let path { return path }
            let made = FileManager.default.temporaryDirectory.appendingPathComponent(
                "nastavnik-region-demo-\(UUID().uuidString).sqlite"
            ).path
            let app = NastavnikApp(database: try NastavnikDatabase(path: made, access: .write))
            guard case .loaded = try await app.loadDemo(seeds: RegionFixture.seeds, asOf: RegionFixture.asOf) else {
                throw AppError("the demo did not load")
            }
            let copy = made + ".copy"
            try await app.backup(to: copy)
            path = copy
            return copy
        }
    }

    /// A copy of the demo with the identity `oktmo`, `name`.
    func demo(_ name: String = "demo", oktmo: String = "81615000", title: String = "Демонстрационный район")
        async throws -> NastavnikApp
    {
        let path = directory.appendingPathComponent("\(name).sqlite").path
        try FileManager.default.copyItem(atPath: try await Self.demoTemplate.file(), toPath: path)
        let app = NastavnikApp(database: try NastavnikDatabase(path: path, access: .write))
        _ = try await app.setMunicipality(oktmo: oktmo, name: title, correctName: false)
        return app
    }

    /// An empty municipal database with an identity.
    func empty(_ name: String, oktmo: String, title: String) async throws -> NastavnikApp {
        let path = directory.appendingPathComponent("\(name).sqlite").path
        let app = NastavnikApp(database: try NastavnikDatabase(path: path, access: .write))
        _ = try await app.setMunicipality(oktmo: oktmo, name: title, correctName: false)
        return app
    }

    /// Writes a UTF-8 file of the fixture and returns its path.
    func write(_ name: String, _ text: String) -> String {
        let path = directory.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Runs SQL on a municipal file directly (as another program would), for the tests' changes.
    static func sqlite(_ app: NastavnikApp, _ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: app.database.path!)
        try queue.write(body)
        try queue.close()
    }
}
