import ArgumentParser
import Foundation
import NastavnikRegion
import NastavnikStore
import NastavnikWeb

/// `nastavnik serve`: the department's web interface (issue 19).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Запустить веб-интерфейс управления образования.",
        discussion: """
            По умолчанию сервер слушает только этот компьютер (127.0.0.1). Чтобы открыть его в сети управления, \
            укажите --host 0.0.0.0 и, лучше, сертификат (--tls-cert, --tls-key) или поставьте перед ним nginx \
            (см. README). Учётные записи создаёт `nastavnik users add`. С --region postgres://… в меню появляется \
            страница «Регион»: сводка региональной базы, только для чтения.
            """)

    @Option(name: .long, help: "Адрес, на котором слушать (по умолчанию 127.0.0.1 — только этот компьютер).")
    var host = "127.0.0.1"
    @Option(name: .long, help: "Порт (по умолчанию 8080).") var port = 8080
    @Option(name: .customLong("tls-cert"), help: "Сертификат сервера с цепочкой (PEM) — включает HTTPS.")
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: "Закрытый ключ сертификата (PEM).") var tlsKey: String?
    @Option(name: .long, help: "Файл базы данных (по умолчанию $NASTAVNIK_DB или ./nastavnik.sqlite).")
    var db: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Региональная база postgres://… — показать её сводку на странице «Регион» (только чтение).",
            valueName: "URL"))
    var region: String?
    @Flag(
        name: .customLong("region-from-env"),
        help: "Адрес региональной базы взять из \(RegionURL.environmentVariable) (пароль не виден в списке процессов).")
    var regionFromEnvironment = false

    /// The regional database's address: `--region`, or with `--region-from-env` the variable's.
    func regionURL() throws -> RegionURL? {
        if regionFromEnvironment {
            return try RegionURL.resolve(nil, environment: ProcessInfo.processInfo.environment)
        }
        return try region.map { try RegionURL(parsing: $0) }
    }

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("Порт (--port) должен быть от 1 до 65535, а не \(port).")
        }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ValidationError("Для HTTPS укажите и сертификат (--tls-cert), и ключ (--tls-key).")
        }
        for path in [tlsCertificate, tlsKey].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("Файл «\(path)» не найден.")
        }
        if region != nil && regionFromEnvironment {
            throw ValidationError("Укажите либо --region, либо --region-from-env.")
        }
        do {
            _ = try regionURL()
        } catch let error as RegionError {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let path = NastavnikDatabase.resolvePath(option: db)
        guard FileManager.default.fileExists(atPath: path) else {
            throw UserError(StoreError.missingDatabase(path: path).errorDescription ?? path)
        }
        let configuration = WebServer.Configuration(
            host: host, port: port, tlsCertificate: tlsCertificate, tlsKey: tlsKey,
            region: try regionURL())
        let console = Console.current
        if !configuration.loopback && !configuration.secure {
            console.err(
                "Внимание: сервер открыт в сети (\(host)) без HTTPS — пароли и персональные данные пойдут "
                    + "по сети открытым текстом. Укажите --tls-cert и --tls-key или поставьте перед сервером nginx с HTTPS.\n"
            )
        }
        let database: NastavnikDatabase
        do {
            database = try NastavnikDatabase(path: path, access: .read)
        } catch {
            throw UserError(
                "Не удалось открыть базу данных «\(path)». \(NastavnikCommand.russianDescription(of: error))")
        }
        if try database.users().filter({ !$0.disabled }).isEmpty {
            console.err(
                "Учётных записей нет: войти будет нельзя. Создайте администратора: "
                    + "nastavnik users add ЛОГИН --name \"Фамилия И.О.\" --role admin --db \(path)\n")
        }
        let scheme = configuration.secure ? "https" : "http"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        console.err("Веб-интерфейс: \(scheme)://\(shownHost):\(port)/ (база «\(path)»; остановить — Ctrl+C)\n")
        if let url = configuration.region {
            // The address without its password (`RegionURL.description`).
            console.err("Региональная база: \(url) — страница /region, только чтение.\n")
        }
        do {
            try await WebServer.run(databasePath: path, configuration: configuration)
        } catch let error as WebStartupError {
            throw UserError(error.message)
        }
    }
}
