import Foundation

/// A regional database's address, `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE`, as
/// libpq writes it. Its `description` never holds the password, so that it may go into a log, the
/// audit log or a message.
public struct RegionURL: Sendable, Equatable, CustomStringConvertible {
    /// Whether the connection is encrypted: libpq's `sslmode` values this client honours.
    public enum TLSMode: String, Sendable, Equatable {
        /// Never encrypted.
        case disable
        /// Encrypted when the server offers it (libpq's default, and ours: issue 22, «TLS is used
        /// when the server offers it»); the certificate is not verified, as libpq does not.
        case prefer
        /// Always encrypted, the certificate not verified (libpq's `require`).
        case require
        /// Always encrypted, the certificate and the host name verified (libpq's `verify-full`).
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    /// The environment variable that may hold the address when no argument gives it.
    public static let environmentVariable = "NASTAVNIK_REGION_URL"

    public init(
        user: String, password: String?, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer
    ) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// Reads an address; the error quotes it without its password.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = RegionURL.redacting(trimmed)
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw RegionError(
                "Адрес региональной базы «\(shown)» не распознан: ожидается postgres://пользователь:пароль@сервер:порт/база."
            )
        }
        guard let host = components.host, !host.isEmpty else {
            throw RegionError("В адресе региональной базы «\(shown)» не указан сервер.")
        }
        guard let user = components.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw RegionError("В адресе региональной базы «\(shown)» не указан пользователь.")
        }
        let database = String(components.path.drop(while: { $0 == "/" })).removingPercentEncoding ?? ""
        guard !database.isEmpty else {
            throw RegionError("В адресе региональной базы «\(shown)» не указана база данных (…/имя_базы).")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    throw RegionError(
                        "Параметр sslmode=\(item.value ?? "") в адресе «\(shown)» не поддерживается: "
                            + "допустимы disable, prefer, require, verify-full.")
                }
                tls = mode
            default:
                throw RegionError("Параметр «\(item.name)» в адресе региональной базы «\(shown)» не поддерживается.")
            }
        }
        self.init(
            user: user, password: components.password.flatMap { $0.removingPercentEncoding }, host: host,
            port: components.port ?? 5432, database: database, tls: tls)
    }

    /// The address from `argument`, else from `$NASTAVNIK_REGION_URL`.
    public static func resolve(_ argument: String?, environment: [String: String]) throws -> RegionURL {
        if let argument, !argument.isEmpty { return try RegionURL(parsing: argument) }
        if let value = environment[environmentVariable], !value.isEmpty { return try RegionURL(parsing: value) }
        throw RegionError(
            "Не указан адрес региональной базы: передайте postgres://… аргументом или задайте переменную \(environmentVariable)."
        )
    }

    /// The address without its password: `postgres://user@host:port/database`.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)"
        if tls != .prefer { text += "?sslmode=\(tls.rawValue)" }
        return text
    }

    /// The address with its password, percent-encoded, for handing to another process (never
    /// to a log or a message).
    public var revealingPassword: String {
        func encoded(_ part: String) -> String {
            part.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
                ?? part
        }
        let credentials = encoded(user) + (password.map { ":" + encoded($0) } ?? "")
        return "postgres://\(credentials)@\(host):\(port)/\(encoded(database))?sslmode=\(tls.rawValue)"
    }

    /// `text` with whatever stands between `user:` and `@` replaced by `***`, for messages about
    /// an address that could not be read.
    public static func redacting(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<schemeEnd.upperBound]) + credentials[..<colon] + ":***" + rest[at...]
    }
}
