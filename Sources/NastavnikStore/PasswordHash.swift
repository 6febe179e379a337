import HummingbirdBcrypt

/// Passwords are kept as bcrypt hashes only (issue 19: cost 12), never logged.
public enum PasswordHash {
    /// bcrypt's cost: 2¹² rounds, a quarter of a second a hash on a department's computer.
    public static let cost: UInt8 = 12

    /// The bcrypt hash of `password`, with a fresh salt.
    public static func make(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    /// Whether `password` is the one `hash` was made from.
    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A hash no password was chosen for: an unknown login is checked against it, so that it
    /// takes as long to refuse as a wrong password.
    static let decoy = Bcrypt.hash("nastavnik-decoy-password", cost: cost)
}
