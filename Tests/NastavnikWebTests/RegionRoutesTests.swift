import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikRegion
import NastavnikReports
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

/// The region's dashboard of `serve --region` (issue 22) against a real PostgreSQL server: the
/// pushed municipality, the region's report and its downloads, who may see it, and the answers
/// without a region or with one that cannot be reached.
@Suite struct RegionRoutesTests {
    /// The name the sandbox's demo municipality is pushed under.
    static let municipality = "Тестовый район веб-интерфейса"
    static let oktmo = "81615000"

    /// A region holding the sandbox's demo municipality, pushed once per test run; the tests only read it.
    static let region = Task<RegionURL, Error> {
        let url = try await RegionTestServer.initializedDatabase()
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        _ = try await app.setMunicipality(oktmo: oktmo, name: municipality, correctName: false)
        _ = try await app.regionPush(url, asOf: WebSandbox.asOf, personalData: false)
        return url
    }

    /// The region's report as `nastavnik region report` makes it, on the sandbox's date.
    static func report(_ url: RegionURL) async throws -> Report {
        try await NastavnikApp.regionReport(url, asOf: WebSandbox.asOf)
    }

    @Test func theDashboardShowsThePushedMunicipalityTheReportsFiguresAndTheStatus() async throws {
        let url = try await Self.region.value
        let report = try await Self.report(url)
        let status = RegionTables.status(try await NastavnikApp.regionStatus(url))
        try await WebSandbox().test(region: url) { client in
            try await client.logIn(.viewer)
            let page = try await client.request("/region?date=22.11.2026")
            #expect(page.status == .ok)
            #expect(page.body.contains(Self.municipality))
            #expect(page.body.contains("<td>\(Self.oktmo)</td>"))
            #expect(page.body.contains("<a href=\"/region\" aria-current=\"page\">Регион</a>"))
            // The password never reaches the page: the address is shown without it.
            #expect(page.text.contains("Региональная база \(url.description), на 22.11.2026"))
            if let password = url.password { #expect(!page.body.contains(password)) }
            // Every section, and every table's rows exactly as the report has them.
            #expect(report.sections.count > 3)
            for section in report.sections {
                #expect(
                    page.text.contains(
                        Typography.russian(section.title).replacingOccurrences(of: "\u{00A0}", with: " ")),
                    "\(section.title)")
                for case .table(let table) in section.blocks where !table.rows.isEmpty {
                    #expect(page.body.contains(TableView(table).body), "\(table.title)")
                }
            }
            #expect(page.body.contains(TableView(status).body))
            for format in ["html", "xlsx", "docx", "md"] {
                #expect(page.body.contains("href=\"/region?date=22.11.2026&amp;format=\(format)\""), "\(format)")
            }
            // No form writes anything here: the only forms are the date filter and the logout.
            #expect(!page.body.contains("method=\"post\" action=\"/region"))
        }
    }

    @Test func aViewerSeesTheCuratorsPseudonymsWhenTheAdminSaysSo() async throws {
        let url = try await RegionTestServer.initializedDatabase()
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        _ = try await app.setMunicipality(oktmo: Self.oktmo, name: Self.municipality, correctName: false)
        _ = try await app.regionPush(url, asOf: WebSandbox.asOf, personalData: true)
        _ = try await app.setSetting(Settings.webPseudonymizeViewers, to: "да")
        let name = try #require(
            try await RegionTestServer.texts(
                url, "SELECT curator_name FROM nastavnik.pairing WHERE curator_name IS NOT NULL ORDER BY key LIMIT 1"
            ).first?.first ?? nil)
        try await sandbox.test(region: url) { client in
            try await client.logIn(.viewer)
            for uri in ["/region?date=22.11.2026", "/region?date=22.11.2026&format=md"] {
                let page = try await client.request(uri)
                #expect(page.status == .ok)
                #expect(!page.body.contains(name), "\(uri)")
                #expect(page.body.contains("Работник "), "\(uri)")
            }
            client.clearCookies()
            try await client.logIn(.methodologist)
            #expect(try await client.request("/region?date=22.11.2026").body.contains(name))
        }
    }

    @Test func theReportDownloadsAreTheCommandsFiles() async throws {
        let url = try await Self.region.value
        let report = try await Self.report(url)
        try await WebSandbox().test(region: url) { client in
            try await client.logIn(.methodologist)
            let md = try await client.request("/region?format=md&date=22.11.2026")
            #expect(md.status == .ok)
            #expect(md.body == MarkdownRenderer().render(report))
            let xlsx = try await client.request("/region?format=xlsx&date=22.11.2026")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType] == Download.xlsxType)
            #expect(xlsx.headers[.contentDisposition]?.contains("2026-11-22.xlsx") == true)
            #expect(try xlsx.package(contains: Self.municipality))
            let docx = try await client.request("/region?format=docx")
            #expect(try docx.package(contains: report.title))
            let html = try await client.request("/region?format=html&date=22.11.2026")
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.body.contains(Self.municipality))
            try await client.expectBadRequests([
                ("/region?format=pdf", "Параметр format: неизвестный формат «pdf»"),
                ("/region?date=31.02.2026", "Параметр date"),
            ])
        }
    }

    @Test(arguments: RouteAccessTests.roles) func everyRegionPageAnswersEachRoleAsItsAccessSays(role: Role)
        async throws
    {
        let url = try await Self.region.value
        try await WebSandbox().test(region: url) { client in
            for (uri, _) in RouteCatalog.regionPages {
                let answer = try await client.request(uri)
                #expect(answer.status == .seeOther && answer.location?.hasPrefix("/login") == true, "\(uri)")
            }
            try await client.logIn(role)
            for (uri, access) in RouteCatalog.regionPages {
                let answer = try await client.request(uri)
                #expect(Int(answer.status.code) == access.status(for: role), "\(role) \(uri): \(answer.status)")
                if answer.status == .forbidden { #expect(answer.body.contains("Доступ запрещён"), "\(uri)") }
            }
            // The menu links the region for the roles that may see it.
            let menu = try await client.request("/staff")
            #expect(menu.body.contains("<a href=\"/region\"") == role.may(.readAll), "\(role)")
        }
    }

    @Test(arguments: RouteAccessTests.roles) func withoutARegionThePageIsNotFound(role: Role) async throws {
        try await WebSandbox.loggedIn(as: role) { client in
            for (uri, access) in RouteCatalog.regionPages {
                let answer = try await client.request(uri)
                if access.status(for: role) == 200 {
                    #expect(answer.status == .notFound, "\(role) \(uri): \(answer.status)")
                    #expect(answer.text.contains("Региональная база не подключена"), "\(uri)")
                } else {
                    #expect(answer.status == .forbidden, "\(role) \(uri): \(answer.status)")
                }
            }
            let menu = try await client.request("/staff")
            #expect(!menu.body.contains("/region"))
        }
    }

    @Test func anUnreachableRegionIsSaidInRussianWithoutThePassword() async throws {
        let password = "секретный-пароль-региона"
        let unreachable = RegionURL(
            user: "nastavnik", password: password, host: "127.0.0.1", port: 1, database: "region", tls: .disable)
        try await WebSandbox().test(region: unreachable) { client in
            try await client.logIn(.specialist)
            for uri in ["/region", "/region?format=xlsx"] {
                let answer = try await client.request(uri)
                #expect(answer.status == .serviceUnavailable, "\(uri)")
                #expect(answer.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                #expect(answer.text.contains("Региональная база недоступна"), "\(uri)")
                #expect(answer.text.contains("Не удалось соединиться с региональной базой 127.0.0.1:1"), "\(uri)")
                #expect(!answer.body.contains(password), "\(uri)")
                #expect(!answer.body.contains("PSQLError"), "\(uri)")
            }
        }
    }

    @Test func aRegionThatRefusesThePasswordIsSaidInRussianWithoutIt() async throws {
        var address = try await Self.region.value
        let password = "неверный-пароль-\(UUID().uuidString.prefix(8))"
        address.password = password
        let refused = address
        try await WebSandbox().test(region: refused) { client in
            try await client.logIn(.admin)
            let answer = try await client.request("/region")
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.text.contains("не впустила пользователя «\(refused.user)»"))
            #expect(!answer.body.contains(password))
        }
    }
}
