import Foundation

/// The people erased with `staff forget`, as salted SHA-256 digests of their identity
/// (`person_key`): kept outside the database, so that a restored copy made before the erasure
/// does not bring them back, and without their numbers, so that the register itself is no list
/// of people.
///
/// Text form: the first line `salt HEX` (per installation, random), then one digest a line.
public struct ErasureRegister: Sendable, Equatable {
    public var salt: String
    public var digests: Set<String>

    public init(salt: String, digests: Set<String> = []) {
        self.salt = salt
        self.digests = digests
    }

    /// A new register with a random salt.
    public static func fresh() -> ErasureRegister {
        ErasureRegister(salt: (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined())
    }

    /// Reads the text form; `nil` when it is not one (no salt line, or a line that is not a digest).
    public init?(text: String) {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard let first = lines.first, first.hasPrefix("salt "), first.count > 5 else { return nil }
        salt = String(first.dropFirst(5))
        lines.removeFirst()
        let hex = Set("0123456789abcdef")
        guard lines.allSatisfy({ $0.count == 64 && $0.allSatisfy(hex.contains) }) else { return nil }
        digests = Set(lines)
    }

    public var text: String { (["salt \(salt)"] + digests.sorted()).joined(separator: "\n") + "\n" }

    /// The digest of one identity under this register's salt.
    public func digest(personKey: String) -> String { HexDigest.sha256(Array((salt + "|" + personKey).utf8)) }

    public func contains(personKey: String) -> Bool { digests.contains(digest(personKey: personKey)) }

    public mutating func insert(personKey: String) { digests.insert(digest(personKey: personKey)) }
}
