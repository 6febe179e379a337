import Foundation
import HTTPTypes
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikStore
import NastavnikTestSupport
import Testing

@testable import NastavnikWeb

/// The evidence file itself, attached with a roadmap mark (issue 20): checked by its content and
/// size, stored in the database with the mark, served back only to those who may see the term.
@Suite struct EvidenceFileTests {
    /// A small valid PDF, as a scanner writes one's beginning and end.
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// Opens the term's page and posts its form as multipart with `values` over the form's own
    /// fields and `file` (none when nil).
    @discardableResult
    static func submit(
        _ client: WebClient, term: Int64, _ values: [String: String] = [:], file: WebClient.FilePart?,
        csrf: Bool = true
    ) async throws -> WebClient.Answer {
        let page = try await client.request("/roadmap/occurrences/\(term)")
        var fields: [String: String] = [
            "version": try #require(RoadmapMarkTests.hidden("version", in: page.body)), "status": "выполнено",
            "date": LocalDate.today().russian, "evidence": "Приказ № 7 от 01.12.2026", "note": "",
        ]
        fields.merge(values) { $1 }
        let ordered = (csrf ? [("csrf", try #require(page.csrf))] : []) + fields.sorted { $0.key < $1.key }
        return try await client.multipart(
            "/roadmap/occurrences/\(term)/status", fields: ordered, files: file.map { [$0] } ?? [])
    }

    static func part(_ name: String, _ bytes: [UInt8], type: String = "application/pdf") -> WebClient.FilePart {
        WebClient.FilePart(field: "file", name: name, bytes: bytes, type: type)
    }

    static func files(_ sandbox: WebSandbox, _ term: Int64) async throws -> [EvidenceFile] {
        try await sandbox.app().evidenceFiles(occurrence: term)
    }

    @Test func aMarkWithAPDFStoresTheFileInTheDatabaseAndServesItBack() async throws {
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/roadmap/occurrences/\(term)")
            #expect(page.body.contains("enctype=\"multipart/form-data\""))
            #expect(page.body.contains("type=\"file\""))
            #expect(page.body.contains("Файлы документов не приложены."))
            // The browser's type says nothing: the content does.
            let answer = try await Self.submit(
                client, term: term, file: Self.part("Приказ № 7.pdf", Self.pdf, type: "application/octet-stream"))
            #expect(answer.status == .seeOther, "\(answer.body)")
            let shown = try await client.request("/roadmap/occurrences/\(term)")
            #expect(shown.body.contains("приложен файл «Приказ № 7.pdf»"))
            let file = try #require(try await Self.files(sandbox, term).first)
            #expect(shown.body.contains("<a href=\"/roadmap/files/\(file.id)\">Приказ № 7.pdf</a>"))
            let download = try await client.request("/roadmap/files/\(file.id)")
            #expect(download.status == .ok)
            #expect(download.bytes == Self.pdf)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
        let files = try await Self.files(sandbox, term)
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.contentType == "application/pdf" && file.size == Self.pdf.count)
        #expect(file.sha256 == HexDigest.sha256(Self.pdf))
        #expect(file.recordedBy == "Тестовый специалист")
        // The file belongs to the mark it came with.
        #expect(file.statusChangeID == (try await sandbox.app().occurrenceVersion(id: term)))
        let audited = try sandbox.app().database.auditEntries(AuditFilter(table: "evidence_file"), limit: nil)
        #expect(audited.count == 1)
        #expect(audited.first?.actor == "Тестовый специалист (test-specialist)")
        #expect(audited.first?.command == "веб: отметка срока \(term)")
        // The log keeps the size, not the bytes.
        #expect(audited.first?.newValues["content"] == audited.first?.newValues["size"])
        #expect(audited.first?.newValues["content"] != nil)
        // A backup holds the file.
        let copy = sandbox.directory.path("copy.sqlite")
        try await sandbox.app().backup(to: copy)
        let restored = try NastavnikDatabase(path: copy).evidenceFileContent(id: file.id)
        #expect(restored.bytes == Self.pdf)
    }

    @Test func aWordDocumentAndAPhotoAreAcceptedByTheirContent() async throws {
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        let docx = try ZIPArchiveBytes.make([
            ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"),
        ])
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)
        try await sandbox.test(as: .admin) { client in
            let word = try await Self.submit(client, term: term, file: Self.part("акт.docx", docx))
            #expect(word.status == .seeOther)
            let photo = try await Self.submit(client, term: term, file: Self.part("фото.png", png))
            #expect(photo.status == .seeOther)
        }
        #expect(
            try await Self.files(sandbox, term).map(\.contentType) == [
                EvidenceFileKind.docx.contentType, EvidenceFileKind.png.contentType,
            ])
    }

    @Test func aFileOfTheWrongKindTooLargeOrEmptyIsNamedBesideItsFieldAndNothingIsWritten() async throws {
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        let large = Self.pdf + [UInt8](repeating: 0x20, count: EvidenceFileRule.sizeLimit + 1024 - Self.pdf.count)
        let zip = try ZIPArchiveBytes.make([("readme.txt", "не документ")])
        let cases: [(WebClient.FilePart, String)] = [
            (
                Self.part("приказ.pdf", Array("<html><body>приказ</body></html>".utf8)),
                "Файл «приказ.pdf» — не PDF, DOCX, XLSX, JPG или PNG"
            ),
            (Self.part("архив.docx", zip), "Файл «архив.docx» — не PDF, DOCX, XLSX, JPG или PNG"),
            (Self.part("скан.pdf", large), "Файл «скан.pdf» — 20,0 МБ, больше допустимых 20 МБ"),
            (Self.part("пусто.pdf", []), "Файл «пусто.pdf» пуст"),
        ]
        try await sandbox.test(as: .specialist) { client in
            for (file, message) in cases {
                let answer = try await Self.submit(client, term: term, ["note": "заметка"], file: file)
                #expect(answer.status == .unprocessableContent, "\(file.name)")
                #expect(
                    answer.body.contains("<p class=\"error\" id=\"f-file-error\">Поле «Файл документа»: "),
                    "\(file.name)")
                #expect(answer.body.contains(message), "\(file.name)")
                #expect(answer.body.contains(">заметка</textarea>"))
                #expect(answer.body.components(separatedBy: "<p class=\"error\"").count == 2, "\(file.name)")
            }
            // A good file with a bad field is not stored either.
            let answer = try await Self.submit(client, term: term, ["evidence": ""], file: Self.part("a.pdf", Self.pdf))
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("f-evidence-error"))
        }
        #expect(try await Self.files(sandbox, term).isEmpty)
        #expect(try await RoadmapMarkTests.historyCount(sandbox, term) == 0)
        #expect(try sandbox.app().database.auditEntries(AuditFilter(table: "evidence_file"), limit: nil).isEmpty)
    }

    @Test func withoutTheTokenOrTheRightTheFileIsRefusedAndNothingIsWritten() async throws {
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let forged = try await Self.submit(client, term: term, file: Self.part("a.pdf", Self.pdf), csrf: false)
            #expect(forged.status == .forbidden)
            #expect(forged.body.contains("Форма устарела"))
            for role in [Role.viewer, .methodologist, .school] {
                client.clearCookies()
                try await client.logIn(role)
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let answer = try await client.multipart(
                    "/roadmap/occurrences/\(term)/status",
                    fields: [
                        ("csrf", csrf), ("version", "0"), ("status", "выполнено"), ("date", LocalDate.today().russian),
                        ("evidence", "Приказ № 1"),
                    ], files: [Self.part("a.pdf", Self.pdf)])
                #expect(answer.status == .forbidden, "\(role)")
            }
        }
        #expect(try await Self.files(sandbox, term).isEmpty)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }

    /// A role that may mark nothing is refused before its body is read: a file leaves nothing in
    /// the temporary folder, and even a body that is not a form at all gets 403 (not 400).
    @Test func aViewersFileIsRefusedBeforeItIsRead() async throws {
        // A form cut off in its first part: read, it is a 400.
        let cut = ByteBuffer(string: "--XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nнеполная")
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        let audited = try sandbox.app().database.auditCount(AuditFilter())
        let temporary = FileManager.default.temporaryDirectory.path
        func folders() throws -> Set<String> {
            Set(
                try FileManager.default.contentsOfDirectory(atPath: temporary).filter {
                    $0.hasPrefix("nastavnik-evidence-")
                })
        }
        let before = try folders()
        try await sandbox.test { client in
            for role in [Role.viewer, .methodologist] {
                client.clearCookies()
                try await client.logIn(role)
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let answer = try await client.multipart(
                    "/roadmap/occurrences/\(term)/status",
                    fields: [
                        ("csrf", csrf), ("version", "0"), ("status", "выполнено"), ("date", LocalDate.today().russian),
                        ("evidence", "Приказ № 1"),
                    ], files: [Self.part("a.pdf", Self.pdf + [UInt8](repeating: 0x20, count: 1 << 20))])
                #expect(answer.status == .forbidden, "\(role)")
                let garbled = try await client.request(
                    "/roadmap/occurrences/\(term)/status", method: .post, body: cut,
                    contentType: "multipart/form-data; boundary=XYZ")
                #expect(garbled.status == .forbidden, "\(role)")
            }
            // A specialist's is read, and refused as cut off.
            client.clearCookies()
            try await client.logIn(.specialist)
            let garbled = try await client.request(
                "/roadmap/occurrences/\(term)/status", method: .post, body: cut,
                contentType: "multipart/form-data; boundary=XYZ")
            #expect(garbled.status == .badRequest)
        }
        // Other tests' uploads run meanwhile: their folders go when their requests end, a
        // folder left by these would stay.
        var left = try folders().subtracting(before)
        for _ in 0..<200 where !left.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            left = try folders().subtracting(before)
        }
        #expect(left.isEmpty)
        #expect(try await Self.files(sandbox, term).isEmpty)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == audited)
    }

    @Test func aFileSentWithAStaleFormIsRefusedWithTheMark() async throws {
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let admin = WebClient(client.client)
            try await admin.logIn(.admin)
            let page = try await client.request("/roadmap/occurrences/\(term)")
            #expect(try await RoadmapMarkTests.submit(admin, term: term).status == .seeOther)
            let answer = try await client.multipart(
                "/roadmap/occurrences/\(term)/status",
                fields: [
                    ("csrf", try #require(page.csrf)),
                    ("version", try #require(RoadmapMarkTests.hidden("version", in: page.body))),
                    ("status", "выполнено"), ("date", LocalDate.today().russian), ("evidence", "Акт специалиста"),
                ], files: [Self.part("акт.pdf", Self.pdf)])
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем Тестовый администратор"))
            #expect(answer.body.contains("value=\"Акт специалиста\""))
        }
        #expect(try await Self.files(sandbox, term).isEmpty)
        #expect(try await RoadmapMarkTests.historyCount(sandbox, term) == 1)
    }

    @Test func aSchoolAccountGetsItsOwnSchoolsFilesOnly() async throws {
        let sandbox = try await WebSandbox()
        try await RoadmapRoutesTests.loadSchoolRoadmap(sandbox)
        let app = try sandbox.app()
        let own = try #require(
            try await app.occurrences(OccurrenceFilter(schoolCode: WebSandbox.school), asOf: .today()).first?.id)
        let other = try await RoadmapMarkTests.anyTerm(sandbox)
        let attachment = EvidenceAttachment(fileName: "акт.pdf", bytes: Self.pdf)
        let ownFile = try await app.attachEvidence(attachment, occurrence: own, by: "Тест")
        let otherFile = try await app.attachEvidence(attachment, occurrence: other, by: "Тест")
        try await sandbox.test(as: .school) { client in
            #expect(try await client.request("/roadmap/files/\(ownFile)").bytes == Self.pdf)
            #expect(try await client.request("/roadmap/files/\(otherFile)").status == .forbidden)
            #expect(try await client.request("/roadmap/files/999999").status == .notFound)
            #expect(try await client.request("/roadmap/files/абв").status == .notFound)
            // The school marks its own term with a file.
            let answer = try await Self.submit(client, term: own, file: Self.part("протокол.pdf", Self.pdf))
            #expect(answer.status == .seeOther)
        }
        try await sandbox.test(as: .viewer) { client in
            let answer = try await client.request("/roadmap/files/\(otherFile)")
            #expect(answer.status == .ok)
        }
        try await sandbox.test { client in
            let visitor = try await client.request("/roadmap/files/\(ownFile)")
            #expect(visitor.status == .seeOther)
        }
        #expect(try await Self.files(sandbox, own).count == 2)
    }

    @Test func theStoreKeepsTheMarkAndItsFileTogether() async throws {
        let sandbox = try await WebSandbox()
        let term = try await RoadmapMarkTests.anyTerm(sandbox)
        let database = try sandbox.app().database
        // A file the rule refuses, given to the store directly, leaves no mark either.
        #expect(throws: StoreError.self) {
            try database.markOccurrence(
                id: term, status: .done, date: .today(), evidence: "Акт", note: nil, by: "Тест",
                file: EvidenceAttachment(fileName: "вирус.exe", bytes: Array("MZ".utf8)))
        }
        #expect(try database.occurrenceHistory(id: term).isEmpty)
        #expect(try database.evidenceFiles(occurrence: term).isEmpty)
        #expect(throws: StoreError.self) {
            try database.attachEvidence(
                EvidenceAttachment(fileName: "a.pdf", bytes: Self.pdf), occurrence: 999_999, by: nil)
        }
        // Attached on its own, a file goes with the term's latest mark.
        try database.markOccurrence(id: term, status: .inProgress, date: .today(), evidence: nil, note: nil, by: "Тест")
        let id = try database.attachEvidence(
            EvidenceAttachment(fileName: "a.pdf", bytes: Self.pdf), occurrence: term, by: "Тест")
        #expect(
            try database.evidenceFileContent(id: id).file.statusChangeID == (try database.occurrenceVersion(id: term)))
        #expect(throws: StaleRecordError.self) {
            try database.attachEvidence(
                EvidenceAttachment(fileName: "b.pdf", bytes: Self.pdf), occurrence: term, by: "Тест", expectedVersion: 0
            )
        }
    }
}
