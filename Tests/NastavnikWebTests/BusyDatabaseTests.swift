import Foundation
import NastavnikCore
import Testing

@testable import NastavnikWeb

/// An import from the command line holds the write lock: pages that only read still open, and
/// one that must write says in Russian that the database is busy, instead of hanging.
@Suite struct BusyDatabaseTests {
    @Test func pagesReadWhileAnotherProgramWritesAndAWriteSaysTheDatabaseIsBusy() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            try await sandbox.whileAnotherProgramWrites {
                let list = try await client.request("/schools")
                #expect(list.status == .ok)
                #expect(list.body.contains("SV010"))
                // Logging in writes a session: refused after the busy timeout with a page saying why.
                client.clearCookies()
                let login = try await client.logIn(.viewer)
                #expect(login.status == .serviceUnavailable)
                #expect(login.body.contains("База данных занята"))
                #expect(login.headers[.retryAfter] == "60")
            }
            #expect(try await client.logIn(.viewer).status == .seeOther)
        }
    }
}
