import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// Imports by upload (issue 20): the file checked first with every error shown and its rejected
/// rows to download, then imported all or nothing under the user's name; the role, the CSRF
/// token, the size limit, another user's job and a busy database.
@Suite struct ImportRoutesTests {
    static let header = "Табельный номер;ФИО;Код ОО;Должность;Дата рождения"
    /// Three good people of the demo's school and two bad rows: a date that does not exist and
    /// a school that is not on record.
    static let rows = [
        "WEB-1;Абрикосова Алла Андреевна;SV010;учитель;01.02.1980",
        "WEB-2;Брусникин Борис Борисович;SV010;учитель;31.02.1980",
        "WEB-3;Вишнёва Вера Викторовна;SV010;учитель;03.04.1985",
        "WEB-4;Голубикин Глеб Григорьевич;НЕТ-ТАКОЙ;учитель;05.06.1990",
        "WEB-5;Дынина Дарья Денисовна;SV010;учитель;07.08.1995",
    ]

    /// The file as Excel saves a CSV in Russia: Windows-1251, semicolons, CRLF.
    static func cp1251(_ lines: [String]) -> [UInt8] {
        var lossy = false
        return Windows1251.encode(lines.joined(separator: "\r\n") + "\r\n", lossy: &lossy)
    }

    static func staffFile(_ lines: [String], name: String = "штат.csv") -> WebClient.FilePart {
        WebClient.FilePart(field: "file", name: name, bytes: cp1251([header] + lines))
    }

    /// Uploads `file` through the page's form (its own token) as `kind`.
    @discardableResult
    static func upload(_ client: WebClient, _ file: WebClient.FilePart?, kind: String = "auto") async throws
        -> WebClient.Answer
    {
        let page = try await client.request("/imports")
        return try await client.upload(
            "/imports", fields: [("csrf", try #require(page.csrf)), ("kind", kind)], file: file)
    }

    /// The job's page once its run is done (the page no longer refreshes itself).
    static func finished(_ client: WebClient, _ address: String) async throws -> WebClient.Answer {
        for _ in 0..<600 {
            let page = try await client.request(address)
            if !page.body.contains("http-equiv=\"refresh\"") { return page }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the job at \(address) did not finish")
        return try await client.request(address)
    }

    static func staffCount(_ sandbox: WebSandbox) throws -> Int {
        try sandbox.app().database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM staff WHERE staff_id LIKE 'WEB-%'") ?? 0
        }
    }

    /// The files left in the sandbox's uploads folder.
    static func uploads(_ sandbox: WebSandbox) -> [String] {
        let root = ImportJobs.directory(besideDatabase: sandbox.path)
        let found = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return found.filter { !$0.hasSuffix("/") && !FileManager.default.isDirectory(root.appendingPathComponent($0)) }
    }

    @Test func aWindows1251FileWithTwoBadRowsShowsEachErrorWritesNothingAndItsRejectsDownload() async throws {
        let sandbox = try await WebSandbox()
        let logged = try await sandbox.app().importLogCount()
        try await sandbox.test(as: .specialist) { client in
            let page = try await client.request("/imports")
            #expect(page.body.contains("enctype=\"multipart/form-data\""))
            #expect(page.body.contains("<option value=\"auto\" selected>определить по заголовкам</option>"))
            #expect(page.body.contains("<option value=\"staff\">Педагогические и руководящие работники</option>"))
            #expect(page.body.contains("accept=\".csv,.tsv,.txt,.xlsx\""))
            let answer = try await Self.upload(client, Self.staffFile(Self.rows))
            #expect(answer.status == .seeOther)
            let address = try #require(answer.location)
            #expect(address.hasPrefix("/imports/"))
            let done = try await Self.finished(client, address)
            #expect(done.status == .ok)
            #expect(
                done.text.contains(
                    "Импорт «штат.csv» (педагогические и руководящие работники) не выполнен: 2 ошибки в 2 строках."),
                "\(done.text)")
            // Each error: its line, column, value and what is wrong.
            #expect(done.text.contains("<tr><td>3</td><td>Дата рождения</td><td>31.02.1980</td><td>неверная дата"))
            #expect(done.text.contains("<tr><td>5</td><td>Код ОО</td><td>НЕТ-ТАКОЙ</td><td>нет школы с таким кодом"))
            #expect(!done.body.contains("/apply"))
            // The page left, the file is found again from the import page.
            let imports = try await client.request("/imports")
            #expect(imports.text.contains("<a href=\"\(address)\">«штат.csv» — ошибок: 2</a>"), "\(imports.text)")
            let rejects = try await client.request(address + "/rejects")
            #expect(rejects.status == .ok)
            #expect(rejects.headers[.contentType] == "text/csv; charset=windows-1251")
            #expect(rejects.headers[.contentDisposition]?.contains("filename*=UTF-8''") == true)
            let lines = Windows1251.decode(rejects.bytes).split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.count == 3, "\(lines)")
            #expect(lines.first == Self.header + ";Ошибки")
            #expect(lines.dropFirst().map { $0.prefix(5) } == ["WEB-2", "WEB-4"])
        }
        #expect(try Self.staffCount(sandbox) == 0)
        #expect(try await sandbox.app().importLogCount() == logged)
        let folder = ImportJobs.directory(besideDatabase: sandbox.path).path
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func theFixedFileIsImportedUnderTheUsersNameAndTheLogListsIt() async throws {
        let sandbox = try await WebSandbox()
        let logged = try await sandbox.app().importLogCount()
        let fixed = Self.rows.map {
            $0.replacingOccurrences(of: "31.02.1980", with: "28.02.1980").replacingOccurrences(
                of: "НЕТ-ТАКОЙ", with: "SV010")
        }
        try await sandbox.test(as: .specialist) { client in
            let address = try #require(try await Self.upload(client, Self.staffFile(fixed)).location)
            let checked = try await Self.finished(client, address)
            #expect(
                checked.text.contains(
                    "Проверка «штат.csv» (педагогические и руководящие работники): будет добавлено 5, изменено 0, без изменений 0. Это проверка: ничего не записано."
                ), "\(checked.text)")
            #expect(checked.body.contains("action=\"\(address)/apply\""))
            #expect(try Self.staffCount(sandbox) == 0)
            let csrf = try #require(checked.csrf)
            // The kind checked must be the kind imported.
            let other = try await client.request(
                address + "/apply", method: .post, form: [("csrf", csrf), ("kind", "schools")])
            #expect(other.status == .conflict)
            #expect(try Self.staffCount(sandbox) == 0)
            let applied = try await client.request(
                address + "/apply", method: .post, form: [("csrf", csrf), ("kind", "staff")])
            #expect(applied.status == .seeOther)
            #expect(applied.location == address)
            let done = try await Self.finished(client, address)
            #expect(
                done.text.contains(
                    "Импорт «штат.csv» (педагогические и руководящие работники): добавлено 5, изменено 0, без изменений 0."
                ), "\(done.text)")
            // Once only.
            let again = try await client.request(
                address + "/apply", method: .post, form: [("csrf", csrf), ("kind", "staff")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("уже загружен"))
            let log = try await client.request("/imports")
            #expect(log.text.contains("<td>Тестовый специалист (test-specialist)</td><td>штат.csv</td>"), "\(log.text)")
            let csv = try await client.request("/imports?format=csv")
            #expect(csv.text.contains("штат.csv"))
        }
        #expect(try Self.staffCount(sandbox) == 5)
        // The imported file's copy is gone from the server.
        #expect(Self.uploads(sandbox).isEmpty)
        let entries = try await sandbox.app().importLog(limit: nil)
        #expect(entries.count == logged + 1)
        #expect(entries.first?.fileName == "штат.csv")
        #expect(entries.first?.importedBy == "Тестовый специалист (test-specialist)")
        #expect(entries.first?.added == 5)
        let audited = try sandbox.app().database.auditEntries(AuditFilter(table: "staff"), limit: nil)
            .filter { $0.command == "веб: импорт «штат.csv»" }
        #expect(!audited.isEmpty && audited.allSatisfy { $0.actor == "Тестовый специалист (test-specialist)" })
    }

    @Test func aFileCheckedAsTheWrongKindSaysSoAndIsCheckedAgainAsItsOwn() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let address = try #require(
                try await Self.upload(client, Self.staffFile([Self.rows[0]]), kind: "schools").location)
            let wrong = try await Self.finished(client, address)
            #expect(wrong.text.contains("Импорт «штат.csv» (образовательные организации) не выполнен"), "\(wrong.text)")
            #expect(wrong.body.contains("<option value=\"schools\" selected>"))
            let csrf = try #require(wrong.csrf)
            let bad = try await client.request(
                address + "/check", method: .post, form: [("csrf", csrf), ("kind", "x")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("неизвестный вид «x»"))
            let again = try await client.request(
                address + "/check", method: .post, form: [("csrf", csrf), ("kind", "auto")])
            #expect(again.status == .seeOther)
            let right = try await Self.finished(client, address)
            #expect(
                right.text.contains("Проверка «штат.csv» (педагогические и руководящие работники): будет добавлено 1"))
        }
    }

    @Test func aFileThatIsNotATableIsRefusedNamingIt() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let pdf = WebClient.FilePart(field: "file", name: "приказ.pdf", bytes: Array("%PDF-1.7".utf8))
            let refused = try await Self.upload(client, pdf)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Поле «Файл»: «приказ.pdf» — не CSV, TSV, TXT или XLSX."))
            let empty = try await Self.upload(client, WebClient.FilePart(field: "file", name: "пусто.csv", bytes: []))
            #expect(empty.status == .unprocessableContent)
            let none = try await Self.upload(client, nil)
            #expect(none.status == .unprocessableContent)
            #expect(none.text.contains("Поле «Файл»: выберите файл для загрузки."))
            let kind = try await Self.upload(client, Self.staffFile(Self.rows), kind: "всё")
            #expect(kind.status == .unprocessableContent)
            #expect(kind.text.contains("Поле «Вид файла»: неизвестный вид «всё»"))
            // A workbook in name only: its content is not one.
            let broken = WebClient.FilePart(
                field: "file", name: "книга.xlsx", bytes: Array("PK\u{3}\u{4}не книга".utf8))
            let address = try #require(try await Self.upload(client, broken).location)
            let done = try await Self.finished(client, address)
            #expect(done.text.contains("Импорт «книга.xlsx» не выполнен"), "\(done.text)")
        }
        // The refused uploads left nothing; the checked one is kept for another check.
        let kept = Self.uploads(sandbox)
        #expect(kept.count == 1 && kept.allSatisfy { $0.hasSuffix("/книга.xlsx") }, "\(kept)")
    }

    @Test func aWorkbooksRejectedRowsDownloadAsAWorkbook() async throws {
        let sandbox = try await WebSandbox()
        let columns = Self.header.split(separator: ";").map { Column(String($0), String($0)) }
        let table = ReportTable(
            title: "", columns: columns,
            rows: Self.rows.map { $0.split(separator: ";").map { Cell.text(String($0)) } })
        let book = try XLSXWriter().render(sheets: [XLSXWriter.Sheet(name: "Штат", tables: [table])])
        try await sandbox.test(as: .specialist) { client in
            let file = WebClient.FilePart(field: "file", name: "штат.xlsx", bytes: book, type: Download.xlsxType)
            let address = try #require(try await Self.upload(client, file).location)
            let done = try await Self.finished(client, address)
            #expect(done.text.contains("Импорт «штат.xlsx» (педагогические и руководящие работники) не выполнен"))
            // A workbook's errors name their cells.
            #expect(done.text.contains("<tr><td>Штат!E3</td><td>Дата рождения</td><td>31.02.1980</td>"), "\(done.text)")
            let rejects = try await client.request(address + "/rejects")
            #expect(rejects.headers[.contentType] == Download.xlsxType)
            #expect(try rejects.package(contains: "WEB-4"))
            #expect(!(try rejects.package(contains: "WEB-3")))
        }
    }

    @Test func onlyARoleThatRunsImportsSeesThePageOrUploads() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test { client in
            for role in [Role.admin, .methodologist, .viewer, .school] {
                client.clearCookies()
                try await client.logIn(role)
                #expect(try await client.request("/imports").status == .forbidden, "\(role)")
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let answer = try await client.upload(
                    "/imports", fields: [("csrf", csrf), ("kind", "auto")], file: Self.staffFile(Self.rows))
                #expect(answer.status == .forbidden, "\(role)")
                #expect(!(try await client.request("/").body.contains("href=\"/imports\"")), "\(role)")
            }
        }
        #expect(Self.uploads(sandbox).isEmpty)
        #expect(try Self.staffCount(sandbox) == 0)
    }

    @Test func anUploadWithoutTheTokenIsRefusedAndLeavesNothing() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            for token in [nil, "поддельный-ключ"] as [String?] {
                let fields = [("kind", "auto")] + (token.map { [("csrf", $0)] } ?? [])
                let answer = try await client.upload("/imports", fields: fields, file: Self.staffFile(Self.rows))
                #expect(answer.status == .forbidden)
                #expect(answer.body.contains("Форма устарела"))
            }
        }
        #expect(Self.uploads(sandbox).isEmpty)
    }

    /// A TAB-separated `.tsv` in UTF-8 and a `.txt` as Excel saves «Текст (разделители — табуляция)»
    /// or a semicolon file renamed: the dry run reads their columns, errors with their lines.
    @Test func aTSVAndATXTFileAreReadByTheDryRun() async throws {
        let sandbox = try await WebSandbox()
        let tabbed = ([Self.header] + Self.rows[0...2]).map { $0.replacingOccurrences(of: ";", with: "\t") }
        let files = [
            WebClient.FilePart(
                field: "file", name: "штат.tsv", bytes: Array((tabbed.joined(separator: "\n") + "\n").utf8),
                type: "text/tab-separated-values"),
            WebClient.FilePart(
                field: "file", name: "штат.txt", bytes: Self.cp1251([Self.header] + Self.rows[0...2]),
                type: "text/plain"),
        ]
        try await sandbox.test(as: .specialist) { client in
            for file in files {
                let answer = try await Self.upload(client, file)
                #expect(answer.status == .seeOther, "\(file.name)")
                let done = try await Self.finished(client, try #require(answer.location))
                #expect(
                    done.text.contains(
                        "Импорт «\(file.name)» (педагогические и руководящие работники) не выполнен: 1 ошибка в 1 строке."
                    ), "\(file.name): \(done.text)")
                #expect(
                    done.text.contains("<tr><td>3</td><td>Дата рождения</td><td>31.02.1980</td><td>неверная дата"),
                    "\(file.name)")
                // Without the bad row, the same file's check counts what it would add.
                var fixed = file
                fixed.bytes =
                    file.name.hasSuffix(".tsv")
                    ? Array(
                        (tabbed.joined(separator: "\n").replacingOccurrences(of: "31.02", with: "28.02") + "\n").utf8)
                    : Self.cp1251(
                        ([Self.header] + Self.rows[0...2]).map { $0.replacingOccurrences(of: "31.02", with: "28.02") })
                let checked = try await Self.finished(
                    client, try #require(try await Self.upload(client, fixed).location))
                #expect(
                    checked.text.contains(
                        "Проверка «\(file.name)» (педагогические и руководящие работники): будет добавлено 3, изменено 0, без изменений 0."
                    ), "\(file.name): \(checked.text)")
            }
        }
        #expect(try Self.staffCount(sandbox) == 0)
    }

    /// Hummingbird's default 2 MiB body limit does not apply to the import route: a 3 MiB file
    /// is streamed to disk and checked whole.
    @Test func aFileOverTwoMebibytesIsTakenAndChecked() async throws {
        let sandbox = try await WebSandbox()
        var lines: [String] = []
        var size = 0
        let letters = Array("абвгдеёжзийклмнопрстуфхцчшщэюя")
        while size <= 3 * 1024 * 1024 {
            // A different surname on every line (letters, no digits), the demo's school.
            let n = lines.count
            let base = letters.count
            let surname = String([
                letters[n % base], letters[(n / base) % base], letters[(n / (base * base)) % base],
                letters[(n / (base * base * base)) % base],
            ])
            let line = "BIG-\(n);Тест\(surname)ова Анна Петровна;SV010;учитель;01.02.1980"
            // Windows-1251: a byte a letter, and CRLF.
            size += line.count + 2
            lines.append(line)
        }
        let file = Self.staffFile(lines, name: "большой.csv")
        let count = lines.count
        let threeMebibytes = 3 * 1024 * 1024
        try #require(file.bytes.count > threeMebibytes)
        try await sandbox.test(as: .specialist) { client in
            let answer = try await Self.upload(client, file)
            #expect(answer.status == .seeOther, "\(answer.text)")
            let address = try #require(answer.location)
            var done = try await client.request(address)
            for _ in 0..<2400 where done.body.contains("http-equiv=\"refresh\"") {
                try await Task.sleep(for: .milliseconds(50))
                done = try await client.request(address)
            }
            #expect(
                done.text.contains(
                    "Проверка «большой.csv» (педагогические и руководящие работники): будет добавлено \(count), изменено 0"
                ), "\(done.text.prefix(2000))")
        }
    }

    @Test func aFileOverTheLimitIs413AndLeavesNothing() async throws {
        let sandbox = try await WebSandbox()
        let big = Self.staffFile(Array(repeating: Self.rows[0], count: 200))
        try #require(big.bytes.count > 4096)
        try await sandbox.test(importLimit: 4096) { client in
            try await client.logIn(.specialist)
            let answer = try await Self.upload(client, big)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.text.contains("Слишком большой файл"))
            // A file within the limit is taken.
            #expect(try await Self.upload(client, Self.staffFile([Self.rows[0]])).status == .seeOther)
        }
        #expect(Self.uploads(sandbox).count == 1)
    }

    @Test func anotherUsersJobIsNotFound() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.app().addUser(
            login: "second-specialist", fullName: "Второй специалист", role: .specialist, schoolCode: nil,
            password: WebSandbox.password)
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let address = try #require(try await Self.upload(client, Self.staffFile(Self.rows)).location)
            _ = try await Self.finished(client, address)
            let other = WebClient(client.client)
            try await other.logIn(login: "second-specialist", password: WebSandbox.password)
            let csrf = try #require(try await other.request("/imports").csrf)
            #expect(try await other.request(address).status == .notFound)
            #expect(try await other.request(address + "/rejects").status == .notFound)
            let apply = try await other.request(
                address + "/apply", method: .post, form: [("csrf", csrf), ("kind", "staff")])
            #expect(apply.status == .notFound)
            let check = try await other.request(
                address + "/check", method: .post, form: [("csrf", csrf), ("kind", "auto")])
            #expect(check.status == .notFound)
            #expect(try await client.request(address).status == .ok)
        }
    }

    @Test func aRunningJobsPageReloadsItselfEveryTwoSecondsSayingHowFarItHasGot() async throws {
        var view = PageView(title: "Файл «штат.csv»")
        ImportRoutes.showProgress(&view, phase: .apply, line: 12000)
        let html = try await WebTemplates.load().render(view, "layout").replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"2\">"))
        #expect(html.contains("Идёт загрузка файла: прочитано строк файла — 12000."), "\(html)")
        var done = PageView(title: "Файл «штат.csv»")
        done.blocks = [.paragraph("Импорт выполнен.")]
        #expect(!(try await WebTemplates.load().render(done, "layout").contains("http-equiv")))
    }

    @Test func aCheckWhileAnotherProgramWritesEndsWithTheBusyMessage() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let page = try await sandbox.whileAnotherProgramWrites {
                let address = try #require(try await Self.upload(client, Self.staffFile(Self.rows)).location)
                return try await Self.finished(client, address)
            }
            #expect(page.status == .ok)
            #expect(page.text.contains("База данных занята"), "\(page.text)")
            #expect(page.body.contains("/check\""))
        }
        #expect(try Self.staffCount(sandbox) == 0)
    }
}

extension FileManager {
    /// Whether `url` is a folder.
    func isDirectory(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }
}
