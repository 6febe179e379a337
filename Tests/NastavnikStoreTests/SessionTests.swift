import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikStore

/// Web sessions: kept by the hash of their token, surviving a reopening of the file, expiring
/// after 8 idle hours, ended by logout and by disabling the account. They use the accounts'
/// fixture: a session needs an account, and the two share a file and a clock.
extension AccountTests {
    @Test func aSessionSurvivesReopeningAndIsKeptByItsHash() throws {
        let account = try open().addUser(
            login: "a", fullName: "А А.А.", role: .viewer, schoolCode: nil, password: "пароль")
        let token = try open().startSession(userID: account.id, now: start)
        #expect(token.count == 64)
        let db = try open()
        let stored = try db.reader.read { try String.fetchAll($0, sql: "SELECT id FROM web_session") }
        #expect(stored == [HexDigest.sha256(Array(token.utf8))])
        #expect(!stored.contains(token))
        #expect(try db.sessionUser(token: token, now: start.addingTimeInterval(60))?.login == "a")
        #expect(try db.sessionUser(token: String(repeating: "0", count: 64), now: start) == nil)
        // Sessions are not in the audit log.
        #expect(try db.auditEntries().allSatisfy { $0.table != "web_session" })
    }

    @Test func eightIdleHoursEndASessionAndEachRequestStartsThemAgain() throws {
        let db = try open()
        let account = try db.addUser(login: "a", fullName: "А", role: .viewer, schoolCode: nil, password: "пароль")
        let token = try db.startSession(userID: account.id, now: start)
        let hour: TimeInterval = 3600
        #expect(try db.sessionUser(token: token, now: start.addingTimeInterval(7 * hour)) != nil)
        // The request at 7 h moved the end to 15 h.
        #expect(try db.sessionUser(token: token, now: start.addingTimeInterval(14 * hour)) != nil)
        #expect(try db.sessionUser(token: token, now: start.addingTimeInterval(22 * hour + 1)) == nil)
        #expect(try db.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM web_session") } == 0)
    }

    @Test func logoutExpiryAndDisablingEndSessions() throws {
        let db = try open()
        let a = try db.addUser(login: "a", fullName: "А", role: .viewer, schoolCode: nil, password: "пароль")
        let b = try db.addUser(login: "b", fullName: "Б", role: .admin, schoolCode: nil, password: "пароль")
        let first = try db.startSession(userID: a.id, now: start)
        let second = try db.startSession(userID: a.id, now: start)
        let third = try db.startSession(userID: b.id, now: start)
        try db.endSession(token: first)
        #expect(try db.sessionUser(token: first, now: start) == nil)
        #expect(try db.sessionUser(token: second, now: start) != nil)
        try db.disableUser(login: "a")
        #expect(try db.sessionUser(token: second, now: start) == nil)
        #expect(try db.endExpiredSessions(now: start.addingTimeInterval(9 * 3600)) == 1)
        #expect(try db.sessionUser(token: third, now: start.addingTimeInterval(9 * 3600)) == nil)
    }
}
