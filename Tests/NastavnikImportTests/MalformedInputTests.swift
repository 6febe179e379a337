import Foundation
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikImport

/// Malformed files, each with its exact outcome: imported (how many rows) or refused (the first
/// error, which names the line where there is one), and never a crash or a half-written database.
@Suite struct MalformedInputTests {
    enum Outcome: Sendable, CustomStringConvertible {
        case imported(Int)
        case refused(line: Int?, startsWith: String)
        var description: String {
            switch self {
            case .imported(let n): "imported \(n)"
            case .refused(let line, let text): "refused at \(line.map(String.init) ?? "-"): \(text)"
            }
        }
    }

    static let header = "Код ОО;Наименование ОО;Стажировочная площадка;Обучающихся;Широта;Долгота;Статус"
    static func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func cp1251(_ s: String) -> [UInt8] {
        var lossy = false
        return Windows1251.encode(s, lossy: &lossy)
    }

    static let cases: [(String, [UInt8], Outcome)] = {
        var garbage = [UInt8]()
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_664_525 &+ 1_013_904_223
            garbage.append(UInt8(truncatingIfNeeded: state >> 24))
        }
        let h = header + "\n"
        return [
            ("binary garbage", garbage, .refused(line: 1, startsWith: "нет обязательного столбца")),
            (
                "NUL byte in a value", utf8(h + "S1;Шко\u{0}ла;нет;;;;\n"),
                .refused(line: 2, startsWith: "нулевой байт в значении")
            ),
            (
                "UTF-16 LE with BOM", [0xFF, 0xFE] + Array(h.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                .refused(line: nil, startsWith: "файл в кодировке UTF-16")
            ),
            (
                "UTF-16 BE with BOM", [0xFE, 0xFF] + Array(h.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
                .refused(line: nil, startsWith: "файл в кодировке UTF-16")
            ),
            (
                "mixed encodings", utf8(h + "S1;Школа;нет;;;;\n") + cp1251("S2;Школа два;нет;;;;\n"),
                .refused(line: 3, startsWith: "байты не в кодировке UTF-8")
            ),
            (
                "BOM and cp1251 after it", [0xEF, 0xBB, 0xBF] + utf8(h) + cp1251("S1;Школа;нет;;;;\n"),
                .refused(line: 2, startsWith: "байты не в кодировке UTF-8")
            ),
            ("empty file", [], .refused(line: nil, startsWith: "файл пуст")),
            ("BOM without data", [0xEF, 0xBB, 0xBF], .refused(line: nil, startsWith: "файл пуст")),
            ("blank lines only", utf8("\n\r\n;;;\n"), .refused(line: nil, startsWith: "файл пуст")),
            ("header only", utf8(h), .imported(0)),
            ("header only, no newline", utf8(header), .imported(0)),
            ("a 1 MB field", utf8(h + "S1;" + String(repeating: "Ш", count: 512 * 1024) + ";нет;;;;\n"), .imported(1)),
            (
                "10,000 columns",
                utf8(
                    header + String(repeating: ";доп", count: 10_000) + "\nS1;Школа;нет;;;;"
                        + String(repeating: ";x", count: 10_000) + "\n"), .imported(1)
            ),
            (
                "duplicated column, first filled", utf8("Код ОО;Наименование ОО;Наименование ОО\nS1;Школа;Другое\n"),
                .imported(1)
            ),
            (
                "unterminated quote", utf8(h + "S1;\"Школа;нет;;;;\n"),
                .refused(line: nil, startsWith: "кавычка, открытая в строке 2")
            ),
            ("quote inside an unquoted field", utf8(h + "S1;Школа \"Ромашка\";нет;;;;\n"), .imported(1)),
            (
                "CR line endings",
                utf8(h.replacingOccurrences(of: "\n", with: "\r") + "S1;Школа;нет;;;;\rS2;Вторая;да;;;;\r"),
                .imported(2)
            ),
            ("mixed CRLF and LF", utf8(header + "\r\nS1;Школа;нет;;;;\nS2;Вторая;да;;;;\r\n"), .imported(2)),
            ("trailing delimiter everywhere", utf8(header + ";\nS1;Школа;нет;;;;;\n"), .imported(1)),
            ("short row", utf8(h + "S1;Школа\n"), .refused(line: 2, startsWith: "в строке 2 полей, а в заголовке 7")),
            (
                "long row with values", utf8(h + "S1;Школа;нет;;;;;лишнее\n"),
                .refused(line: 2, startsWith: "в строке 8 полей, а в заголовке 7")
            ),
            ("row of delimiters only", utf8(h + ";;;;;;\nS1;Школа;нет;;;;\n"), .imported(1)),
            (
                "huge number", utf8(h + "S1;Школа;нет;999999999999999999999;;;\n"),
                .refused(line: 2, startsWith: "не целое число")
            ),
            (
                "negative count", utf8(h + "S1;Школа;нет;-5;;;\n"),
                .refused(line: 2, startsWith: "значение вне допустимых пределов 0–100000")
            ),
            (
                "two decimal commas", utf8(h + "S1;Школа;нет;;54,7,1;40;\n"),
                .refused(line: 2, startsWith: "не число (54,7,1)")
            ),
            ("unknown status", utf8(h + "S1;Школа;нет;;;;ЗЗЗ\n"), .refused(line: 2, startsWith: "неизвестный статус")),
            (
                "bad boolean", utf8(h + "S1;Школа;может быть;;;;\n"),
                .refused(line: 2, startsWith: "ожидается «да» или «нет» (может быть)")
            ),
            ("header decorations", utf8(" код оо* ;НАИМЕНОВАНИЕ ОО:\nS1;Школа\n"), .imported(1)),
            (
                "tab-separated with a quoted tab", utf8("Код ОО\tНаименование ОО\nS1\t\"Школа\tс табуляцией\"\n"),
                .imported(1)
            ),
            ("comma inside a semicolon file", utf8(h + "S1;Школа, филиал;нет;;;;\n"), .imported(1)),
            (
                "only a latitude", utf8(h + "S1;Школа;нет;;54,7;;\n"),
                .refused(line: 2, startsWith: "координаты заданы не полностью: нужны широта и долгота (широта 54,7)")
            ),
            (
                "missing required column", utf8("Код ОО;Статус\nS1;НОР\n"),
                .refused(line: 1, startsWith: "нет обязательного столбца")
            ),
            (
                "empty required value", utf8(h + "S1;;нет;;;;\n"),
                .refused(line: 2, startsWith: "обязательное значение не заполнено")
            ),
            (
                "duplicate code", utf8(h + "S1;А;нет;;;;\nS1;Б;нет;;;;\n"),
                .refused(line: 3, startsWith: "повтор: запись с тем же ключом уже есть в строке 2")
            ),
        ]
    }()

    @Test(arguments: cases.indices)
    func eachMalformedInput(index: Int) throws {
        let (name, bytes, expected) = Self.cases[index]
        let sandbox = try Sandbox()
        let db = try sandbox.database()
        let before = try db.snapshot()
        let path = sandbox.writeBytes("case.csv", bytes)
        let summary = try Importer(database: db).summary(path, .schools)
        switch expected {
        case .imported(let n):
            #expect(summary.errors == [], "\(name)")
            #expect(summary.added == n, "\(name)")
        case .refused(let line, let prefix):
            #expect(!summary.errors.isEmpty, "\(name)")
            if let first = summary.errors.first {
                #expect(first.line == line, "\(name): \(first)")
                #expect(first.message.hasPrefix(prefix), "\(name): \(first.message.prefix(200))")
            }
            #expect(try db.snapshot() == before, "\(name)")
        }
    }

    /// A line of 100 MB (its last field) is read and refused for its value, which the message
    /// shows cut short; memory stays that of the line.
    @Test func aHundredMegabyteLine() throws {
        let sandbox = try Sandbox()
        let db = try sandbox.database()
        var bytes = Array((Self.header + "\nS1;Школа;нет;;;;").utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 100 * 1024 * 1024)
        bytes += Array("\n".utf8)
        let summary = try Importer(database: db).summary(sandbox.writeBytes("big.csv", bytes), .schools)
        #expect(summary.errors.count == 1)
        let message = summary.errors.first?.message ?? ""
        #expect(message.hasPrefix("неизвестный статус; допустимы НОР, ЗПР, ЗУР, ШНСУ, эффективная (xxx"))
        #expect(message.contains("… (ещё 1048573") && message.hasSuffix(" символов)"))
    }
}
