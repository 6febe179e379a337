import Foundation
import Testing

@testable import NastavnikCLI

/// `risks propose|set|list|show` on a small municipality: A has too few teachers for its
/// pupils and many «2»; B has pupils whose native language is not Russian.
@Suite struct RisksCommandTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static var files: [(String, String)] {
        [
            (
                "schools",
                "Код ОО;Наименование ОО;Статус;Численность обучающихся\nA;Школа А;НОР;47\nB;Школа Б;;100\n"
            ),
            (
                "staff",
                "Табельный номер;ФИО;Код ОО;Должность\nT1;Учитель Первый;A;учитель\nT2;Учитель Второй;A;учитель\n"
            ),
            (
                "results",
                "Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Доля «2»\nA;2025;ВПР;математика;5;30;3,1;30%\nA;2025;ВПР;русский язык;5;10;3,5;0%\n"
            ),
            ("social", "Код ОО;Год;Доля обучающихся, для которых русский язык не родной\nB;2025;12\n"),
        ]
    }

    func risks(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
        await run(["risks"] + arguments + ["--db", sandbox.db])
    }

    @Test func proposeGivesTheIssuesJSONKeysAndSaysWhatIsNotProposed() async throws {
        let result = await risks(["propose", "--year", "2025", "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        let proposals = try jsonArray(result.out)
        for proposal in proposals {
            #expect(Set(proposal.keys) == ["school_code", "factor", "factor_name", "level", "reasons"])
            #expect(["high", "medium", "low"].contains(proposal["level"] as? String ?? ""))
            #expect((proposal["reasons"] as? [String])?.isEmpty == false)
        }
        let a = proposals.filter { $0["school_code"] as? String == "A" }
        // 47 pupils, 2 teachers: 23,5 a teacher; 30 of 40 at 30 %: 22,5 % of «2»; nobody trained.
        #expect(a.map { $0["factor"] as? Int } == [2, 5, 6])
        #expect(a.map { $0["level"] as? String } == ["high", "high", "high"])
        #expect(a[0]["factor_name"] as? String == "Дефицит педагогических кадров")
        let b = proposals.filter { $0["school_code"] as? String == "B" }
        #expect(b.map { $0["factor"] as? Int } == [10] && b.first?["level"] as? String == "medium")
        let one = await risks(["propose", "--year", "2025", "--school", "B"])
        #expect(one.status == 0 && one.out.contains("Низкое качество преодоления языковых и культурных барьеров"))
        #expect(!one.out.contains("Школа А") && one.err.contains("Не предложены (нет данных в Наставнике)"))
        let unknown = await risks(["propose", "--year", "2025", "--school", "Z"])
        #expect(unknown.status != 0 && unknown.err.contains("«Z»"))
    }

    @Test func savedProposalsKeepAHandSetLevelUnlessReplaced() async throws {
        let set = await risks([
            "set", "A", "--year", "2025", "--factor", "6", "--level", "низкий", "--note", "проверено",
        ])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out.contains("фактор 6") && set.out.contains("«низкий»"))
        let saved = await risks(["propose", "--year", "2025", "--save"])
        #expect(saved.status == 0, "\(saved.err)")
        #expect(saved.err.contains("Записано уровней: 3") && saved.err.contains("вручную: 1"))
        var show = await risks(["show", "A", "--format", "json"])
        var profile = try #require(try jsonObject(show.out)["profile"] as? [[String: Any]])
        #expect(profile.map { $0["level"] as? String } == ["высокий", "высокий", "низкий"])
        #expect(
            profile.last?["source"] as? String == "установлен вручную"
                && profile.last?["note"] as? String == "проверено")
        #expect((profile.first?["reasons"] as? [String])?.first?.contains("23,5 обучающихся") == true)
        let replaced = await risks(["propose", "--year", "2025", "--save", "--replace"])
        #expect(replaced.err.contains("Записано уровней: 1"))
        show = await risks(["show", "A", "--format", "json"])
        profile = try #require(try jsonObject(show.out)["profile"] as? [[String: Any]])
        #expect(profile.last?["level"] as? String == "высокий")
    }

    /// The blank file is the long layout: a file of both layouts would be refused.
    @Test func theTemplateIsTheLongLayoutAndImports() async throws {
        let template = await run(["template", "risks"])
        #expect(template.status == 0)
        #expect(template.out.hasPrefix("Код ОО;Год;Фактор риска;Уровень риска;Комментарий"))
        let file = sandbox.write("profile.csv", template.out + "A;2025;3;средний;\n")
        let imported = await run(["import", file, "--db", sandbox.db])
        #expect(imported.status == 0, "\(imported.err)")
        let profile =
            try jsonObject((await risks(["show", "A", "--format", "json"])).out)["profile"] as? [[String: Any]]
        #expect(profile?.map { $0["level"] as? String } == ["средний"])
    }

    /// `risks import FILE` (the issue's name) is the same import: a Windows-1251 file from a
    /// region, a bad level refused naming its line, column and value with nothing written, then
    /// the fixed file loaded, and loaded again unchanged.
    @Test func risksImportReadsARegionsFileAllOrNothing() async throws {
        let bad =
            "Код ОО;Год;Фактор риска;Уровень риска\nA;2025;Дефицит педагогических кадров;высокий\nB;2025;10;очень высокий\n"
        let path = sandbox.path("профиль.csv")
        try Data(bad.data(using: .windowsCP1251)!).write(to: URL(fileURLWithPath: path))
        let refused = await risks(["import", path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("профиль.csv:3") && refused.err.contains("«очень высокий»"), "\(refused.err)")
        let profileOfA = { () async throws -> [[String: Any]] in
            try jsonObject((await self.risks(["show", "A", "--format", "json"])).out)["profile"] as? [[String: Any]]
                ?? []
        }
        #expect(try await profileOfA().isEmpty)
        try Data(bad.replacingOccurrences(of: "очень высокий", with: "низкий").data(using: .windowsCP1251)!)
            .write(to: URL(fileURLWithPath: path))
        let loaded = await risks(["import", path])
        #expect(loaded.status == 0, "\(loaded.err)")
        let again = await risks(["import", path, "--format", "json"])
        #expect(again.out.contains("\"unchanged\" : 2"), "\(again.out)")
        let profile =
            try jsonObject((await risks(["show", "B", "--format", "json"])).out)["profile"] as? [[String: Any]]
        #expect(profile?.map { $0["level"] as? String } == ["низкий"])
        #expect(try await profileOfA().map { $0["factor"] as? Int } == [2])
    }

    @Test func setTakesTheFactorByNameAndRefusesUnknownValuesListingTheChoices() async throws {
        let byName = await risks([
            "set", "B", "--year", "2024", "--factor", "дефицит педагогических кадров", "--level", "high",
        ])
        #expect(byName.status == 0, "\(byName.err)")
        let factor = await risks(["set", "B", "--year", "2024", "--factor", "11", "--level", "высокий"])
        #expect(factor.status != 0)
        #expect(factor.err.contains("«11» — не фактор риска") && factor.err.contains("10 — Низкое качество"))
        let level = await risks(["set", "B", "--year", "2024", "--factor", "2", "--level", "огромный"])
        #expect(
            level.status != 0
                && level.err.contains("«огромный» — не уровень риска; укажите: высокий, средний или низкий"))
        let school = await risks(["set", "Z", "--year", "2024", "--factor", "2", "--level", "высокий"])
        #expect(school.status != 0 && school.err.contains("«Z»"))
    }

    @Test func listIsTheMatrixWithCountsAndShowHasTheYearsDynamics() async throws {
        _ = await risks(["set", "A", "--year", "2024", "--factor", "2", "--level", "средний"])
        _ = await risks(["set", "A", "--year", "2025", "--factor", "2", "--level", "высокий"])
        _ = await risks(["set", "B", "--year", "2025", "--factor", "10", "--level", "низкий"])
        let list = await risks(["list", "--year", "2025", "--format", "json"])
        #expect(list.status == 0, "\(list.err)")
        let object = try jsonObject(list.out)
        let matrix = try #require(object["matrix"] as? [[String: Any]])
        #expect(matrix.map { $0["code"] as? String } == ["A", "B", nil])
        #expect(matrix[2]["name"] as? String == "Итого: школ с высоким уровнем")
        #expect(matrix[0]["factor_2"] as? String == "В" && matrix[1]["factor_10"] as? String == "Н")
        #expect(matrix[2]["factor_2"] as? Int == 1 && matrix[2]["high"] as? Int == 1)
        let counts = try #require(object["factors"] as? [[String: Any]])
        #expect(counts.count == 10 && counts[1]["high"] as? Int == 1 && counts[9]["low"] as? Int == 1)
        let high = try jsonObject((await risks(["list", "--level", "высокий", "--format", "json"])).out)
        #expect((high["matrix"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["A"])
        let show = await risks(["show", "A"])
        #expect(show.status == 0 && show.out.contains("Динамика уровней по годам"))
        let dynamics = try #require(
            try jsonObject((await risks(["show", "A", "--format", "json"])).out)["dynamics"] as? [[String: Any]])
        #expect(dynamics[1]["y2024"] as? String == "средний" && dynamics[1]["y2025"] as? String == "высокий")
        let badLevel = await risks(["list", "--level", "красный"])
        #expect(badLevel.status != 0 && badLevel.err.contains("не уровень риска"))
    }

    /// The municipal report gains the matrix of the latest year with counts per factor; a
    /// school's report shows its profile and years; without profiles neither has the section.
    @Test func reportsShowTheMatrixAndTheSchoolsProfile() async throws {
        let before = await run(["report", "municipality", "--format", "md", "--db", sandbox.db])
        #expect(before.status == 0 && !before.out.contains("Рисковые профили"))
        _ = await risks(["set", "A", "--year", "2024", "--factor", "6", "--level", "низкий"])
        _ = await risks(["set", "A", "--year", "2025", "--factor", "6", "--level", "высокий"])
        _ = await risks(["set", "B", "--year", "2025", "--factor", "10", "--level", "средний"])
        let municipal = await run(["report", "municipality", "--format", "md", "--db", sandbox.db])
        #expect(municipal.status == 0, "\(municipal.err)")
        #expect(municipal.out.contains("## Рисковые профили («500+»)"))
        #expect(
            municipal.out.contains("Профили 2025 года: школ — 2, из них с высоким уровнем хотя бы одного фактора — 1."))
        #expect(municipal.out.contains("Число школ по факторам и уровням риска"))
        #expect(municipal.out.contains("Ф10"))
        let school = await run(["report", "school", "A", "--format", "md", "--db", sandbox.db])
        #expect(school.status == 0, "\(school.err)")
        #expect(school.out.contains("Профиль 2025 года: факторов с высоким уровнем — 1 (№ 6)."))
        #expect(school.out.contains("Динамика уровней по годам") && school.out.contains("установлен вручную"))
        let other = await run(["report", "school", "B", "--format", "md", "--db", sandbox.db])
        #expect(other.out.contains("Профиль 2025 года: факторов с высоким уровнем — 0."))
    }

    /// The demo's supported schools have profiles for 2024 and 2025: factors 1 and 4 from
    /// `Seeds/demo/risks.csv`, the others proposed from the demo's data and confirmed, so the
    /// profile agrees with what `risks propose` says of the same data.
    @Test func theDemoHasTheSupportedSchoolsProfiles() async throws {
        let demo = try CLISandbox()
        let db = demo.path("demo.sqlite")
        let made = await run(["demo", "--db", db, "--seeds", seedsPath, "--as-of", "22.11.2026"])
        #expect(made.status == 0, "\(made.err)")
        let list = try jsonObject((await run(["risks", "list", "--year", "2025", "--format", "json", "--db", db])).out)
        let matrix = try #require(list["matrix"] as? [[String: Any]])
        // 15 supported schools and the total.
        #expect(matrix.count == 16)
        #expect(matrix.first { $0["code"] as? String == "SV001" } == nil)
        let proposed = try jsonArray(
            (await run(["risks", "propose", "--year", "2025", "--school", "SV011", "--format", "json", "--db", db])).out
        )
        #expect(proposed.contains { $0["factor"] as? Int == 6 })
        #expect(proposed.contains { $0["factor"] as? Int == 8 })
        let letter = ["high": "В", "medium": "С", "low": "Н"]
        let row = try #require(matrix.first { $0["code"] as? String == "SV011" })
        for proposal in proposed {
            let factor = try #require(proposal["factor"] as? Int)
            #expect(
                row["factor_\(factor)"] as? String == letter[proposal["level"] as? String ?? ""],
                "SV011, фактор \(factor)")
        }
        let show = try jsonObject((await run(["risks", "show", "SV011", "--format", "json", "--db", db])).out)
        let profile = try #require(show["profile"] as? [[String: Any]])
        // 2025: all ten; 2024: no diagnostic yet (the first campaign is of 14.03.2025), so no factor 3.
        #expect(profile.count == 19)
        #expect(profile.first?["source"] as? String == "загружен из файла")
        #expect(
            profile.filter { $0["source"] as? String == "загружен из файла" }.count == 4
                && profile.filter { $0["source"] as? String == "предложен и подтверждён" }.count == 15)
        // SV010's high factor 3 has the demo's programme; the other high factors have none yet.
        let missing = try jsonArray(
            (await run(["programmes", "missing", "--as-of", "22.11.2026", "--format", "json", "--db", db])).out)
        let highs = matrix.flatMap { row in
            (1...10).compactMap { f in
                row["factor_\(f)"] as? String == "В" && row["code"] as? String != nil
                    ? "\(row["code"] as? String ?? "") \(f)" : nil
            }
        }
        #expect(
            Set(missing.map { "\($0["school_code"] as? String ?? "") \($0["factor"] as? Int ?? 0)" })
                == Set(highs).subtracting(["SV010 3"]))
        #expect(highs.contains("SV010 3") && !missing.isEmpty)
    }
}
