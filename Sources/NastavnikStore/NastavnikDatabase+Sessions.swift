import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// How long a web session lives without a request (issue 19: 8 idle hours).
    public static let sessionIdleLimit: TimeInterval = 8 * 3600

    /// Starts a session of the account `userID` at `now` and returns its token, 32 random bytes
    /// in hex, for the browser's cookie. The database keeps only the token's SHA-256, so a copy
    /// of the file opens no session.
    public func startSession(userID: Int64, now: Date, idle: TimeInterval = sessionIdleLimit) throws(StoreError)
        -> String
    {
        var generator = SystemRandomNumberGenerator()
        let token = HexDigest.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try typedWrite { db in
            // Sessions left to expire (pages only read them) are cleared when a new one starts.
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [Self.stamp(now)])
            try db.execute(
                sql: """
                    INSERT INTO web_session (id, user_id, created_at, last_seen_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Self.sessionID(token), userID, Self.stamp(now), Self.stamp(now),
                    Self.stamp(now.addingTimeInterval(idle)),
                ])
        }
        return token
    }

    /// How stale a session's last request may be before the next one writes it down again
    /// (`touchSession`): every page would otherwise be a write.
    public static let sessionTouchInterval: TimeInterval = 60

    /// The account of the live session whose token this is at `now`, and whether its idle time
    /// should be written down again (`touchSession`; at most once per `sessionTouchInterval`);
    /// `nil` when there is no such session, it has expired, or its account is disabled. Only
    /// reads, so a page is not kept waiting behind an import's transaction.
    public func sessionAccount(token: String, now: Date) throws(StoreError) -> (account: UserAccount, stale: Bool)? {
        do {
            return try reader.read { db -> (UserAccount, Bool)? in
                guard
                    let row = try Row.fetchOne(
                        db,
                        SQLRequest(
                            sql: """
                                SELECT u.login, s.last_seen_at, s.expires_at
                                FROM web_session s JOIN user u ON u.id = s.user_id
                                WHERE s.id = ? AND u.disabled = 0
                                """, arguments: [Self.sessionID(token)], cached: true)),
                    let expires = Self.date(row["expires_at"]), now < expires,
                    let account = try Self.account(db, login: row["login"])
                else { return nil }
                let lastSeen = Self.date(row["last_seen_at"]) ?? .distantPast
                return (account, now.timeIntervalSince(lastSeen) >= Self.sessionTouchInterval)
            }
        } catch {
            throw .invalid(russianStoreErrorDescription(error) ?? "\(error)")
        }
    }

    /// Starts a live session's idle time again at `now`: it expires `idle` after `now`.
    public func touchSession(token: String, now: Date, idle: TimeInterval = sessionIdleLimit) throws(StoreError) {
        try typedWrite { db in
            try db.execute(
                sql: "UPDATE web_session SET last_seen_at = ?, expires_at = ? WHERE id = ? AND expires_at > ?",
                arguments: [
                    Self.stamp(now), Self.stamp(now.addingTimeInterval(idle)), Self.sessionID(token), Self.stamp(now),
                ])
        }
    }

    /// The account of the session whose token this is, at `now`, or `nil` when there is no such
    /// session, it has expired, or its account is disabled. A live session's idle time starts
    /// again: it now expires `idle` after `now`.
    public func sessionUser(token: String, now: Date, idle: TimeInterval = sessionIdleLimit) throws(StoreError)
        -> UserAccount?
    {
        guard let (account, _) = try sessionAccount(token: token, now: now) else {
            // An expired or dead session's row goes with the request that found it so.
            try endSession(token: token)
            return nil
        }
        try touchSession(token: token, now: now, idle: idle)
        return account
    }

    /// Ends the session whose token this is (logout); nothing happens for an unknown token.
    public func endSession(token: String) throws(StoreError) {
        try typedWrite { db in
            try db.execute(sql: "DELETE FROM web_session WHERE id = ?", arguments: [Self.sessionID(token)])
        }
    }

    /// Removes the sessions expired at `now`; returns how many.
    @discardableResult
    public func endExpiredSessions(now: Date) throws(StoreError) -> Int {
        try typedWrite { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [Self.stamp(now)])
            return db.changesCount
        }
    }

    /// The stored id of a session: its token's SHA-256.
    static func sessionID(_ token: String) -> String { HexDigest.sha256(Array(token.utf8)) }
}
