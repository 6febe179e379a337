import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

/// The training pages: the three-year rule's standing, the forecast, the order and the
/// attestation list, agreeing with the use cases `training status|forecast|order` and
/// `attestation due` call.
@Suite struct TrainingRoutesTests {
    /// The value of the figure labelled `label` on a page.
    static func figure(_ body: String, _ label: String) -> String? {
        guard let range = body.range(of: "<span class=\"label\">\(label)</span>") else { return nil }
        let before = body[..<range.lowerBound]
        guard let open = before.range(of: "<span class=\"value\">", options: .backwards) else { return nil }
        return String(before[open.upperBound...].prefix { $0 != "<" })
    }

    /// The data lines of a CSV download (its header left out).
    static func csvLines(_ body: String) -> [Substring] {
        Array(body.split(whereSeparator: \.isNewline).dropFirst())
    }

    @Test func theStatusCountsWhatTheUseCaseSays() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let today = LocalDate.today()
        let lines = try await app.trainingStatus(asOf: today)
        let outside = try await app.trainingStatus(asOf: today, nonCompliant: true)
        let school = try await app.trainingStatus(asOf: today, schoolCode: "SV002")
        #expect(!outside.isEmpty && outside.count < lines.count)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/training")
            #expect(page.status == .ok)
            #expect(Self.figure(page.body, "работников") == String(lines.count))
            #expect(Self.figure(page.body, "нарушили правило") == String(outside.count))
            let first = try #require(lines.first { $0.staffID != nil })
            #expect(page.body.contains("href=\"/staff/\(URLPath.segment(first.staffID!))\""))
            #expect(page.body.contains("href=\"/schools/\(first.schoolCode)\""))
            #expect(page.body.contains("Страница 1 из \((lines.count + 99) / 100)"))
            let second = try await client.request("/training?page=2")
            #expect(second.status == .ok)
            let csv = try await client.request("/training?overdue=1&format=csv")
            #expect(csv.body.contains("Табельный номер;ФИО;Код ОО"))
            #expect(Self.csvLines(csv.body).count == outside.count)
            let bySchool = try await client.request("/training?school=SV002&format=csv")
            #expect(Self.csvLines(bySchool.body).count == school.count)
            let xlsx = try await client.request("/training?school=SV002&format=xlsx")
            #expect(xlsx.bytes.starts(with: Array("PK".utf8)))
            #expect(try ZIPParts.read(xlsx.bytes)["xl/worksheets/sheet1.xml"]?.contains("Срок следующих КПК") == true)
            let earlier = try await client.request("/training?as-of=01.09.2025&format=csv")
            let then = try await app.trainingStatus(asOf: LocalDate(year: 2025, month: 9, day: 1)!)
            #expect(Self.csvLines(earlier.body).count == then.count)
        }
    }

    @Test func theForecastAndTheAttestationListAreTheUseCases() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let today = LocalDate.today()
        let until = LocalDate(year: 2027, month: 12, day: 31)!
        let forecast = try await app.trainingForecast(until: until, asOf: today)
        let due = try await app.attestationDue(until: until, asOf: today)
        #expect(!forecast.lines.isEmpty && !due.lines.isEmpty)
        try await sandbox.test(as: .viewer) { client in
            let page = try await client.request("/training/forecast?until=31.12.2027")
            #expect(page.status == .ok)
            #expect(Self.figure(page.body, "выпадут или уже вне правила") == String(forecast.lines.count))
            let csv = try await client.request("/training/forecast?until=31.12.2027&format=csv")
            #expect(Self.csvLines(csv.body).count == forecast.lines.count)
            #expect(csv.body.contains("Вне правила с"))
            let attestation = try await client.request("/training/attestation?until=31.12.2027")
            #expect(attestation.status == .ok)
            #expect(Self.figure(attestation.body, "предстоит аттестация") == String(due.lines.count))
            let dueCSV = try await client.request("/training/attestation?until=31.12.2027&format=csv")
            #expect(Self.csvLines(dueCSV.body).count == due.lines.count)
            #expect(try await client.request("/training/forecast").status == .ok)
            #expect(try await client.request("/training/attestation").status == .ok)
        }
    }

    @Test func theOrderIsTheCommandLinesTablesAndDocument() async throws {
        let sandbox = try await WebSandbox()
        let app = try sandbox.app()
        let today = LocalDate.today()
        let order = try await app.trainingOrder(year: 2027, asOf: today)
        let tables = TrainingReports.orderTables(order.assignments, groupBy: .school, year: 2027)
        #expect(!tables[0].rows.isEmpty)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/training/order?year=2027&group-by=school")
            #expect(page.status == .ok)
            for table in tables { #expect(page.body.contains(table.title)) }
            // One row per placed person (and the header) in the list's table.
            let list = try #require(page.body.components(separatedBy: "<tbody>").dropFirst().first)
            let rows = list.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").count - 1
            #expect(rows == tables[0].rows.count)
            // After the group column: the personnel number, the name and the school, each a link.
            let first = tables[0].rows[0]
            #expect(
                page.body.contains("<a href=\"/staff/\(URLPath.segment(first[1].display))\">\(first[2].display)</a>"))
            #expect(page.body.contains("<a href=\"/schools/\(first[3].display)\">\(first[3].display)</a>"))
            let docx = try await client.request(
                "/training/order?year=2027&group-by=school&order-number=15&order-date=01.12.2026&format=docx")
            #expect(docx.bytes.starts(with: Array("PK".utf8)))
            let document = try #require(try ZIPParts.read(docx.bytes)["word/document.xml"])
            #expect(document.contains("графика курсовой подготовки"))
            let xlsx = try await client.request("/training/order?year=2027&format=xlsx")
            #expect(xlsx.bytes.starts(with: Array("PK".utf8)))
            #expect(try ZIPParts.read(xlsx.bytes)["xl/workbook.xml"]?.contains("Итоги") == true)
            let md = try await client.request("/training/order?year=2027&format=md")
            #expect(md.body.contains("Об утверждении графика курсовой подготовки"))
            let html = try await client.request("/training/order?year=2027&format=html")
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func aSchoolAccountMayNotOpenTheDepartmentsTrainingPages() async throws {
        try await WebSandbox.loggedIn(as: .school) { client in
            for uri in ["/training", "/training/forecast", "/training/order?format=docx", "/training/attestation"] {
                let answer = try await client.request(uri)
                #expect(answer.status == .forbidden, "\(uri)")
            }
        }
    }
}
