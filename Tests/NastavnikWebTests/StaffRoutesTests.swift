import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct StaffRoutesTests {
    @Test func theSearchFindsByNameAndPersonnelNumberAndLinksToTheCard() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            // «абрамова»
            let byName = try await client.request("/staff?q=%D0%B0%D0%B1%D1%80%D0%B0%D0%BC%D0%BE%D0%B2%D0%B0")
            #expect(byName.status == .ok)
            #expect(byName.body.contains("<a href=\"/staff/\(WebSandbox.person)\">Абрамова Инна Фёдоровна</a>"))
            let byNumber = try await client.request("/staff?q=\(WebSandbox.otherPerson)")
            #expect(byNumber.body.contains("href=\"/staff/\(WebSandbox.otherPerson)\""))
            #expect(byNumber.body.contains("Найдено: 1"))
        }
    }

    @Test func aSchoolsStaffIsPagedOnTheServerAsTheUseCaseCountsIt() async throws {
        let sandbox = try await WebSandbox()
        let all = try await sandbox.app().staffPage(
            query: StaffQuery(text: nil, schoolCode: WebSandbox.school, pageSize: 500), asOf: .today())
        try await sandbox.test { client in
            try await client.logIn(.methodologist)
            let first = try await client.request("/staff?school=\(WebSandbox.school)&page-size=5")
            #expect(first.status == .ok)
            #expect(first.body.contains("Найдено: \(all.total); страница 1 из \((all.total + 4) / 5)"))
            #expect(
                first.body.contains(
                    "href=\"/staff?school=\(WebSandbox.school)&amp;page-size=5&amp;page=2\" rel=\"next\""))
            for row in all.rows.prefix(5) { #expect(first.body.contains(row.fullName), "\(row.fullName)") }
            let second = try await client.request("/staff?school=\(WebSandbox.school)&page-size=5&page=2")
            for row in all.rows.dropFirst(5).prefix(5) { #expect(second.body.contains(row.fullName)) }
            #expect(second.body.contains("rel=\"prev\""))
            let csv = try await client.request("/staff?school=\(WebSandbox.school)&page-size=500&format=csv")
            #expect(csv.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == all.total + 1)
        }
    }

    @Test func theFiltersAgreeWithTheUseCase() async throws {
        let sandbox = try await WebSandbox()
        let overdue = try await sandbox.app().staffPage(
            query: StaffQuery(text: nil, overdue: true, pageSize: 500), asOf: .today())
        try await sandbox.test { client in
            try await client.logIn(.viewer)
            let page = try await client.request("/staff?overdue=1&page-size=500&format=csv")
            #expect(page.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == overdue.rows.count + 1)
            let early = try await client.request("/staff?early=1&kind=pedagogical")
            #expect(early.status == .ok)
            for (uri, message) in [
                ("/staff?kind=%D0%BF%D0%BE%D0%B2%D0%B0%D1%80", "Параметр kind: неизвестный вид должности «повар»"),
                ("/staff?page=0", "Параметр page"),
                ("/staff?overdue=maybe", "Параметр overdue"),
                ("/staff?school=NOPE", "Школа с кодом «NOPE» не найдена."),
            ] {
                let bad = try await client.request(uri)
                #expect(bad.status == .badRequest, "\(uri)")
                #expect(bad.body.contains(Typography.russian(message)), "\(uri)")
            }
        }
    }

    @Test func aSchoolAccountListsOnlyItsOwnStaffWhateverItAsks() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.school)
            let own = try await client.request("/staff?page-size=500")
            #expect(own.status == .ok)
            #expect(own.body.contains("Абрамова Инна Фёдоровна"))
            #expect(!own.body.contains("href=\"/schools/SV002\""))
            let other = try await client.request("/staff?school=SV002&page-size=500")
            #expect(!other.body.contains("href=\"/schools/SV002\""))
            let byNumber = try await client.request("/staff?q=\(WebSandbox.otherPerson)")
            #expect(!byNumber.body.contains("href=\"/staff/\(WebSandbox.otherPerson)\""))
            #expect(byNumber.body.contains("Никого не найдено."))
        }
    }

    @Test func aPersonsCardShowsTheirRecordTrainingAndAttestation() async throws {
        let sandbox = try await WebSandbox()
        let person = try await sandbox.app().personCard(staffID: WebSandbox.person, asOf: .today())
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let page = try await client.request("/staff/\(WebSandbox.person)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Абрамова Инна Фёдоровна</h1>"))
            #expect(page.body.contains("href=\"/schools/SV010\""))
            #expect(page.body.contains("<h2>Повышение квалификации</h2>"))
            #expect(page.body.contains("<h2>Аттестация</h2>"))
            #expect(
                page.body.contains(Typography.russian(StaffRoutes.attestationText(person.attestation, asOf: .today()))))
            for training in person.view.card.trainings {
                #expect(page.body.contains(training.title), "\(training.title)")
            }
            if let due = person.view.dueBy { #expect(page.body.contains(due.russian)) }
        }
    }

    @Test func aSchoolAccountReachesOnlyItsOwnPeople() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.school)
            #expect(try await client.request("/staff/\(WebSandbox.person)").status == .ok)
            let other = try await client.request("/staff/\(WebSandbox.otherPerson)")
            #expect(other.status == .forbidden)
            #expect(!other.body.contains("SV-0095"))
        }
    }

    @Test func anUnknownPersonIsANotFoundPage() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.viewer)
            let answer = try await client.request("/staff/NO-SUCH-1")
            #expect(answer.status == .notFound)
            #expect(answer.body.contains("работник «NO-SUCH-1»"))
        }
    }

    @Test func theCardDownloadsAsAWorkbook() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            try await client.logIn(.methodologist)
            let file = try await client.request("/staff/\(WebSandbox.person)?format=xlsx")
            #expect(file.status == .ok)
            #expect(file.bytes.starts(with: Array("PK".utf8)))
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let csv = try await client.request("/staff/\(WebSandbox.person)?format=csv")
            #expect(csv.body.contains("Абрамова Инна Фёдоровна"))
            let bad = try await client.request("/staff/\(WebSandbox.person)?format=pdf")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Параметр format: неизвестный формат «pdf»"))
        }
    }

    @Test func aViewerSeesPseudonymsWhenTheAdminSaysSo() async throws {
        let sandbox = try await WebSandbox()
        _ = try await sandbox.app().setSetting(Settings.webPseudonymizeViewers, to: "да")
        try await sandbox.test { client in
            try await client.logIn(.viewer)
            let page = try await client.request("/staff/\(WebSandbox.person)")
            #expect(page.status == .ok)
            #expect(!page.body.contains("Абрамова"))
            #expect(page.body.contains("Работник "))
            client.clearCookies()
            try await client.logIn(.specialist)
            #expect(try await client.request("/staff/\(WebSandbox.person)").body.contains("Абрамова"))
        }
    }
}
