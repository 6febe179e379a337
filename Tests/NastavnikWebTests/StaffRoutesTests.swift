import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import Testing

@testable import NastavnikWeb

@Suite struct StaffRoutesTests {
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
