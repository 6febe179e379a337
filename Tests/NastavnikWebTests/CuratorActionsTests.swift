import Foundation
import HTTPTypes
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikWeb

/// The curators' actions (issue 20): the suggestion changed by locks, forbidden pairs and a
/// capacity, its pairs recorded by an order, all or none, under the user's name; the errors
/// beside their fields, the role, the CSRF token and a stale suggestion.
@Suite struct CuratorActionsTests {
    static let page = "/curators/suggestions"
    static let specialist = "Тестовый специалист (test-specialist)"

    /// The hidden fields of the form posting to `action` in a page, unescaped.
    static func hiddenFields(action: String, in body: String) throws -> [String: String] {
        let start = try #require(body.range(of: "action=\"\(action)\""))
        let end = try #require(body.range(of: "</form>", range: start.upperBound..<body.endIndex))
        let form = String(body[start.upperBound..<end.lowerBound])
        let pattern = try NSRegularExpression(pattern: "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
        var fields: [String: String] = [:]
        for match in pattern.matches(in: form, range: NSRange(form.startIndex..., in: form)) {
            let text = { (i: Int) in String(form[Range(match.range(at: i), in: form)!]) }
            fields[text(1)] = text(2).replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        return fields
    }

    /// Opens `path` and posts its form to `action` with its hidden fields and `values`.
    @discardableResult
    static func submit(_ client: WebClient, path: String = page, action: String, _ values: [String: String])
        async throws
        -> WebClient.Answer
    {
        let opened = try await client.request(path)
        #expect(opened.status == .ok, "\(opened.body)")
        var fields = try hiddenFields(action: action, in: opened.body)
        fields.merge(values) { $1 }
        return try await client.request(action, method: .post, form: fields.sorted { $0.key < $1.key })
    }

    static func record(_ client: WebClient, path: String = page, _ values: [String: String] = [:]) async throws
        -> WebClient.Answer
    {
        try await submit(
            client, path: path, action: "/curators/assign",
            ["number": "45", "date": "01.12.2026"].merging(values) { $1 })
    }

    /// The active pairs as «school:curator».
    static func pairs(_ sandbox: WebSandbox) async throws -> Set<String> {
        Set(try await sandbox.app().curatorPairings().map { "\($0.schoolCode):\($0.curatorSchoolCode)" })
    }

    /// Posts `form` to `action` without a token and with wrong ones: each is a 403 «Форма устарела».
    static func expectRefusedWithoutAValidToken(_ client: WebClient, _ action: String, _ form: [(String, String)])
        async throws
    {
        for token in [nil, "", "поддельный-ключ", CSRFToken.token(forSession: "чужая-сессия")] as [String?] {
            var fields = form
            if let token { fields.append(("csrf", token)) }
            let answer = try await client.request(action, method: .post, form: fields)
            #expect(answer.status == .forbidden, "\(action) \(token ?? "nil")")
            #expect(answer.body.contains("Форма устарела"))
        }
    }

    static func audited(_ sandbox: WebSandbox, table: String, command: String) throws -> [AuditEntry] {
        try sandbox.app().database.auditEntries(AuditFilter(table: table), limit: nil).filter { $0.command == command }
    }

    @Test func aSpecialistRecordsTheSuggestionByAnOrderAndDownloadsIt() async throws {
        let sandbox = try await WebSandbox()
        let suggested = try await sandbox.app().suggestCurators(years: nil, capacity: 2)
        let expected = CuratorRoutes.pairs(suggested).map { "\($0.school):\($0.curator)" }
        try #require(expected.count > 5)
        try await sandbox.test(as: .specialist) { client in
            let opened = try await client.request(Self.page)
            #expect(opened.body.contains("Будет записано \(expected.count) пар"))
            #expect(
                try Self.hiddenFields(action: "/curators/assign", in: opened.body)["pairs"]
                    == expected.joined(separator: ","))
            let answer = try await Self.record(client)
            #expect(answer.status == .seeOther)
            let location = try #require(answer.location)
            #expect(location == "/curators?number=45&date=01.12.2026")
            let shown = try await client.request(location)
            #expect(
                shown.body.contains(
                    "Назначения кураторов записаны: \(expected.count) пар, приказ № 45 от 01.12.2026."))
            #expect(shown.body.contains("/curators/order?number=45&amp;date=01.12.2026&amp;format=docx"))
            let order = try await client.request("/curators/order?number=45&date=01.12.2026&format=docx")
            #expect(order.status == .ok)
            #expect(order.bytes.starts(with: Array("PK".utf8)))
        }
        let lines = try await sandbox.app().curatorPairings()
        #expect(try await Self.pairs(sandbox).isSuperset(of: expected))
        for pair in expected {
            let line = try #require(lines.first { "\($0.schoolCode):\($0.curatorSchoolCode)" == pair })
            #expect(line.orderRef == "Приказ от 01.12.2026 № 45", "\(pair)")
        }
        let entries = try Self.audited(sandbox, table: "curator_pairing", command: "веб: назначение кураторов")
        #expect(!entries.isEmpty && entries.allSatisfy { $0.actor == Self.specialist })
    }

    @Test func locksForbiddenPairsAndACapacityChangeTheSuggestion() async throws {
        let sandbox = try await WebSandbox()
        try await sandbox.test(as: .specialist) { client in
            let plain =
                try Self.hiddenFields(
                    action: "/curators/assign", in: try await client.request(Self.page).body)["pairs"] ?? ""
            #expect(plain.contains("SV003:SV006"))
            let forbidden = try await client.request(Self.page + "?forbid=SV003%3ASV006")
            let forbiddenPairs = try Self.hiddenFields(action: "/curators/assign", in: forbidden.body)
            #expect(!(forbiddenPairs["pairs"] ?? "").contains("SV003:SV006"))
            #expect(forbiddenPairs["forbid"] == "SV003:SV006")
            let locked = try await client.request(Self.page + "?lock=SV003%3ASV007%2C+SV004%3ASV007&capacity=3")
            let lockedPairs = try Self.hiddenFields(action: "/curators/assign", in: locked.body)["pairs"] ?? ""
            #expect(lockedPairs.contains("SV003:SV007") && lockedPairs.contains("SV004:SV007"))
            // SV006 may take no school: its schools go elsewhere once the capacity is recorded.
            let saved = try await Self.submit(
                client, action: "/curators/capacity", ["curator_school": "SV006", "school_capacity": "0"])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.location)
            #expect(location.hasPrefix(Self.page))
            let after = try await client.request(location)
            #expect(after.body.contains("Записано: школа SV006 может курировать 0 школ; предложение пересчитано."))
            let pairs = try Self.hiddenFields(action: "/curators/assign", in: after.body)["pairs"] ?? ""
            #expect(!pairs.contains(":SV006"))
        }
        let school = try sandbox.app().database.matchSchools(years: nil).first { $0.code == "SV006" }
        #expect(school?.capacity == 0)
        let entries = try Self.audited(sandbox, table: "school", command: "веб: вместимость куратора SV006")
        #expect(entries.count == 1 && entries.first?.actor == Self.specialist)
    }

    @Test func eachBadValueIsShownBesideItsFieldAndNothingIsWritten() async throws {
        let sandbox = try await WebSandbox()
        let before = try await Self.pairs(sandbox)
        let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
        // The suggestion's own fields (a page that writes nothing, answered 422).
        let pageCases: [(query: String, field: String, message: String)] = [
            ("lock=SV003", "lock", "Пара «SV003» в поле «Закрепить пары» записывается как ШКОЛА:КУРАТОР."),
            ("lock=SV003%3ASV999", "lock", "Нет школы с кодом «SV999» (поле «Закрепить пары» SV003:SV999)."),
            ("lock=SV006%3ASV007", "lock", "Пару SV006:SV007 (поле «Закрепить пары») закрепить нельзя: школа SV006"),
            (
                "forbid=SV003%3ASV003", "forbid",
                "Школа не может курировать сама себя (поле «Запретить пары» SV003:SV003)."
            ),
            ("capacity=-1", "capacity", "Поле «Вместимость куратора»: «-1» — укажите целое число от 0 до 20."),
            ("years=давно", "years", "Поле «Годы результатов»: «давно» — не годы"),
        ]
        // The forms' fields (posted, answered 422 with the values kept).
        let formCases: [(action: String, values: [String: String], field: String, message: String)] = [
            ("/curators/assign", ["number": ""], "number", "Поле «Номер приказа»: укажите номер приказа."),
            ("/curators/assign", ["date": "31.02.2026"], "date", "Поле «Дата приказа»: «31.02.2026» — не дата"),
            ("/curators/assign", ["date": ""], "date", "Поле «Дата приказа»: укажите дату, ДД.ММ.ГГГГ."),
            (
                "/curators/capacity", ["school_capacity": "три"], "school_capacity",
                "Поле «Вместимость»: «три» — укажите"
            ),
            ("/curators/capacity", ["curator_school": ""], "curator_school", "Поле «Школа-куратор»: выберите школу."),
            ("/curators/capacity", ["curator_school": "SV999"], "curator_school", "нет школы с кодом «SV999»"),
        ]
        try await sandbox.test(as: .specialist) { client in
            for (query, field, message) in pageCases {
                let answer = try await client.request(Self.page + "?" + query)
                #expect(answer.status == .unprocessableContent, "\(query)")
                #expect(answer.body.contains("id=\"f-\(field)-error\""), "\(query)")
                #expect(answer.body.contains(message), "\(query): \(answer.body)")
                #expect(!answer.body.contains("action=\"/curators/assign\""), "\(query)")
            }
            for (action, values, field, message) in formCases {
                let filled =
                    action == "/curators/assign"
                    ? ["number": "45 <b>", "date": "01.12.2026"] : ["curator_school": "SV006", "school_capacity": "3"]
                let answer = try await Self.submit(client, action: action, filled.merging(values) { $1 })
                #expect(answer.status == .unprocessableContent, "\(values)")
                #expect(answer.body.contains("<p class=\"error\" id=\"f-\(field)-error\">"), "\(values)")
                #expect(answer.body.contains(message), "\(values): \(answer.body)")
                #expect(answer.body.components(separatedBy: "<p class=\"error\"").count == 2, "\(values)")
                if action == "/curators/assign", values["number"] == nil {
                    #expect(answer.body.contains("value=\"45 &lt;b&gt;\""), "\(values)")
                }
            }
        }
        #expect(try await Self.pairs(sandbox) == before)
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == auditBefore)
    }

    @Test func aPairTheRuleRefusesLeavesEveryPairUnwritten() async throws {
        let sandbox = try await WebSandbox()
        let before = try await Self.pairs(sandbox)
        try await sandbox.test(as: .specialist) { client in
            // The second pair's school needs no curator: the first is not written either.
            let answer = try await Self.record(client, ["pairs": "SV003:SV006,SV006:SV007"])
            #expect(answer.status == .unprocessableContent)
            #expect(answer.body.contains("Пара SV006 → SV007 не записана: школа SV006 не нуждается в кураторе"))
        }
        #expect(try await Self.pairs(sandbox) == before)
    }

    @Test func onlyTheSpecialistMayRecordPairsOrCapacities() async throws {
        let sandbox = try await WebSandbox()
        let expected: [(Role, HTTPResponse.Status)] = [
            (.admin, .forbidden), (.methodologist, .forbidden), (.viewer, .forbidden), (.school, .forbidden),
            (.specialist, .seeOther),
        ]
        try await sandbox.test { client in
            let visitor = try await client.request("/curators/assign", method: .post, form: [("number", "1")])
            #expect(visitor.status == .seeOther)
            #expect(visitor.location == "/login?next=%2Fcurators%2Fsuggestions")
            for (role, status) in expected {
                client.clearCookies()
                try await client.logIn(role)
                let csrf = try #require(try await client.request("/roadmap").csrf)
                let version = try await sandbox.app().curatorsVersion()
                if role != .school {
                    let page = try await client.request(Self.page)
                    #expect(page.body.contains("Записать назначения") == (status == .seeOther), "\(role)")
                }
                let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
                let answer = try await client.request(
                    "/curators/capacity", method: .post,
                    form: [
                        ("csrf", csrf), ("version", String(version)), ("curator_school", "SV006"),
                        ("school_capacity", "1"),
                    ])
                #expect(answer.status == status, "\(role)")
                let written = try sandbox.app().database.auditCount(AuditFilter()) - auditBefore
                #expect((written > 0) == (status == .seeOther), "\(role)")
                let assign = try await client.request(
                    "/curators/assign", method: .post,
                    form: [
                        ("csrf", csrf), ("version", "0"), ("number", "1"), ("date", "01.12.2026"),
                        ("pairs", "SV003:SV006"),
                    ])
                #expect(assign.status == (status == .seeOther ? .conflict : status), "\(role)")
            }
        }
    }

    @Test func aFormWithoutOrWithAWrongCSRFTokenChangesNothing() async throws {
        let sandbox = try await WebSandbox()
        let auditBefore = try sandbox.app().database.auditCount(AuditFilter())
        let version = try await sandbox.app().curatorsVersion()
        try await sandbox.test(as: .specialist) { client in
            for action in ["/curators/assign", "/curators/capacity"] {
                try await Self.expectRefusedWithoutAValidToken(
                    client, action,
                    [
                        ("version", String(version)), ("number", "1"), ("date", "01.12.2026"),
                        ("pairs", "SV003:SV006"), ("curator_school", "SV006"), ("school_capacity", "1"),
                    ])
            }
        }
        #expect(try sandbox.app().database.auditCount(AuditFilter()) == auditBefore)
    }

    @Test func aSuggestionOpenedBeforeAnotherSaveIsRefusedNamingWhoChangedIt() async throws {
        let sandbox = try await WebSandbox()
        let before = try await Self.pairs(sandbox)
        try await sandbox.test { client in
            try await client.logIn(.specialist)
            let other = WebClient(client.client)
            try await other.logIn(.specialist)
            // The first session opens the suggestion; the other records a capacity first.
            let opened = try await client.request(Self.page)
            var fields = try Self.hiddenFields(action: "/curators/assign", in: opened.body)
            let saved = try await Self.submit(
                other, action: "/curators/capacity", ["curator_school": "SV007", "school_capacity": "4"])
            #expect(saved.status == .seeOther)
            fields.merge(["number": "46", "date": "02.12.2026"]) { $1 }
            let answer = try await client.request(
                "/curators/assign", method: .post, form: fields.sorted { $0.key < $1.key })
            #expect(answer.status == .conflict)
            #expect(answer.body.contains("Запись изменена пользователем \(Self.specialist) в "))
            #expect(answer.body.contains("; откройте её заново."))
            #expect(answer.body.contains("value=\"46\""))
            // The capacity form opened on the same version is refused as well.
            var capacity = try Self.hiddenFields(action: "/curators/capacity", in: opened.body)
            capacity.merge(["curator_school": "SV006", "school_capacity": "1"]) { $1 }
            let refused = try await client.request(
                "/curators/capacity", method: .post, form: capacity.sorted { $0.key < $1.key })
            #expect(refused.status == .conflict)
        }
        #expect(try await Self.pairs(sandbox) == before)
        let schools = try sandbox.app().database.matchSchools(years: nil)
        #expect(schools.first { $0.code == "SV006" }?.capacity == 2)
    }

    @Test func aRecordWhileAnImportHoldsTheDatabaseSaysItIsBusyAndKeepsTheForm() async throws {
        let sandbox = try await WebSandbox()
        let before = try await Self.pairs(sandbox)
        try await sandbox.test(as: .specialist) { client in
            let opened = try await client.request(Self.page)
            var fields = try Self.hiddenFields(action: "/curators/assign", in: opened.body)
            fields.merge(["number": "47", "date": "03.12.2026"]) { $1 }
            let answer = try await sandbox.whileAnotherProgramWrites {
                try await client.request("/curators/assign", method: .post, form: fields.sorted { $0.key < $1.key })
            }
            #expect(answer.status == .serviceUnavailable)
            #expect(answer.body.contains("База данных занята"))
            #expect(answer.body.contains("value=\"47\""))
        }
        #expect(try await Self.pairs(sandbox) == before)
    }
}
