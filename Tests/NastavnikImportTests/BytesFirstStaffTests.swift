import Foundation
import GRDB
import NastavnikCore
import NastavnikTestSupport
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// Staff rows checked straight from their bytes must give exactly what the general path gives:
/// the same rows stored, the same counts, the same errors and warnings in the same order.
@Suite struct BytesFirstStaffTests {
    static let schools = "Код ОО;Наименование\nS1;Школа 1\nS2;Школа 2\n007;Школа 7\n"

    /// A file of staff rows whose cells are mostly plain, often written in ways only the
    /// general path reads (spaces around them, no-break spaces, Excel's text prefixes, other
    /// spellings), and, with `errors`, sometimes wrong.
    ///
    /// With `snils`, a column «СНИЛС» too: a number of its own for every row, written plainly or
    /// with other separators, and, with `errors`, sometimes wrong (its check number, its length,
    /// or a number no row owns, which the rows that give it then share).
    static func file(rows: Int, seed: UInt64, errors: Bool, snils: Bool = false) -> String {
        var random = SeededGenerator(seed: seed)
        func pick(_ plain: [String], _ odd: [String], _ bad: [String] = []) -> String {
            let roll = Int.random(in: 0..<100, using: &random)
            let value =
                if errors && roll < 3 && !bad.isEmpty { bad.randomElement(using: &random)! } else if roll < 9 {
                    odd.randomElement(using: &random)!
                } else { plain.randomElement(using: &random)! }
            return value.contains(where: { $0 == ";" || $0 == "\"" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var lines = [
            "Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Педстаж;Квалификационная категория;Дата аттестации;E-mail;Телефон;Дата назначения на должность;"
                + (snils ? "СНИЛС;" : "")
        ]
        /// The СНИЛС of row `n`, valid, as `SNILS.formatted` writes it.
        func number(_ n: Int) -> String {
            let nine = 200_000_000 + n * 7
            return SNILS(number: nine, check: SNILS.checkNumber(of: nine)!)!.formatted
        }
        for n in 1...rows {
            let id = pick(
                ["T\(n)", "00\(n)", "№\(n)", "Т-\(n)"], [" T\(n)", "'T\(n)", "=\"T\(n)\"", "T\(n)\u{A0}"],
                ["", "7,72419E+11", "T1", "T2", "001", "T3"])
            let name = pick(
                ["Иванова Мария Петровна", "Петров Пётр", "Ёлкина Анна"],
                ["Иванова  Мария", "Петров\u{A0}Пётр", " Ёлкина Анна", "Сидоров\tИван", "'Орлов"], [""])
            let school = pick(["S1", "S2", "007"], [" S1", "'007", "=\"007\""], ["S9", ""])
            let position = pick(
                ["учитель", "директор", "педагог-психолог", "заместитель директора по УВР", "аниматор"],
                ["учитель ", "Учитель", "ведущий воспитатель"], [""])
            let subjects = pick(
                ["математика", "", "математика, физика", "русский язык; литература|МХК", "физика;;"],
                ["математика ", "\u{A0}физика", " ; химия ,биология|", "'история"])
            let birth = pick(
                ["07.02.1979", "1985-03-04", "", "1.2.1980"], [" 07.02.1979", "7.2.1979\t"],
                [
                    "31.02.1980", "07.02.79", "07.02.2030", "44000", "07.02.1979 г.", "07.02.1979 0:00", "07.02.2015",
                    "07.02.1920",
                ])
            let since = pick(["01.09.2001", "", "2010-09-01"], [" 01.09.2001"], ["01.09.1980", "2001"])
            let experience = pick(
                ["24", "3", "", "12,5", "0.5", "80", "0"], ["12,0", " 5", "5%", "1 2", "007", "3.25"],
                ["81", "12 лет", "-1", "1,2,3"])
            let category = pick(
                ["высшая", "первая", "", "СЗД", "без категории"], ["Высшая", "ВКК", " первая"], ["вторая"])
            let categoryDate = pick(["", "25.12.2024"], [" 2024-12-25"], ["2024"])
            let email = pick(["", "a@b.ru"], [" a@b.ru"])
            let phone = pick(["", "+7 900 000-00-00"], ["'+7900"], ["7,91234E+10", "7E+10"])
            let postSince = pick(["", "01.09.2020"], [" 01.09.2020"], ["01.09.2099", "01.13.2020"])
            let extra = pick([""], [" "], ["лишнее"])
            var cells = [
                id, name, school, position, subjects, birth, since, experience, category, categoryDate, email,
                phone, postSince,
            ]
            if snils {
                // One number per person: by the row and the form of its personnel number, so that
                // the same person has the same number in every file.
                let plainID = id.filter { !"'=\" \u{A0}".contains($0) }
                let own = number(n * 4 + (["T", "0", "№", "Т"].firstIndex(of: String(plainID.prefix(1))) ?? 0))
                let digits = own.filter(\.isNumber)
                cells.append(
                    pick(
                        [own, digits, ""],
                        [" " + own, "'" + digits, own.replacingOccurrences(of: " ", with: "\u{A0}")],
                        [String(digits.dropLast()) + (digits.last == "0" ? "1" : "0"), "1234567", number(0)]))
            }
            cells.append(extra)
            lines.append(cells.joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Outcome: Equatable {
        var summary: String
        var rows: [String]
        /// How many rows were read as bytes: not compared.
        var readAsBytes = 0
        static func == (a: Outcome, b: Outcome) -> Bool { a.summary == b.summary && a.rows == b.rows }
    }

    /// Imports the files in turn into a fresh database, with or without reading rows as bytes.
    func importing(_ files: [String], bytes: Bool, rejects: Bool = false, in sandbox: Sandbox) throws -> [Outcome] {
        let path = sandbox.path(bytes ? "bytes.sqlite" : "general.sqlite")
        let db = try NastavnikDatabase(path: path)
        let importer = Importer(database: db)
        _ = try importer.summary(sandbox.write("schools.csv", Self.schools), .schools)
        var outcomes: [Outcome] = []
        for (index, text) in files.enumerated() {
            let file = sandbox.write("staff\(index).csv", text)
            var options = ImportOptions(
                rejectsPath: rejects ? sandbox.path("rejects-\(bytes).csv") : nil, today: testToday, importedBy: "tests"
            )
            options.readsRowsAsBytes = bytes
            let summary: ImportSummary
            do { summary = try importer.run(path: file, kind: .staff, options: options) } catch let failure
                as ImportFailure
            { summary = failure.summary }
            let rows = try db.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").map { "\($0)" }
            }
            #expect(bytes ? summary.rowsReadAsBytes > 0 : summary.rowsReadAsBytes == 0)
            var text = "\(summary.added)/\(summary.changed)/\(summary.unchanged) "
            text += (summary.errors + summary.warnings).map { "\($0.line ?? 0):\($0.column ?? ""):\($0.message)" }
                .joined(separator: "\n")
            if rejects {
                text +=
                    "\n" + ((try? String(contentsOfFile: sandbox.path("rejects-\(bytes).csv"), encoding: .utf8)) ?? "")
            }
            outcomes.append(Outcome(summary: text, rows: rows, readAsBytes: summary.rowsReadAsBytes))
        }
        return outcomes
    }

    /// Files with every kind of valid cell, imported, then imported again over what they left.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func bytesAndTheGeneralPathAgree(seed: UInt64) throws {
        let sandbox = try Sandbox()
        let files = [
            Self.file(rows: 400, seed: seed, errors: false), Self.file(rows: 400, seed: seed + 100, errors: false),
        ]
        let general = try importing(files, bytes: false, in: sandbox)
        let bytes = try importing(files, bytes: true, in: sandbox)
        #expect(bytes == general)
        // Both files were written, both paths had rows to read, and the second file changed rows.
        #expect(general.map { $0.summary.prefix(8) } == ["400/0/0 ", general[1].summary.prefix(8)])
        #expect(general[1].summary.split(separator: "/")[1] != "0")
        #expect(general[1].rows.count > 400)
        #expect(bytes.allSatisfy { (50..<350).contains($0.readAsBytes) }, "\(bytes.map(\.readAsBytes))")
    }

    /// Files with СНИЛС: both paths store the same numbers, update them the same way, and
    /// report the same problems.
    @Test(arguments: [11, 12] as [UInt64])
    func snilsAgreesOnBothPaths(seed: UInt64) throws {
        let sandbox = try Sandbox()
        let clean = [
            Self.file(rows: 400, seed: seed, errors: false, snils: true),
            Self.file(rows: 400, seed: seed + 100, errors: false, snils: true),
        ]
        let general = try importing(clean, bytes: false, in: sandbox)
        let bytes = try importing(clean, bytes: true, in: sandbox)
        #expect(bytes == general)
        #expect(general[1].rows.filter { $0.contains("snils:\"2") }.count > 100)
        #expect(bytes.allSatisfy { (50..<350).contains($0.readAsBytes) }, "\(bytes.map(\.readAsBytes))")
        let wrong = [Self.file(rows: 1200, seed: seed + 200, errors: true, snils: true)]
        let other = try Sandbox()
        let generalErrors = try importing(wrong, bytes: false, in: other)
        #expect(try importing(wrong, bytes: true, in: other) == generalErrors)
        for expected in ["неверное контрольное число СНИЛС", "СНИЛС — 11 цифр", "у другого работника"] {
            #expect(generalErrors[0].summary.contains(expected), "\(expected)")
        }
    }

    /// Files with errors: the same errors, in the same order, and nothing written.
    @Test(arguments: [7, 8, 9] as [UInt64])
    func errorsAgree(seed: UInt64) throws {
        let sandbox = try Sandbox()
        let files = [Self.file(rows: 400, seed: seed, errors: true)]
        let general = try importing(files, bytes: false, in: sandbox)
        #expect(try importing(files, bytes: true, in: sandbox) == general)
        #expect(general[0].rows.isEmpty)
        for expected in ["не заполнено", "повтор", "раньше 14 лет"] {
            #expect(general[0].summary.contains(expected))
        }
    }

    /// Clean files (the fast path's case), written, then updated by a second file.
    @Test func cleanFilesAgreeAndAreWritten() throws {
        let sandbox = try Sandbox()
        func clean(_ seed: UInt64) -> String {
            var random = SeededGenerator(seed: seed)
            var lines = [
                "Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Педстаж;Квалификационная категория"
            ]
            for n in 1...500 {
                let position = ["учитель", "директор", "социальный педагог"].randomElement(using: &random)!
                let subjects = ["математика", "физика, астрономия", ""].randomElement(using: &random)!
                let category = ["высшая", "первая", ""].randomElement(using: &random)!
                lines.append(
                    "T\(n);Учитель Номер \(n);S\(n % 2 + 1);\(position);\(subjects);0\(n % 9 + 1).03.1980;\(n % 40);\(category)"
                )
            }
            return lines.joined(separator: "\r\n") + "\r\n"
        }
        let files = [clean(1), clean(2), clean(2)]
        let general = try importing(files, bytes: false, in: sandbox)
        let bytes = try importing(files, bytes: true, in: sandbox)
        #expect(bytes == general)
        #expect(bytes[0].rows.count == 500)
        #expect(bytes.map(\.readAsBytes) == [500, 500, 500])
        #expect(bytes[0].summary.hasPrefix("500/0/0"))
        #expect(bytes[2].summary.hasPrefix("0/0/500"))
    }

    /// A department's corrections of title kinds hold on both paths, and an unknown title is
    /// reported once, at its first line, either way.
    @Test func positionCorrectionsHoldOnBothPaths() throws {
        let sandbox = try Sandbox()
        var lines = ["Табельный номер;ФИО;Код ОО;Должность;Педстаж;Дата назначения на должность"]
        for n in 1...300 {
            lines.append(
                "T\(n);Работник Номер \(n);S1;\(["учитель", "лаборант", "аниматор", "директор"][n % 4]);\(n % 30);01.09.2019"
            )
        }
        let file = lines.joined(separator: "\n") + "\n"
        var outcomes: [Outcome] = []
        for bytes in [false, true] {
            let db = try NastavnikDatabase(path: sandbox.path("corrections-\(bytes).sqlite"))
            try db.setPositionKind(title: "Лаборант", kind: .pedagogical)
            let importer = Importer(database: db)
            _ = try importer.summary(sandbox.write("schools.csv", Self.schools), .schools)
            var options = ImportOptions(today: testToday)
            options.readsRowsAsBytes = bytes
            let summary = try importer.run(path: sandbox.write("staff.csv", file), kind: .staff, options: options)
            // Every row but the unknown title's first, which goes the general way to be reported.
            #expect(summary.rowsReadAsBytes == (bytes ? 299 : 0))
            let kinds = try db.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT position, position_kind, count(*) FROM staff GROUP BY 1, 2 ORDER BY 1"
                ).map { "\($0)" }
            }
            outcomes.append(
                Outcome(
                    summary: summary.warnings.map { "\($0.line ?? 0): \($0.message)" }.joined(separator: "\n"),
                    rows: kinds))
        }
        #expect(outcomes[0] == outcomes[1])
        #expect(outcomes[1].rows.contains { $0.contains("лаборант") && $0.contains("pedagogical") })
        #expect(outcomes[1].rows.contains { $0.contains("аниматор") && $0.contains("other") })
        #expect(outcomes[1].summary.hasPrefix("3: ") && !outcomes[1].summary.contains("\n"))
    }

    /// The rejects file lists the same rows with the same errors either way.
    @Test func rejectsAgree() throws {
        let sandbox = try Sandbox()
        let files = [Self.file(rows: 300, seed: 42, errors: true)]
        #expect(
            try importing(files, bytes: true, rejects: true, in: sandbox)
                == importing(files, bytes: false, rejects: true, in: sandbox))
    }

    /// A file in Windows-1251, as Excel saves it, reads the same as its UTF-8 twin.
    @Test func windows1251ReadsAsUTF8Does() throws {
        let sandbox = try Sandbox()
        let text = Self.file(rows: 200, seed: 9, errors: false)
        let db = try NastavnikDatabase(path: sandbox.path("cp.sqlite"))
        let importer = Importer(database: db)
        _ = try importer.summary(sandbox.write("schools.csv", Self.schools), .schools)
        let summary = try importer.summary(sandbox.write("cp.csv", text, encoding: .cp1251), .staff)
        let rows = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id").map { "\($0)" }
        }
        let utf8 = try importing([text], bytes: true, in: sandbox)[0]
        #expect(rows == utf8.rows)
        #expect("\(summary.added)/\(summary.changed)/\(summary.unchanged)" == String(utf8.summary.prefix { $0 != " " }))
    }

    /// A row of cells holding only white space that is not ASCII (U+3000) is blank: skipped by
    /// both paths, even where it would read as a row.
    @Test func aRowOfWideSpacesIsBlank() throws {
        let sandbox = try Sandbox()
        let schools = "Код ОО;Наименование\n\u{3000};Школа пробел\nS1;Школа 1\n"
        let staff =
            "Табельный номер;ФИО;Код ОО;Должность\n\u{3000};\u{3000};\u{3000};\u{3000}\nT1;Иванов Иван;S1;учитель\n"
        for bytes in [false, true] {
            let db = try NastavnikDatabase(path: sandbox.path("blank-\(bytes).sqlite"))
            let importer = Importer(database: db)
            #expect(try importer.summary(sandbox.write("schools.csv", schools), .schools).succeeded)
            var options = ImportOptions(today: testToday)
            options.readsRowsAsBytes = bytes
            let summary = try importer.run(path: sandbox.write("staff.csv", staff), kind: .staff, options: options)
            #expect(summary.added == 1)
            #expect(summary.rowsReadAsBytes == (bytes ? 1 : 0))
            #expect(try db.count("staff") == 1)
        }
    }

    /// Personnel numbers equal as text are one person whichever Unicode form they are written
    /// in («Й» as one code point, or «И» with a combining breve): a repeat within a file, and
    /// the stored person on a re-import, on both paths.
    @Test func canonicallyEqualNumbersAreOnePerson() throws {
        let sandbox = try Sandbox()
        let header = "Табельный номер;ФИО;Код ОО;Должность\n"
        let composed = "Й1;Иванов Иван;S1;учитель\n"
        let decomposed = "И\u{306}1;Иванов Иван;S1;учитель\n"
        for bytes in [false, true] {
            let db = try NastavnikDatabase(path: sandbox.path("nfc-\(bytes).sqlite"))
            let importer = Importer(database: db)
            _ = try importer.summary(sandbox.write("schools.csv", Self.schools), .schools)
            var options = ImportOptions(today: testToday)
            options.readsRowsAsBytes = bytes
            func run(_ text: String) throws -> ImportSummary {
                do {
                    return try importer.run(path: sandbox.write("staff.csv", text), kind: .staff, options: options)
                } catch let failure as ImportFailure { return failure.summary }
            }
            let both = try run(header + composed + decomposed)
            #expect(both.errors.map(\.message) == ["повтор: запись с тем же ключом уже есть в строке 2 (И\u{306}1)"])
            // Stored in one form, then given in the other (the number is then stored as given),
            // and back.
            #expect(try run(header + decomposed).added == 1)
            for text in [composed, decomposed] {
                let again = try run(header + text)
                #expect((again.added, again.changed, again.unchanged) == (0, 1, 0))
            }
            #expect(try db.count("staff") == 1)
        }
    }

    /// Numbers with characters beyond ASCII and basic Cyrillic («№», a wide space, Latin
    /// letters with accents) are read, found again on a re-import, and repeats are caught.
    @Test func numbersWithOtherCharacters() throws {
        let sandbox = try Sandbox()
        let text =
            "Табельный номер;ФИО;Код ОО;Должность\n№ 15;Иванов Иван;S1;учитель\nA\u{3000}7;Петров Пётр;S1;учитель\nÉ1;Орлов Олег;S2;директор\n"
        let files = [text, text, text + "№ 15;Иванов Иван;S1;учитель\n"]
        let general = try importing(files, bytes: false, in: sandbox)
        let bytes = try importing(files, bytes: true, in: sandbox)
        #expect(bytes == general)
        #expect(bytes.map { $0.summary.prefix(6) } == ["3/0/0 ", "0/0/3 ", "0/0/3 "])
        #expect(
            bytes[2].summary.contains("5::повтор")
                || bytes[2].summary.contains("повтор: запись с тем же ключом уже есть в строке 2"))
        #expect(bytes.map(\.readAsBytes) == [3, 3, 3])
    }

    /// A name that passes `isSingleSpaced` is one `CellValue.singleSpaced` leaves alone; one
    /// without the rare C2-led signs that fails it is one it changes. Lengths around the
    /// eight-byte words, spaces at their edges.
    @Test func singleSpacingAsBytesAgrees() {
        var random = SeededGenerator(seed: 77)
        let alphabet = [" ", " ", "\t", "а", "Ж", "b", "\u{A0}", "«", "-"]
        for _ in 0..<20_000 {
            let name = (0..<Int.random(in: 1...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                .joined()
            let bytes = Array(name.utf8)
            let plain = bytes.withUnsafeBufferPointer { ByteCell.isSingleSpaced($0) }
            if plain {
                #expect(CellValue.singleSpaced(name) == name, "\(Array(name.unicodeScalars))")
            } else if !bytes.contains(0xC2) {
                #expect(CellValue.singleSpaced(name) != name, "\(Array(name.unicodeScalars))")
            }
        }
    }
}
