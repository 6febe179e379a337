import Foundation
import Logging
import PostgresNIO

/// The region's consolidated database on PostgreSQL: its schema, the municipalities' pushes and
/// the region's reads. Each call opens its own connection and closes it; nothing is kept between
/// calls, so the value is freely shared.
public struct RegionDatabase: Sendable {
    public let url: RegionURL

    public init(url: RegionURL) { self.url = url }

    // The client's own events are not logged: a log line could carry a statement's values.
    static let logger = Logger(label: "nastavnik.region", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The memory each sort or hash of a regional session may use before it spills to disk
    /// (PostgreSQL's `work_mem`; its default is 4 MB). A judgement: the region's report groups
    /// a million people and the order sorts hundreds of thousands of needs, which spilled to temporary
    /// files at the default; 256 MB a query is little beside a server's memory, and a session runs one
    /// query at a time (the report's `reportSessions` at most three at once).
    public static let workMemory = "256MB"

    /// The connection's settings; the password goes only to the server.
    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable:
            tls = .disable
        case .prefer, .require:
            // libpq's prefer and require encrypt without checking the certificate.
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            let context = try NIOSSLContext(configuration: settings)
            tls = url.tls == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        // JIT off: the regional tables are partitioned by municipality (r6), and a query over the
        // region compiles its expressions once per partition. The report's diagnostic thresholds
        // on the bench region of 50 municipalities: 444 functions compiled and optimized, 7.2 s
        // with JIT against 1.8 s without (BENCHMARKS.md, «Session 19»); each part of the order
        // spent 40–90 ms compiling a plan of milliseconds per row.
        configuration.options.additionalStartupParameters = [("work_mem", Self.workMemory), ("jit", "off")]
        return configuration
    }

    /// Runs `body` on a new connection, closed afterwards; the server's refusals come back as
    /// `RegionError`s in Russian without the password.
    public func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try configuration(), id: 1, logger: Self.logger)
        } catch {
            throw explained(error, connecting: true)
        }
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw explained(error, connecting: false)
        }
    }

    /// A failure said in Russian, naming the server without the password.
    func explained(_ error: any Error, connecting: Bool) -> any Error {
        if error is RegionError || error is CancellationError { return error }
        let place = "\(url.host):\(url.port)"
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState]
            switch state {
            case "28P01", "28000":
                return RegionError(
                    "Региональная база на \(place) не впустила пользователя «\(url.user)»: неверный пароль или у пользователя нет доступа."
                )
            case "3D000":
                return RegionError("На сервере \(place) нет базы данных «\(url.database)».")
            case "42501":
                return RegionError(
                    "У пользователя «\(url.user)» нет прав на это действие в региональной базе «\(url.database)» (\(error.serverInfo?[.message] ?? ""))."
                )
            case "57P01", "57P02", "57P03":
                return RegionError(
                    "Сервер региональной базы \(place) прервал соединение (остановлен или перезапускается); ничего не записано."
                )
            case .some(let state):
                return RegionError(
                    "Региональная база на \(place) ответила ошибкой \(state): \(error.serverInfo?[.message] ?? "без описания"); ничего не записано."
                )
            case .none:
                break
            }
            switch error.code {
            case .sslUnsupported:
                return RegionError(
                    "Сервер \(place) не поддерживает шифрование, а адрес требует его (sslmode=\(url.tls.rawValue)).")
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return RegionError(
                    "Соединение с региональной базой \(place) оборвалось; ничего не записано, отправку можно повторить."
                )
            default:
                break
            }
        }
        if connecting {
            return RegionError(
                "Не удалось соединиться с региональной базой \(place): сервер недоступен или не отвечает (\(Self.reason(of: error)))."
            )
        }
        return RegionError(
            "Соединение с региональной базой \(place) оборвалось (\(Self.reason(of: error))); ничего не записано, отправку можно повторить."
        )
    }

    // A system error's own text (it names no password: the password is never in an address we pass on).
    static func reason(of error: any Error) -> String {
        if let error = error as? PSQLError, let underlying = error.underlying { return "\(underlying)" }
        if let error = error as? PSQLError { return error.code.description }
        return "\(error)"
    }
}
