import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import Testing

@testable import NastavnikWeb

/// A name that is a script stays text on every page that shows it (issue 19: every value escaped).
@Suite struct EscapingTests {
    static let script = "<script>alert(1)</script>"

    @Test func aScriptInANameIsInertOnEveryPage() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let schools = sandbox.directory.write(
            "schools.csv",
            """
            Код ОО;Наименование ОО;Муниципалитет;Тип ОО;Статус;Стажировочная площадка;Численность обучающихся
            XSS01;\(Self.script);Светлореченский муниципальный округ;СОШ;НОР;нет;100

            """)
        let staff = sandbox.directory.write(
            "staff.csv",
            """
            Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности
            XSS-1;\(Self.script);XSS01;учитель;\(Self.script);01.02.1980;01.09.2005

            """)
        for (kind, path) in [(ImportKind.schools, schools), (.staff, staff)] {
            _ = try await app.importFile(kind: kind, path: path, options: ImportOptions(importedBy: "тест"))
        }
        try await sandbox.test(as: .admin) { client in
            let pages = RouteCatalog.pages.map(\.uri) + ["/schools/XSS01", "/staff/XSS-1", "/schools?q=XSS"]
            var shown = 0
            for uri in pages {
                let answer = try await client.request(uri)
                guard answer.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                #expect(!answer.body.contains("<script>alert"), "\(uri)")
                if answer.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") { shown += 1 }
            }
            // The name is there, as text, on the school's card, the person's card and the list.
            #expect(shown >= 3)
        }
    }
}
