import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `nastavnik serve`: its refusals, and the installed binary serving pages from a directory that
/// is not the checkout (the templates, style sheet and script found beside the binary).
@Suite struct ServeCommandTests {
    @Test func badOptionsAreRefusedInRussian() async throws {
        let sandbox = try CLISandbox()
        let port = await run(["serve", "--port", "0", "--db", sandbox.db])
        #expect(port.status != 0)
        #expect(port.err.contains("Порт (--port) должен быть от 1 до 65535, а не 0."))
        let half = await run(["serve", "--tls-cert", "cert.pem", "--db", sandbox.db])
        #expect(half.err.contains("укажите и сертификат (--tls-cert), и ключ (--tls-key)"))
        let missing = await run(["serve", "--db", sandbox.path("нет.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.err.contains("Базы данных «\(sandbox.path("нет.sqlite"))» нет."))
        // An address of the region that cannot be read stops the server, quoted without its password.
        let region = await run(["serve", "--region", "postgres://nastavnik:tajna-123@/region", "--db", sandbox.db])
        #expect(region.status != 0)
        #expect(region.err.contains("В адресе региональной базы «postgres://nastavnik:***@/region» не указан сервер."))
        #expect(!region.err.contains("tajna-123"))
        let both = await run(["serve", "--region", "postgres://h/r", "--region-from-env", "--db", sandbox.db])
        #expect(both.status != 0 && both.err.contains("Укажите либо --region, либо --region-from-env."))
        let help = await run(["serve", "--help"])
        #expect(help.out.contains("Запустить веб-интерфейс управления образования."))
        #expect(help.out.contains("--region <URL>") && help.out.contains("--region-from-env"))
    }

    @Test func theRegionsAddressMayComeFromTheEnvironmentOutOfTheProcessList() async throws {
        let sandbox = try CLISandbox()
        let (binary, elsewhere) = try Self.installWithDemo(in: sandbox)
        let address = "postgres://nastavnik:tajna-777@127.0.0.1:1/region"
        let log = try await Self.serving(
            binary, ["--db", "demo.sqlite", "--region-from-env"], in: elsewhere,
            environment: ["NASTAVNIK_REGION_URL": address]
        ) { base in
            let login = try await Self.get(base + "/login")
            #expect(login.0 == 200)
        }
        #expect(log.contains("Региональная база: postgres://nastavnik@127.0.0.1:1/region — страница /region"), "\(log)")
        #expect(!log.contains("tajna-777"))
        let unset = try await Self.serving(
            binary, ["--db", "demo.sqlite", "--region-from-env"], in: elsewhere,
            environment: ["NASTAVNIK_REGION_URL": ""]
        ) { _ in Issue.record("the server started without the region's address") }
        #expect(unset.contains("NASTAVNIK_REGION_URL"), "\(unset)")
    }

    /// The installed program and its two bundles, copied under `sandbox/opt/bin`.
    static func install(in sandbox: CLISandbox, web: Bool = true) throws -> String {
        let products = try #require(InstalledBinaryTests.products)
        let bin = sandbox.path("opt/bin")
        let fm = FileManager.default
        try fm.createDirectory(atPath: bin, withIntermediateDirectories: true)
        var parts = ["nastavnik", InstalledBinaryTests.bundle]
        if web { parts.append("Nastavnik_NastavnikWeb.resources") }
        for name in parts {
            try fm.copyItem(
                at: products.appendingPathComponent(name), to: URL(fileURLWithPath: bin + "/" + name))
        }
        return bin + "/nastavnik"
    }

    /// Runs the server until `body` returns, then stops it; returns what it wrote to stderr.
    static func serving(
        _ binary: String, _ arguments: [String], in directory: String, environment extra: [String: String] = [:],
        _ body: (_ base: String) async throws -> Void
    ) async throws -> String {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--port", String(port)] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            var environment = ProcessInfo.processInfo.environment
            environment["NASTAVNIK_SEEDS"] = nil
            environment["NASTAVNIK_WEB_RESOURCES"] = nil
            environment.merge(extra) { $1 }
            process.environment = environment
            let log = URL(fileURLWithPath: directory + "/serve-\(port).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardError = handle
            process.standardOutput = handle
            try process.run()
            defer {
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
            }
            // Wait for the server to listen (or to stop with an error).
            var listening = false
            for _ in 0..<100 {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if text.contains("listening") {
                    listening = true
                    break
                }
                if !process.isRunning || text.contains("Address already in use") { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            if !listening {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if text.contains("Address already in use") { continue }
                return text
            }
            try await body("http://127.0.0.1:\(port)")
            process.terminate()
            process.waitUntilExit()
            return (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        Issue.record("no free port found")
        return ""
    }

    /// An installed copy in `sandbox` (see `install`) that made the demo database `demo.sqlite` in
    /// a directory of its own: the binary's path and that directory.
    static func installWithDemo(in sandbox: CLISandbox, web: Bool = true) throws -> (binary: String, directory: String)
    {
        let binary = try install(in: sandbox, web: web)
        let directory = sandbox.path("elsewhere")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let demo = try InstalledBinaryTests.launch(
            binary, ["demo", "--db", "demo.sqlite", "--as-of", "22.11.2026"], in: directory)
        #expect(demo.0 == 0, "\(demo.1)")
        return (binary, directory)
    }

    static func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func anInstalledCopyServesItsPagesFromAnyDirectory() async throws {
        let sandbox = try CLISandbox()
        let (binary, elsewhere) = try Self.installWithDemo(in: sandbox)
        let log = try await Self.serving(binary, ["--db", "demo.sqlite"], in: elsewhere) { base in
            let login = try await Self.get(base + "/login")
            #expect(login.0 == 200)
            #expect(login.1.contains("<label for=\"login\">Логин</label>"))
            let style = try await Self.get(base + "/static/site.css")
            #expect(style.0 == 200)
            #expect(style.1.contains("@media print"))
        }
        #expect(log.contains("Веб-интерфейс: http://127.0.0.1:"))
        #expect(log.contains("Учётных записей нет"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/Resources"))
    }

    @Test func withoutItsTemplatesTheServerSaysWhatIsMissing() async throws {
        let sandbox = try CLISandbox()
        let (binary, elsewhere) = try Self.installWithDemo(in: sandbox, web: false)
        let log = try await Self.serving(binary, ["--db", "demo.sqlite"], in: elsewhere) { _ in
            Issue.record("the server started without its templates")
        }
        #expect(log.contains("Не найдены шаблоны веб-интерфейса"))
    }

    @Test func anOpenAddressWithoutTLSIsWarnedAbout() async throws {
        let sandbox = try CLISandbox()
        let (binary, elsewhere) = try Self.installWithDemo(in: sandbox)
        let log = try await Self.serving(binary, ["--db", "demo.sqlite", "--host", "0.0.0.0"], in: elsewhere) { base in
            let login = try await Self.get(base + "/login")
            #expect(login.0 == 200)
        }
        #expect(log.contains("Внимание: сервер открыт в сети (0.0.0.0) без HTTPS"))
    }

    static let tools = ["/usr/bin/openssl", "/usr/bin/curl"]

    @Test(.enabled(if: tools.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }))
    func withACertificateTheServerSpeaksHTTPSAndMarksCookiesSecure() async throws {
        let sandbox = try CLISandbox()
        let (binary, elsewhere) = try Self.installWithDemo(in: sandbox)
        let made = try InstalledBinaryTests.launch(
            Self.tools[0],
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
                "-subj", "/CN=127.0.0.1",
            ], in: elsewhere)
        #expect(made.0 == 0, "\(made.1)")
        let log = try await Self.serving(
            binary, ["--db", "demo.sqlite", "--tls-cert", "cert.pem", "--tls-key", "key.pem"], in: elsewhere
        ) { base in
            let url = base.replacingOccurrences(of: "http://", with: "https://") + "/login"
            let answer = try InstalledBinaryTests.launch(Self.tools[1], ["-sk", "-D", "-", url], in: elsewhere)
            #expect(answer.0 == 0, "\(answer.1)")
            #expect(answer.1.contains("HTTP/1.1 200"))
            #expect(answer.1.lowercased().contains("strict-transport-security"))
            #expect(answer.1.contains("Secure"))  // the login form's cookie
            let plain = try InstalledBinaryTests.launch(
                Self.tools[1], ["-s", "-o", "/dev/null", base + "/login"], in: elsewhere)
            #expect(plain.0 != 0)  // no plain HTTP on that port
        }
        #expect(log.contains("Веб-интерфейс: https://127.0.0.1:"))
    }
}
