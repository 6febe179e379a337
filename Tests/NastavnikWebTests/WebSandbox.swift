import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import NastavnikApp
import NastavnikCore
import NastavnikRegion
import NastavnikStore
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

/// A copy of the demo municipality with one account of every role, served by the web router.
/// The demo and the accounts (bcrypt at cost 12 is slow) are made once per test run; each
/// sandbox works on its own copy of the file.
final class WebSandbox: @unchecked Sendable {
    let directory: ScratchDirectory
    let path: String

    /// The password of every test account.
    static let password = "пароль-для-тестов"
    /// The school of the `school` account; `otherSchool` is another school of the demo.
    static let school = "SV010"
    /// A teacher of `school` (Абрамова Инна Фёдоровна) and one of another school (SV002).
    static let person = "SV-0482"
    static let otherPerson = "SV-0095"
    /// The date the demo is loaded as of.
    static let asOf = LocalDate(year: 2026, month: 11, day: 22)!

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds").path

    /// The logins of the test accounts, one per role.
    static func login(_ role: Role) -> String { "test-" + role.rawValue }

    private static let template = Task<String, Error> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nastavnik-web-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("demo.sqlite").path
        let database = try NastavnikDatabase(path: path)
        let app = NastavnikApp(database: database)
        _ = try await app.loadDemo(seeds: seeds, asOf: asOf)
        for role in [Role.admin, .specialist, .methodologist, .viewer, .school] {
            try await app.addUser(
                login: login(role), fullName: "Тестовый \(role.russian)", role: role,
                schoolCode: role == .school ? school : nil, password: password)
        }
        // A consistent single file (no WAL beside it) to copy for each sandbox.
        let copy = directory.appendingPathComponent("template.sqlite").path
        try database.backup(to: copy)
        return copy
    }

    /// A new copy of the demo with its accounts.
    init() async throws {
        directory = try ScratchDirectory(prefix: "nastavnik-web")
        path = directory.path("demo.sqlite")
        try FileManager.default.copyItem(atPath: try await Self.template.value, toPath: path)
    }

    /// The use cases over this copy (to change the data a test then reads through the pages).
    func app() throws -> NastavnikApp { NastavnikApp(database: try NastavnikDatabase(path: path)) }

    /// Runs `body` while another program holds this copy's write lock, as an import from the
    /// command line does (a write transaction kept open), and releases it afterwards.
    func whileAnotherProgramWrites<T>(_ body: () async throws -> T) async throws -> T {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try await other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let result: Result<T, Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        return try result.get()
    }

    /// Runs `body` with a client of this copy's router.
    /// - Parameter secure: the router as the server builds it under TLS.
    /// - Parameter importLimit: the largest upload, for a test of a too large file.
    /// - Parameter region: the region's database, as `serve --region` gives it.
    func test<T: Sendable>(
        secure: Bool = false, importLimit: Int? = nil, region: RegionURL? = nil,
        _ body: @Sendable (WebClient) async throws -> T
    ) async throws -> T {
        let router =
            if let importLimit {
                try await WebServer.router(databasePath: path, importLimit: importLimit)
            } else {
                try await WebServer.router(databasePath: path, secure: secure, region: region)
            }
        let application = Application(router: router)
        return try await application.test(.router) { client in try await body(WebClient(client)) }
    }
}
