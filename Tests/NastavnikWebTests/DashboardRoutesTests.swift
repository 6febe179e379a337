import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct DashboardRoutesTests {
    @Test func theDashboardShowsTheMunicipalitysFiguresEachLinkedToItsList() async throws {
        let sandbox = try await WebSandbox()
        let dashboard = try await sandbox.app().dashboard(asOf: .today())
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Обзор муниципалитета</h1>"))
            // Every figure with its value and the link to its list.
            for figure in [dashboard.schools, dashboard.trained, dashboard.overdue, dashboard.overdueTerms]
                + dashboard.schoolsByStatus + dashboard.coverage
            {
                let tile = DashboardLinks.tile(figure)
                #expect(page.body.contains("<a href=\"\(tile.href!.replacingOccurrences(of: "&", with: "&amp;"))\">"))
                #expect(page.body.contains(tile.value), "\(figure.title)")
            }
            #expect(page.body.contains("href=\"/schools?status=%D0%9D%D0%9E%D0%A0\""))
            // The charts of the printed reports, as SVG in the page.
            #expect(page.body.components(separatedBy: "<svg").count - 1 == DashboardCharts.all(dashboard).count)
        }
    }

    @Test func theLinksOfTheFiguresLeadToTheListsBehindThem() {
        #expect(DashboardLinks.url(.schools(status: .lowResults)) == "/schools?status=%D0%9D%D0%9E%D0%A0")
        #expect(DashboardLinks.url(.staff(overdue: true)) == "/staff?overdue=1")
        #expect(
            DashboardLinks.url(.staff(schoolCode: "SV010", deficit: "ИКТ"))
                == "/staff?school=SV010&deficit=%D0%98%D0%9A%D0%A2")
        #expect(DashboardLinks.url(.roadmap(dueWithinDays: 30)) == "/roadmap?due-within=30")
        #expect(DashboardLinks.url(.occurrence(id: 7)) == "/roadmap/occurrences/7")
    }

    @Test func aSchoolAccountIsTakenToItsSchool() async throws {
        try await WebSandbox.loggedIn(as: .school) { client in
            let home = try await client.request("/")
            #expect(home.status == .seeOther)
            #expect(home.location == "/schools/\(WebSandbox.school)")
        }
    }

    @Test func theDashboardIsComputedAgainWhenTheDataChanges() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let before = try await client.request("/?format=csv")
            let schools = sandbox.directory.write(
                "schools.csv",
                """
                Код ОО;Наименование ОО;Муниципалитет;Тип ОО;Статус;Стажировочная площадка;Численность обучающихся
                NEW01;МБОУ «Новая школа»;Светлореченский муниципальный округ;СОШ;НОР;нет;100

                """)
            _ = try await sandbox.app().importFile(kind: .schools, path: schools, options: .init(importedBy: "тест"))
            let after = try await client.request("/?format=csv")
            #expect(before.body != after.body)
            let total = try await sandbox.app().dashboard(asOf: .today()).schools.count
            #expect(after.body.contains(";\(total)"))
        }
    }
}
