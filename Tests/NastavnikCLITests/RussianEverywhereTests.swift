import Foundation
import GRDB
import NastavnikCore
import NastavnikStore
import PropertyBased
import Testing

@testable import NastavnikCLI

/// English sentences in what a user sees.
///
/// A *Latin sentence* is two or more consecutive Latin words: tokens of Latin letters (and inner
/// hyphens or apostrophes) of at least two letters, separated by white space only — a comma, a
/// colon, a bracket or a full stop between two words ends the run, so lists of names
/// («table, csv или json») are not sentences. Left out before looking: quoted text («…», '…',
/// "…", `…`: values, identifiers, file names) and tokens with digits or `-`, `<`, `/`, `.`, `_`,
/// `$`, `=` inside (option names such as `--db`, placeholders, paths, URLs, `utf-8`). A run made
/// only of `identifiers` (the program's and its commands' names, as in «nastavnik roadmap list»)
/// is a command line, not a sentence.
func latinSentences(in text: String, identifiers: Set<String>) -> [String] {
    var unquoted = text
    for pattern in [#/«[^»]*»/#, #/'[^'\n]*'/#, #/"[^"\n]*"/#, #/`[^`\n]*`/#] {
        unquoted = unquoted.replacing(pattern, with: " § ")
    }
    var found: [String] = []
    var run: [String] = []
    func close() {
        if run.count >= 2, !run.allSatisfy({ identifiers.contains($0.lowercased()) }) {
            found.append(run.joined(separator: " "))
        }
        run = []
    }
    let opening = Set("([{«\"'")
    let closing = Set(").,:;!?]}»\"'")
    for token in unquoted.split(whereSeparator: \.isWhitespace) {
        var core = Substring(token)
        let opened = core.first.map(opening.contains) ?? false
        while let first = core.first, opening.contains(first) { core.removeFirst() }
        var closed = false
        while let last = core.last, closing.contains(last) {
            core.removeLast()
            closed = true
        }
        let isWord =
            core.count >= 2 && core.first!.isASCII && core.first!.isLetter
            && core.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" || $0 == "'" }
        if !isWord || opened { close() }
        if isWord { run.append(String(core)) }
        if closed { close() }
    }
    close()
    return found
}

/// The command tree as the parser describes it (`--experimental-dump-help`).
struct CommandNode {
    var path: [String]
    var arguments: [[String: Any]]
    var hasSubcommands: Bool
}

func commandTree() async throws -> [CommandNode] {
    let dump = await run(["--experimental-dump-help"])
    let root = try #require(try jsonObject(dump.out)["command"] as? [String: Any])
    var nodes: [CommandNode] = []
    func walk(_ command: [String: Any], _ path: [String]) {
        let subcommands = command["subcommands"] as? [[String: Any]] ?? []
        nodes.append(
            CommandNode(
                path: path, arguments: command["arguments"] as? [[String: Any]] ?? [],
                hasSubcommands: !subcommands.isEmpty))
        for sub in subcommands {
            walk(sub, path + [sub["commandName"] as? String ?? "?"])
        }
    }
    walk(root, [])
    return nodes
}

@Suite struct RussianEverywhereTests {
    /// Every command's help, and every option given a bad value or none: whatever the user sees
    /// is Russian.
    @Test func everyHelpAndEveryBadValueIsRussian() async throws {
        let nodes = try await commandTree()
        #expect(nodes.count > 40, "the tree: \(nodes.map(\.path))")
        let identifiers = Set(nodes.flatMap(\.path) + ["nastavnik", "help"])
        // Never a valid option: every run below fails in parsing, so no command runs.
        let unknown = "--нет-такого-параметра"
        var runs: [(line: [String], expectSuccess: Bool)] = [
            (["help"], true), (["help", "help"], true), (["help", "schools", "list"], true),
            ([unknown], false), (["schools", "list", unknown], false),
        ]
        // The same option shared by many commands (`--db`, `--format`…) is tried once: what it
        // says does not depend on the command (a parse costs a tenth of a second in debug).
        var tried: Set<String> = []
        var options: [(path: [String], name: String)] = []
        for node in nodes {
            runs.append((node.path + ["--help"], true))
            if node.hasSubcommands { runs.append((node.path + ["нет-такой-подкоманды"], false)) }
            for argument in node.arguments {
                let kind = argument["kind"] as? String
                let preferred = argument["preferredName"] as? [String: Any]
                let name = preferred.map {
                    ($0["kind"] as? String == "short" ? "-" : "--") + ($0["name"] as? String ?? "")
                }
                if let name, ["--help", "--version", "-h"].contains(name) { continue }
                let key = "\(kind ?? "") \(name ?? "") \(argument["valueName"] ?? "") \(argument["abstract"] ?? "")"
                guard tried.insert(key).inserted else { continue }
                switch kind {
                case "option":
                    guard let name else { continue }
                    runs.append((node.path + [name], false))
                    runs.append((node.path + [name, "x"] + [unknown], false))
                    options.append((node.path, name))
                case "flag":
                    guard let name else { continue }
                    runs.append((node.path + ["\(name)=x"], false))
                case "positional":
                    runs.append((node.path + ["x", unknown], false))
                default: continue
                }
            }
        }
        var problems: [String] = []
        var errors: [[String]: String] = [:]
        for (line, expectSuccess) in runs {
            let result = await run(line)
            errors[line] = result.err
            let seen = result.out + result.err
            let shown = "nastavnik " + line.joined(separator: " ")
            if expectSuccess {
                if result.status != 0 { problems.append("\(shown): код \(result.status)\n\(seen)") }
            } else {
                if result.status == 0 { problems.append("\(shown): выполнилась, а не отказала\n\(seen)") }
                if !result.err.hasPrefix("Ошибка: ") {
                    problems.append("\(shown): ошибка без «Ошибка:»\n\(result.err)")
                }
            }
            if seen.isEmpty { problems.append("\(shown): ничего не выведено") }
            let sentences = latinSentences(in: seen, identifiers: identifiers)
            if !sentences.isEmpty { problems.append("\(shown): \(sentences)\n\(seen)") }
        }
        // A decimal comma in every numeric option: an option that refuses «x» without a reason
        // of its type is a number of the library's (Int, Double); if it takes «0.5», it must
        // take «0,5» too (`DecimalNumber`).
        var numeric = 0
        for (path, name) in options
        where errors[path + [name, "x", unknown]]?.hasPrefix("Ошибка: значение «x» не подходит для \(name).\n") == true
        {
            numeric += 1
            let refusesPoint = await run(path + [name, "0.5", unknown]).err.hasPrefix("Ошибка: значение «0.5»")
            let refusesComma = await run(path + [name, "0,5", unknown]).err.hasPrefix("Ошибка: значение «0,5»")
            if !refusesPoint && refusesComma {
                problems.append(
                    "nastavnik \((path + [name]).joined(separator: " ")): принимает 0.5, но не 0,5 — нужен тип DecimalNumber"
                )
            }
        }
        #expect(numeric > 3)
        #expect(runs.count > 250)
        #expect(problems.isEmpty, "\(problems.count) нарушений:\n\(problems.prefix(30).joined(separator: "\n---\n"))")
    }

    @Test func theSentenceFinderFindsSentencesAndOnlySentences() {
        let ids: Set<String> = ["nastavnik", "roadmap", "list", "help"]
        #expect(
            latinSentences(in: "  -h, --help              Show help information.", identifiers: ids) == [
                "Show help information"
            ])
        #expect(
            latinSentences(in: "Справка: 'nastavnik help' for detailed help.", identifiers: ids) == [
                "for detailed help"
            ])
        #expect(latinSentences(in: "Error: The value", identifiers: ids) == ["The value"])
        #expect(latinSentences(in: "Формат: table, csv или json (по умолчанию: table)", identifiers: ids).isEmpty)
        #expect(latinSentences(in: "Номер срока (первый столбец roadmap list).", identifiers: ids).isEmpty)
        #expect(
            latinSentences(in: "значение «not a date» для --as-of <as-of>; utf-8 или cp1251", identifiers: ids).isEmpty)
        #expect(
            latinSentences(in: "HTML с диаграммами, Markdown, XLSX; файл ./nastavnik.sqlite", identifiers: ids).isEmpty)
        #expect(latinSentences(in: "(default: 0.9)", identifiers: ids).isEmpty)
        #expect(latinSentences(in: "USAGE: nastavnik roadmap list", identifiers: ids).isEmpty)
        #expect(
            latinSentences(in: "See 'nastavnik --help' for more information.", identifiers: ids) == [
                "for more information"
            ])
    }

    /// The table holds every template of swift-argument-parser 1.8.2's `ErrorMessageGenerator`,
    /// including those no command line here can reach.
    @Test func everyParserMessageTemplateIsTranslated() {
        let cases: [(String, String)] = [
            ("The value 'abc' is invalid for '--low <low>'", "значение «abc» не подходит для --low."),
            ("The value 'abc' is invalid for '<id>'", "значение «abc» не подходит для аргумента <id>."),
            ("The value 'abc' is invalid for '-n'", "значение «abc» не подходит для -n."),
            ("The value 'abc' is invalid.", "значение «abc» не подходит."),
            (
                "The value 'q' is invalid for '--format <format>'. Please provide one of 'table', 'csv' or 'json'.",
                "значение «q» не подходит для --format. Допустимые значения: table, csv, json."
            ),
            (
                "The value 'q' is invalid for '--by <by>'. Please provide one of 'a' and 'b'.",
                "значение «q» не подходит для --by. Допустимые значения: a, b."
            ),
            (
                "The value 'q' is invalid for '--format <format>'. Please provide one of the following:\n  - a\n  - b",
                "значение «q» не подходит для --format. Допустимые значения:\n  - a\n  - b"
            ),
            ("The value 'it's' is invalid for '--x <x>': Неверно.", "значение «it's» не подходит для --x: Неверно."),
            (
                "Unknown option '--formt'. Did you mean '--format'?",
                "неизвестный параметр --formt. Возможно, имелось в виду --format?"
            ),
            ("Unknown option '-q'", "неизвестный параметр -q."),
            ("Missing value for '--low <low>'", "не указано значение для --low."),
            ("Missing value for '-o'", "не указано значение для -o."),
            (
                "Unknown option '-abc'\n   or: Missing value for '-a <a>' in '-abc'",
                "неизвестный параметр -abc.\n   или: не указано значение для -a в -abc."
            ),
            (
                "The option '--save' does not take any value, but 'x' was specified.",
                "параметр --save указывается без значения, а указано «x»."
            ),
            ("Unexpected argument 'nosuch'", "лишний аргумент «nosuch»."),
            ("2 unexpected arguments: 'a', 'b c'", "лишние аргументы (2): «a», «b c»."),
            (
                "Value to be set with flag '--b' had already been set with flag '--a'",
                "значение, заданное флагом --b, уже задано флагом --a."
            ),
            (
                "Value to be set with flag 'b' in '-ab' had already been set with flag '--a'",
                "значение, заданное флагом b в -ab, уже задано флагом --a."
            ),
            (
                "No value set for non-argument var x. Replace with a static variable, or let constant.",
                "внутренняя ошибка программы: у свойства x нет значения."
            ),
            ("Missing expected argument '<id>'", "не указан обязательный параметр <id>."),
            ("Missing expected argument '--until <until>'", "не указан обязательный параметр --until <until>."),
            ("Missing one of: '--a', '--b'", "не указан ни один из параметров: --a, --b."),
            ("Invalid option: -", "недопустимый параметр «-»."),
            ("Missing required subcommand.", "не указана подкоманда."),
            (
                "Command 'x' is not a parent of the current command.",
                "команда «x» не является родительской для текущей."
            ),
            (
                "Internal error. Parsing command-line arguments hit unimplemented code path.",
                "внутренняя ошибка: разбор командной строки дошёл до нереализованной ветви."
            ),
            (
                "Internal error. Invalid state while parsing command-line arguments.",
                "внутренняя ошибка: недопустимое состояние при разборе командной строки."
            ),
            (
                "Can't autodetect a supported shell.\nPlease use --generate-completion-script=<shell> with one of:\n    zsh bash fish",
                "не удалось определить оболочку.\nУкажите --generate-completion-script=<оболочка>, одну из:\n    zsh bash fish"
            ),
            (
                "Can't generate completion scripts for 'tcsh'.\nPlease use --generate-completion-script=<shell> with one of:\n    zsh bash fish",
                "сценарий дополнения для оболочки «tcsh» не создаётся.\nУкажите --generate-completion-script=<оболочка>, одну из:\n    zsh bash fish"
            ),
        ]
        for (english, russian) in cases {
            #expect(RussianParserMessages.error(english) == russian, "\(english)")
        }
        // A message already in Russian (a command's own ValidationError) is kept.
        #expect(RussianParserMessages.error("--limit должен быть больше нуля.") == "--limit должен быть больше нуля.")
    }

    /// Whatever the user typed (quotes, line breaks, any Latin-1 character) is quoted back whole.
    @Test func anyValueIsQuotedBackWhole() async {
        await propertyCheck(input: Gen.latin1.string(of: 0...12)) { value in
            #expect(
                RussianParserMessages.error("The value '\(value)' is invalid for '--low <low>'")
                    == "значение «\(value)» не подходит для --low.")
            #expect(
                RussianParserMessages.error(
                    "The value '\(value)' is invalid for '--by <by>'. Please provide one of 'a' and 'b'.")
                    == "значение «\(value)» не подходит для --by. Допустимые значения: a, b.")
            #expect(RussianParserMessages.error("Unexpected argument '\(value)'") == "лишний аргумент «\(value)».")
            #expect(
                RussianParserMessages.error(
                    "The option '--save' does not take any value, but '\(value)' was specified.")
                    == "параметр --save указывается без значения, а указано «\(value)».")
        }
    }

    @Test func helpScreenFixedTextsAndLayout() {
        let english = """
            OVERVIEW: Школы.

            USAGE: nastavnik schools <subcommand>

            ARGUMENTS:
              <id>                    Номер.

            OPTIONS:
              --low <low>             НОР: средний относительный балл ниже. (default: 0.9)
              --format <format>       Формат вывода: table, csv или json. (values: table,
                                      csv, json; default: table)
              --moderate-risk <moderate-risk>
                                      ЗУР: ниже. (default: 0.98)
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              list (default)          Список.

              See 'nastavnik help schools <subcommand>' for detailed help.
            """
        let russian = RussianParserMessages.screen(english, width: 80)
        #expect(
            russian == """
                ОПИСАНИЕ: Школы.

                ИСПОЛЬЗОВАНИЕ: nastavnik schools <подкоманда>

                АРГУМЕНТЫ:
                  <id>                    Номер.

                ПАРАМЕТРЫ:
                  --low <low>             НОР: средний относительный балл ниже. (по умолчанию:
                                          0.9)
                  --format <format>       Формат вывода: table, csv или json. (значения: table,
                                          csv, json; по умолчанию: table)
                  --moderate-risk <moderate-risk>
                                          ЗУР: ниже. (по умолчанию: 0.98)
                  --version               Показать версию программы.
                  -h, --help              Показать справку.

                ПОДКОМАНДЫ:
                  list (по умолчанию)     Список.

                  Подробнее о подкоманде: 'nastavnik help schools <подкоманда>'.
                """)
    }

    @Test func decimalCommasAndPointsAreNumbers() async {
        #expect(DecimalNumber.parse("0,85") == 0.85)
        #expect(DecimalNumber.parse("0.85") == 0.85)
        #expect(DecimalNumber.parse(" 1 000,5 ") == 1000.5)
        #expect(DecimalNumber.parse("1\u{00A0}000") == 1000)
        #expect(DecimalNumber.parse("−2,5") == -2.5)
        #expect(DecimalNumber.parse("30") == 30)
        for bad in ["", "abc", "1,2,3", "1.000,5", "nan", "inf", "1e5", "0x10", ",", "-", "12%"] {
            #expect(DecimalNumber.parse(bad) == nil, "\(bad)")
        }
        #expect(DecimalNumber(0.9).defaultValueDescription == "0,9")
        #expect(DecimalNumber(30).defaultValueDescription == "30")
        await propertyCheck(input: Gen.int(in: -1_000_000...1_000_000), Gen.int(in: 0...999)) { whole, thousandths in
            let fraction = String(thousandths + 1000).dropFirst()
            let expected = Double("\(whole).\(fraction)")!
            #expect(DecimalNumber.parse("\(whole),\(fraction)") == expected)
            #expect(DecimalNumber.parse("\(whole).\(fraction)") == expected)
            // Shown as it is read back.
            #expect(DecimalNumber.parse(DecimalNumber(expected).defaultValueDescription) == expected)
        }
    }

    @Test func russianValuesForChoicesAndDecimalCommasOnTheCommandLine() async throws {
        // Only a command that writes data creates the file: a schools file does.
        let sandbox = try await CLISandbox(importing: [CSVFixture.oneSchool])
        let db = sandbox.db
        let set = await run([
            "diagnostics", "thresholds", "--competence", "Предметные", "--threshold", "12,5", "--db", db,
        ])
        #expect(set.status == 0, "\(set.err)")
        #expect(set.out.contains("предметные: выше 12,5"), "\(set.out)")
        let english = await run([
            "diagnostics", "thresholds", "--competence", "methodological", "--threshold", "21", "--db", db,
        ])
        #expect(english.out.contains("методические: выше 21"), "\(english.out)")
        #expect(await run(["schools", "list", "--format", "таблица", "--db", db]).status == 0)
        let russianTemplate = await run(["template", "кадры"]).out
        #expect(await russianTemplate == run(["template", "staff"]).out)
        #expect(await run(["training", "order", "--year", "2026", "--group-by", "Школа", "--db", db]).status == 0)
        #expect(
            await run(["schools", "classify", "--low", "0,85", "--high-risk", "0.9", "--social", "1 000", "--db", db])
                .status == 0)
        let bad = await run(["schools", "classify", "--low", "ноль", "--db", db])
        #expect(bad.status != 0)
        #expect(bad.err.hasPrefix("Ошибка: значение «ноль» не подходит для --low: нужно число"), "\(bad.err)")
        let date = await run(["audit", "--since", "31.02.2025", "--db", db])
        #expect(
            date.err.hasPrefix("Ошибка: значение «31.02.2025» не подходит для --since: такой даты нет в календаре"),
            "\(date.err)")
    }

    @Test func sqliteErrorsAreARussianSentence() async throws {
        let unique = DatabaseError(
            resultCode: .SQLITE_CONSTRAINT_UNIQUE, message: "UNIQUE constraint failed: school.code")
        let text = NastavnikCommand.russianDescription(of: unique)
        #expect(text.hasPrefix("Ошибка базы данных: такая запись уже есть в базе данных"), "\(text)")
        #expect(latinSentences(in: text, identifiers: []).isEmpty, "\(text)")
        let busy = NastavnikCommand.russianDescription(
            of: DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"))
        #expect(busy.contains("занята"))
        // A file that is not a database, given as --db: the user reads Russian.
        let sandbox = try CLISandbox()
        let notADatabase = sandbox.write("notes.sqlite", String(repeating: "это не база данных\n", count: 200))
        let result = await run(["schools", "list", "--db", notADatabase])
        #expect(result.status != 0)
        #expect(result.err.hasPrefix("Ошибка: "), "\(result.err)")
        #expect(latinSentences(in: result.err, identifiers: []).isEmpty, "\(result.err)")
    }

    /// Foundation's and the system's file errors («The operation could not be completed») reach
    /// the user in Russian.
    @Test func fileErrorsAreRussian() async throws {
        #expect(SystemErrorText.russian(errno: ENOENT) == "файл или каталог не найден")
        let wrapped = NSError(
            domain: NSCocoaErrorDomain, code: NSFileReadUnknownError,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR))])
        #expect(SystemErrorText.russian(wrapped) == "это каталог, а не файл")
        #expect(
            NastavnikCommand.russianDescription(of: CocoaError(.fileWriteOutOfSpace)).contains(
                "на диске не осталось места"))
        let sandbox = try CLISandbox()
        try FileManager.default.createDirectory(atPath: sandbox.path("папка"), withIntermediateDirectories: true)
        let result = await run(["import", "schools", sandbox.path("папка"), "--db", sandbox.path("t.sqlite")])
        #expect(result.status != 0)
        #expect(latinSentences(in: result.out + result.err, identifiers: []).isEmpty, "\(result.out)\(result.err)")
    }
}
