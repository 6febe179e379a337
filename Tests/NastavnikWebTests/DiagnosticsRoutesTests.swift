import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

@Suite struct DiagnosticsRoutesTests {
    /// The data rows of a CSV download (its header left out).
    static func csvRows(_ answer: WebClient.Answer) -> [Substring] {
        Array(answer.body.split(whereSeparator: \.isNewline).dropFirst())
    }

    @Test func theSummaryShowsTheAppsFiguresTheChartsTheCampaignsAndTheThresholds() async throws {
        let sandbox = try await WebSandbox()
        let summary = try await sandbox.app().diagnosticsSummary(schoolCode: nil, campaign: nil)
        let municipality = try #require(summary.schools.rows.last)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/diagnostics")
            #expect(page.status == .ok)
            // The municipality's share above the subject threshold and its teachers, as the CLI prints them.
            #expect(municipality[1].display == "Муниципалитет")
            #expect(page.body.contains(">\(municipality[3].display)<"))
            #expect(page.body.contains(">\(municipality[2].display)<"))
            let commonest = try #require(summary.deficits.rows.first)
            #expect(page.body.contains(">\(commonest[0].display)<"))
            #expect(page.body.contains("Дефициты по школам"))
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("href=\"/schools/SV010\""))
            // The campaigns and the thresholds of the default and of the instrument.
            #expect(page.body.contains("href=\"/diagnostics?campaign=2\""))
            #expect(page.body.contains("выше 10"))
            #expect(page.body.contains("выше 20"))
        }
    }

    @Test func aCampaignAndASchoolNarrowTheSummaryAsTheAppDoes() async throws {
        let sandbox = try await WebSandbox()
        let summary = try await sandbox.app().diagnosticsSummary(schoolCode: "SV010", campaign: "1")
        #expect(summary.schools.rows.count == 1)
        let row = try #require(summary.schools.rows.first)
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/diagnostics?school=SV010&campaign=1")
            #expect(page.status == .ok)
            #expect(page.body.contains(summary.schools.title))
            #expect(page.body.contains(">\(row[2].display)<"))
            #expect(!page.body.contains(">Муниципалитет<"))
            // By the campaign's date too.
            let byDate = try await client.request("/diagnostics?school=SV010&campaign=14.03.2025")
            #expect(byDate.body.contains(summary.schools.title))
            let csv = try await client.request("/diagnostics?school=SV010&campaign=1&format=csv")
            #expect(csv.status == .ok)
            #expect(csv.body.contains("Код ОО;Школа;Педагогов"))
            #expect(csv.body.contains("SV010;"))
            let escaped = try await client.request("/diagnostics?campaign=%3Cb%3E")
            #expect(escaped.body.contains("«&lt;b&gt;»"))
            let xlsx = try await client.request("/diagnostics?format=xlsx")
            #expect(xlsx.bytes.starts(with: Array("PK".utf8)))
            let sheet = try #require(try ZIPParts.read(xlsx.bytes)["xl/worksheets/sheet1.xml"])
            #expect(sheet.contains("Муниципалитет"))
            #expect(sheet.contains("Частота дефицитов"))
        }
    }

    @Test func theDynamicsComparesTheLastTwoCampaignsAsTheAppDoes() async throws {
        let sandbox = try await WebSandbox()
        let dynamics = try await sandbox.app().diagnosticsDynamics(from: "1", to: "2", schoolCode: nil)
        #expect(!dynamics.teachers.rows.isEmpty)
        try await sandbox.test(as: .methodologist) { client in
            let page = try await client.request("/diagnostics/dynamics")
            #expect(page.status == .ok)
            #expect(page.body.contains(dynamics.teachers.title))
            let first = try #require(dynamics.teachers.rows.first)
            #expect(page.body.contains("href=\"/staff/\(URLPath.segment(first[0].display))\""))
            let same = try await client.request("/diagnostics/dynamics?from=2&to=2")
            #expect(same.body.contains("Выберите две разные кампании."))
            let csv = try await client.request("/diagnostics/dynamics?from=1&to=2&format=csv")
            #expect(csv.body.contains("Табельный номер"))
        }
    }

    @Test func theObservationsListTheAppsLessons() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let lesson = ObservationEntry(
            date: WebSandbox.asOf, observer: "Куратор <b>Смирнова</b>", subject: "математика",
            deficits: ["формирующее оценивание"])
        let teacher = "SV-0482"  // a teacher of SV010
        #expect(try await app.recordObservation(lesson, staff: teacher))
        let rows = try await app.observations(staff: nil, schoolCode: "SV010")
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/observations?school=SV010")
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"/staff/\(teacher)\""))
            #expect(page.body.contains("Куратор &lt;b&gt;Смирнова&lt;/b&gt;"))
            let csv = try await client.request("/observations?school=SV010&format=csv")
            #expect(Self.csvRows(csv).count == rows.count)
            let other = try await client.request("/observations?school=SV002&format=csv")
            #expect(!other.body.contains(teacher))
        }
    }
}
