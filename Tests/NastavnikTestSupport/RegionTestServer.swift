import Foundation
import NastavnikRegion

/// The real PostgreSQL server the region's tests use: `$NASTAVNIK_TEST_REGION_URL`, which
/// `Scripts/test` (the README's test command) sets to a throw-away cluster it starts, and `.ci/run`
/// to one it starts. Each test gets a database of its own.
public enum RegionTestServer {
    /// The server's administrator address, or why there is none.
    public static let admin: Result<RegionURL, RegionError> = {
        guard let text = ProcessInfo.processInfo.environment["NASTAVNIK_TEST_REGION_URL"], !text.isEmpty else {
            return .failure(
                RegionError(
                    "Тестам региона нужен сервер PostgreSQL: запустите тесты командой Scripts/test (она поднимает "
                        + "временный кластер; нужен пакет postgresql) или задайте NASTAVNIK_TEST_REGION_URL."))
        }
        return Result { try RegionURL(parsing: text) }.mapError { $0 as? RegionError ?? RegionError("\($0)") }
    }()

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/pg-cluster").path

    /// The `nastavnik` binary the build made beside the tests.
    public static func binary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: script).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ].compactMap { $0 }.map { $0.appendingPathComponent("nastavnik") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw RegionError("Не найдена собранная программа nastavnik рядом с тестами.")
        }
        return found
    }

    /// A new empty database on the server, for one test.
    public static func freshDatabase() async throws -> RegionURL {
        let admin = try admin.get()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
        try await RegionDatabase(url: admin).execute("CREATE DATABASE \(name)")
        var url = admin
        url.database = String(name)
        return url
    }

    /// A new database with the regional schema.
    public static func initializedDatabase() async throws -> RegionURL {
        let url = try await freshDatabase()
        _ = try await RegionDatabase(url: url).initialize()
        return url
    }

    /// Runs one statement.
    public static func execute(_ url: RegionURL, _ sql: String) async throws {
        try await RegionDatabase(url: url).execute(sql)
    }

    /// The rows of a query whose columns are all text (cast them: `count(*)::text`).
    public static func texts(_ url: RegionURL, _ sql: String) async throws -> [[String?]] {
        try await RegionDatabase(url: url).texts(sql)
    }

    /// One number a query returns.
    public static func count(_ url: RegionURL, _ sql: String) async throws -> Int {
        Int(try await texts(url, sql).first?.first??.description ?? "") ?? -1
    }
}
