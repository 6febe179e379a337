import Foundation
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// `import risks`: a school's profile in the long layout (a row per factor) or the wide one (a
/// column per factor), recognised from its headers, all or nothing, idempotent.
@Suite struct RiskImportTests: ImportingSuite {
    let base: ImportBase

    init() throws {
        base = try ImportBase()
        _ = try importer.summary(sandbox.write("schools.csv", schoolsCSV), .schools)
    }

    func levels() throws -> [String] {
        try db.riskProfiles().map {
            "\($0.schoolCode) \($0.year) \($0.factor.rawValue) \($0.level.rawValue) \($0.source.rawValue) \($0.note ?? "-")"
        }
    }

    @Test func theLongLayoutReadsFactorsByNumberOrNameAndIsIdempotent() throws {
        let text = """
            Код ОО;Год;Фактор риска;Уровень риска;Комментарий
            S2;2025;2;высокий;нет учителя физики
            S2;2025;Высокая доля обучающихся с ОВЗ;Средний риск;
            S3;2025;№ 10;низкий;

            """
        let path = sandbox.write("risks.csv", text, encoding: .cp1251)
        let first = try importer.recognised(path, as: "risks")
        #expect(first.added == 3)
        #expect(
            try levels() == [
                "S2 2025 2 high imported нет учителя физики", "S2 2025 9 medium imported -",
                "S3 2025 10 low imported -",
            ])
        let again = try importer.summary(path, .risks)
        #expect(again.errors == [] && again.added == 0 && again.changed == 0 && again.unchanged == 3)
        // A level changed in the file changes that row only.
        let changed = try importer.summary(
            sandbox.write("risks2.csv", text.replacingOccurrences(of: "№ 10;низкий", with: "№ 10;высокий")), .risks)
        #expect(changed.changed == 1 && changed.unchanged == 2)
    }

    @Test func theWideLayoutHasAColumnPerFactor() throws {
        let text = """
            Код ОО;Год;Риск 1;Дефицит педагогических кадров;Фактор 6;Риск 10
            S1;2024;низкий;;высокий;
            S2;2024;;средний;;высокий

            """
        let summary = try importer.recognised(sandbox.write("wide.csv", text), as: "risks")
        #expect(summary.added == 2)
        #expect(
            try levels() == [
                "S1 2024 1 low imported -", "S1 2024 6 high imported -", "S2 2024 2 medium imported -",
                "S2 2024 10 high imported -",
            ])
        #expect(try importer.summary(sandbox.write("wide.csv", text), .risks).unchanged == 2)
    }

    /// A bad factor and a bad level are errors naming the line, the column and the value; the
    /// file's good rows are not written either.
    @Test func aBadFactorOrLevelIsRefusedAndNothingIsWritten() throws {
        let text = """
            Код ОО;Год;Фактор риска;Уровень риска
            S1;2025;3;высокий
            S1;2025;11;высокий
            S2;2025;4;очень высокий
            S9;2025;4;низкий

            """
        let before = try db.snapshot()
        let summary = try importer.summary(sandbox.write("bad.csv", text), .risks)
        #expect(summary.errors.count == 3)
        let factor = try #require(summary.errors.first { $0.line == 3 })
        #expect(factor.column == "Фактор риска")
        #expect(factor.message.hasPrefix("«11» — не фактор риска; укажите номер от 1 до 10 или название: 1 — "))
        let level = try #require(summary.errors.first { $0.line == 4 })
        #expect(level.column == "Уровень риска")
        #expect(
            level.message
                == "«очень высокий» — не уровень риска; укажите: высокий, средний или низкий (или high, medium, low).")
        #expect(summary.errors.first { $0.line == 5 }?.column == "Код ОО")
        #expect(try db.snapshot() == before)
        // In the wide layout the column is the factor's.
        let wide = try importer.summary(sandbox.write("bad-wide.csv", "Код ОО;Год;Риск 5\nS1;2025;много\n"), .risks)
        #expect(wide.errors.map(\.column) == ["Риск 5"] && wide.errors.first?.line == 2)
        #expect(try db.count("risk_profile") == 0)
    }

    @Test func aFileOfNeitherLayoutOrOfBothIsRefusedBeforeItsRows() throws {
        let neither = try importer.summary(sandbox.write("n.csv", "Код ОО;Год;Комментарий\nS1;2025;x\n"), .risks)
        #expect(neither.errors.first?.message.hasPrefix("нет столбцов рискового профиля") == true)
        let half = try importer.summary(sandbox.write("h.csv", "Код ОО;Год;Фактор риска\nS1;2025;1\n"), .risks)
        #expect(half.errors.first?.message == "нужны оба столбца: «Фактор риска» и «Уровень риска»")
        let both = try importer.summary(
            sandbox.write("b.csv", "Код ОО;Год;Фактор риска;Уровень риска;Риск 1\nS1;2025;1;низкий;низкий\n"), .risks)
        #expect(both.errors.first?.message.hasPrefix("в файле и столбец «Фактор риска»") == true)
        // A social file is not taken for a profile, nor a profile for a social file.
        #expect(
            try KindInference.infer(headers: ["Код ОО", "Год", "Доля обучающихся из неполных семей"]).get() == .social)
        #expect(try KindInference.infer(headers: ["Код ОО", "Год", "Фактор риска", "Уровень риска"]).get() == .risks)
        #expect(try KindInference.infer(headers: ["Код ОО", "Год", "Риск 3"]).get() == .risks)
    }

    /// A repeated school, year and factor in one file is an error, as for every kind.
    @Test func aFactorTwiceInOneFileIsAnError() throws {
        let text =
            "Код ОО;Год;Фактор риска;Уровень риска\nS1;2025;2;высокий\nS1;2025;Дефицит педагогических кадров;низкий\n"
        let summary = try importer.summary(sandbox.write("twice.csv", text), .risks)
        #expect(summary.errors.count == 1 && summary.errors.first?.line == 3)
        #expect(summary.errors.first?.message.hasPrefix("повтор") == true)
    }
}
