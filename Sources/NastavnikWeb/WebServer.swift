import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import NastavnikApp
import NastavnikRegion
import NastavnikStore

/// The department's web interface: `nastavnik serve` runs it; tests build its router.
public enum WebServer {
    /// Where the server listens and how.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// PEM files of the certificate (with its chain) and its key: TLS when both are given.
        public var tlsCertificate: String?
        public var tlsKey: String?
        /// The region's database whose dashboard `/region` shows (read-only); none, no such page.
        public var region: RegionURL?

        public init(
            host: String = "127.0.0.1", port: Int = 8080, tlsCertificate: String? = nil, tlsKey: String? = nil,
            region: RegionURL? = nil
        ) {
            self.host = host
            self.port = port
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
            self.region = region
        }

        /// Whether the server speaks TLS.
        public var secure: Bool { tlsCertificate != nil && tlsKey != nil }

        /// Whether the address is this computer's own (loopback), reachable from nowhere else.
        public var loopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }
    }

    /// The router of every page over the database at `path`, for the server and for router tests;
    /// with `region`, the region's dashboard too.
    public static func router(
        databasePath path: String, secure: Bool = false, region: RegionURL? = nil,
        logger: Logger = Logger(label: "nastavnik.web")
    ) async throws -> Router<WebContext> {
        router(try await site(databasePath: path, secure: secure, region: region, logger: logger))
    }

    /// The router with uploads limited to `importLimit` bytes: tests refuse a small file as too large.
    static func router(databasePath path: String, importLimit: Int) async throws -> Router<WebContext> {
        router(
            try await site(
                databasePath: path, secure: false, logger: Logger(label: "nastavnik.web"), importLimit: importLimit))
    }

    static func site(
        databasePath path: String, secure: Bool, region: RegionURL? = nil, logger: Logger,
        importLimit: Int = ImportJobs.defaultLimit
    ) async throws -> Site {
        let database = try NastavnikDatabase(
            path: path, busyTimeout: 5, actor: .init(name: "веб-интерфейс"), access: .read)
        let pseudonyms = try NastavnikDatabase(
            path: path, busyTimeout: 5, pseudonymize: true, actor: .init(name: "веб-интерфейс"), access: .read)
        return Site(
            app: NastavnikApp(database: database), pseudonymApp: NastavnikApp(database: pseudonyms),
            templates: try await WebTemplates.load(), secure: secure, logger: logger,
            imports: ImportJobs(directory: ImportJobs.directory(besideDatabase: path), limit: importLimit),
            region: region)
    }

    /// How often the server looks whether the staff search's tables need making again.
    static let searchRefreshInterval: Duration = .seconds(15)

    static func router(_ site: Site) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeadersMiddleware(secure: site.secure))
        router.add(middleware: SessionMiddleware(site: site))
        router.add(middleware: ErrorPageMiddleware(site: site))
        StaticRoutes(site: site).add(to: router)
        LoginRoutes(site: site).add(to: router)
        DashboardRoutes(site: site).add(to: router)
        SchoolRoutes(site: site).add(to: router)
        StaffRoutes(site: site).add(to: router)
        ClassificationRoutes(site: site).add(to: router)
        CuratorRoutes(site: site).add(to: router)
        IndicatorRoutes(site: site).add(to: router)
        ReportRoutes(site: site).add(to: router)
        AuditRoutes(site: site).add(to: router)
        UserRoutes(site: site).add(to: router)
        AccountRoutes(site: site).add(to: router)
        RoadmapRoutes(site: site).add(to: router)
        TrainingRoutes(site: site).add(to: router)
        TrainingFormRoutes(site: site).add(to: router)
        DiagnosticsRoutes(site: site).add(to: router)
        PlanRoutes(site: site).add(to: router)
        MentoringRoutes(site: site).add(to: router)
        SeminarRoutes(site: site).add(to: router)
        ImportRoutes(site: site).add(to: router)
        JobRoutes(site: site).add(to: router)
        RiskRoutes(site: site).add(to: router)
        RegionRoutes(site: site).add(to: router)
        return router
    }

    /// Runs the server until it is stopped (Ctrl+C or SIGTERM).
    public static func run(databasePath: String, configuration: Configuration) async throws {
        var logger = Logger(label: "nastavnik.web")
        logger.logLevel = .info
        let site = try await site(
            databasePath: databasePath, secure: configuration.secure, region: configuration.region, logger: logger)
        let router = router(site)
        // The staff search's tables are made again after a change (an import from the command
        // line too) here, in the background, rather than by the first search that finds them stale.
        let refresher = Task.detached(priority: .background) {
            while !Task.isCancelled {
                do {
                    if try await site.app.refreshStaffSearch() { logger.info("Таблицы поиска работников обновлены") }
                } catch {
                    logger.warning("Не удалось обновить таблицы поиска работников: \(error.localizedDescription)")
                }
                try? await Task.sleep(for: searchRefreshInterval)
            }
        }
        defer { refresher.cancel() }
        let address = BindAddress.hostname(configuration.host, port: configuration.port)
        let appConfiguration = ApplicationConfiguration(address: address, serverName: nil)
        if let certificate = configuration.tlsCertificate, let key = configuration.tlsKey {
            let tls: TLSConfiguration
            do {
                tls = TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            } catch {
                throw WebStartupError(
                    "Не удалось прочитать сертификат «\(certificate)» или ключ «\(key)» (ожидаются файлы PEM): \(error)"
                )
            }
            let app = Application(
                router: router, server: try .tls(.http1(), tlsConfiguration: tls), configuration: appConfiguration,
                logger: logger)
            try await app.runService()
        } else {
            let app = Application(router: router, configuration: appConfiguration, logger: logger)
            try await app.runService()
        }
    }
}
