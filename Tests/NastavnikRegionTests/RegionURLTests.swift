import Foundation
import Testing

@testable import NastavnikRegion

/// The regional database's address: libpq's URL form, the environment variable, and a password
/// that never shows.
@Suite struct RegionURLTests {
    @Test func anAddressIsReadWithItsPartsAndShownWithoutItsPassword() throws {
        let url = try RegionURL(parsing: "postgres://region:s%40cret@db.example.ru:6432/nastavnik?sslmode=require")
        #expect(url.user == "region" && url.password == "s@cret" && url.host == "db.example.ru")
        #expect(url.port == 6432 && url.database == "nastavnik" && url.tls == .require)
        #expect(url.description == "postgres://region@db.example.ru:6432/nastavnik?sslmode=require")
        #expect(try RegionURL(parsing: url.revealingPassword) == url)
        let plain = try RegionURL(parsing: "postgresql://u@localhost/r")
        #expect(plain.port == 5432 && plain.tls == .prefer && plain.password == nil)
    }

    @Test func aBadAddressIsRefusedInRussianWithoutThePassword() {
        let cases: [(String, String)] = [
            ("mysql://u:p4ss@h/db", "не распознан"), ("postgres://u:p4ss@/db", "не указан сервер"),
            ("postgres://:p4ss@h/db", "не указан пользователь"), ("postgres://u:p4ss@h", "не указана база данных"),
            ("postgres://u:p4ss@h/db?sslmode=maybe", "sslmode=maybe"), ("postgres://u:p4ss@h/db?x=1", "«x»"),
        ]
        for (text, expected) in cases {
            do {
                _ = try RegionURL(parsing: text)
                Issue.record("accepted \(text)")
            } catch let error as RegionError {
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(!error.message.contains("p4ss"), "\(error.message)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func theAddressComesFromTheArgumentElseTheEnvironment() throws {
        let environment = ["NASTAVNIK_REGION_URL": "postgres://env@h/db"]
        #expect(try RegionURL.resolve("postgres://arg@h/db", environment: environment).user == "arg")
        #expect(try RegionURL.resolve(nil, environment: environment).user == "env")
        #expect(throws: RegionError.self) { try RegionURL.resolve(nil, environment: [:]) }
    }

    @Test func copyTextEscapesWhatCOPYReadsSpecially() throws {
        #expect(RegionSnapshot.copyText(nil) == "\\N")
        #expect(RegionSnapshot.copyText("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re")
        #expect(RegionSnapshot.copyText("Школа № 1") == "Школа № 1")
        let sink = RegionSnapshot.Sink { _, _ in }
        #expect(throws: RegionError.self) {
            try sink(.school, [["S1", "Школа", nil, nil, nil, nil], ["S1", "Другая", nil, nil, nil, nil]])
        }
    }
}
