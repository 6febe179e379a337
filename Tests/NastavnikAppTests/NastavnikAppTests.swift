import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@Suite struct NastavnikAppTests {
    @Test func opensOverAFreshDatabase() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try NastavnikDatabase(path: dir.appendingPathComponent("t.sqlite").path, access: .write)
        let app = NastavnikApp(database: db)
        #expect(try app.database.settings().number(Settings.trainingMinimumHours) == 16)
    }
}
