import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// swift-argument-parser's own words, in Russian.
///
/// The library (1.8.2) keeps its error kinds internal (`ParserError`, `CommandError`) and renders
/// them and the help screen in English; its public API gives only the rendered text
/// (`message(for:)`, `fullMessage(for:columns:)`). So the translation works on that text, from a
/// table holding every template the library can emit (enumerated from its
/// `Usage/UsageGenerator.swift` `ErrorMessageGenerator`, `Usage/HelpGenerator.swift`,
/// `Usage/MessageInfo.swift` and `Parsing/ParserError.swift`): an English sentence that is not in
/// the table is left as it is, and the test that runs every command's help and bad values
/// (`RussianEverywhereTests`) finds it.
enum RussianParserMessages {
    // MARK: Whole outputs

    /// The text of a parse error or a help request as the user sees it, in Russian. `message` is
    /// the library's bare message (`message(for:)`), `full` its whole output
    /// (`fullMessage(for:columns:)`): «Error: » + message, then the help line and the usage.
    static func translate(message: String, full: String, width: Int) -> String {
        // `--experimental-dump-help` is JSON for programs, not for people.
        if full.hasPrefix("{") { return full }
        let errorPrefix = "Error: "
        let head = errorPrefix + message
        guard !message.isEmpty, full.hasPrefix(head) else { return screen(full, width: width) }
        var rest = String(full.dropFirst(head.count))
        if rest.hasPrefix("\n") { rest.removeFirst() }
        let translated = "Ошибка: " + error(message)
        return rest.isEmpty ? translated : translated + "\n" + screen(rest, width: width)
    }

    /// The width help is laid out for: `$COLUMNS`, else the terminal's, else 80 (always 80 when
    /// the output is captured, so tests see one layout).
    static func screenWidth(capturing: Bool) -> Int {
        if capturing { return 80 }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 30 {
            return columns
        }
        #if canImport(Glibc) || canImport(Darwin)
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 30 { return Int(size.ws_col) }
        #endif
        return 80
    }

    // MARK: Error messages

    /// One error message of the parser (without «Error: »), in Russian; lines it does not know
    /// are kept.
    static func error(_ message: String) -> String {
        // Two messages in one (`missingValueOrUnknownCompositeOption`): «Unknown option …\n   or: Missing value …».
        if let split = message.range(of: "\n   or: ") {
            return error(String(message[..<split.lowerBound])) + "\n   или: "
                + error(String(message[split.upperBound...]))
        }
        for (prefix, rule) in rules where message.hasPrefix(prefix) || prefix.isEmpty {
            if let translated = rule(message) { return translated }
        }
        return message
    }

    /// The reasons argument types gave for refusing a value (see `ArgumentNotes`), by value.
    private static func reason(for value: String) -> String? { ArgumentNotes.current?.reason(for: value) }

    /// `--low <low>` → `--low`; `<id>` → «аргумента <id>».
    private static func optionName(_ synopsis: Substring) -> String {
        if synopsis.hasPrefix("-") {
            return String(synopsis.split(separator: " ").first ?? synopsis)
        }
        return "аргумента \(synopsis)"
    }

    /// The library's «. Please provide one of 'a', 'b' or 'c'.» / «…one of the following:\n  - a» and
    /// a type's own «: reason».
    private static func valueTail(_ tail: Substring, value: String) -> String {
        // A type's own reason says more than the library's list of values.
        if let reason = reason(for: value), !tail.hasPrefix(": ") { return ": " + reason }
        if tail.isEmpty { return "." }
        if tail.hasPrefix(": ") { return ": " + error(String(tail.dropFirst(2))) }
        if let m = tail.wholeMatch(of: #/\. Please provide one of the following:\n(?<list>(?s).*)/#) {
            return ". Допустимые значения:\n" + m.list
        }
        if let m = tail.wholeMatch(of: #/\. Please provide one of (?<list>.*)\./#) {
            // 'a' and 'b' | 'a', 'b' or 'c'
            let names = m.list.matches(of: #/'(?<name>[^']*)'/#).map { String($0.name) }
            return ". Допустимые значения: " + names.joined(separator: ", ") + "."
        }
        return String(tail)
    }

    /// `'a', 'b'` → «a», «b».
    private static func quotedList(_ list: Substring) -> String {
        list.components(separatedBy: "', '").map { "«\($0)»" }.joined(separator: ", ")
    }

    /// «flag 'x'», «flag 'c' in '-abc'», «position …» (`duplicateExclusiveValues`).
    private static func origin(_ text: Substring) -> String {
        if let m = text.wholeMatch(of: #/flag '(?<flag>.*)' in '(?<group>.*)'/#) {
            return "флагом \(m.flag) в \(m.group)"
        }
        if let m = text.wholeMatch(of: #/flag '(?<flag>.*)'/#) { return "флагом \(m.flag)" }
        if let m = text.wholeMatch(of: #/position (?<position>.*)/#) { return "аргументом в позиции \(m.position)" }
        return String(text)
    }

    private static func shells(_ list: Substring) -> String {
        "Укажите --generate-completion-script=<оболочка>, одну из:\n    \(list)"
    }

    /// Every message template of `ErrorMessageGenerator.makeErrorMessage()`, most specific first.
    private static let rules: [(prefix: String, rule: @Sendable (String) -> String?)] = [
        // unableToParseValue
        (
            "The value '",
            { s in
                guard
                    let m = s.wholeMatch(
                        of: #/The value '(?<value>(?s).*)' is invalid for '(?<option>[^']*)'(?<tail>(?s).*)/#)
                else { return nil }
                let value = String(m.value)
                return "значение «\(value)» не подходит для \(optionName(m.option))" + valueTail(m.tail, value: value)
            }
        ),
        (
            "The value '",
            { s in
                guard let m = s.wholeMatch(of: #/The value '(?<value>(?s).*)' is invalid\.(?<tail>(?s).*)/#) else {
                    return nil
                }
                let value = String(m.value)
                return "значение «\(value)» не подходит" + valueTail(m.tail, value: value)
            }
        ),
        // unknownOption
        (
            "Unknown option '",
            { s in
                guard
                    let m = s.wholeMatch(
                        of: #/Unknown option '(?<name>[^']*)'\. Did you mean '(?<suggestion>[^']*)'\?/#)
                else { return nil }
                return "неизвестный параметр \(m.name). Возможно, имелось в виду \(m.suggestion)?"
            }
        ),
        (
            "Unknown option '",
            { s in s.wholeMatch(of: #/Unknown option '(?<name>[^']*)'/#).map { "неизвестный параметр \($0.name)." } }
        ),
        // missingValueForOption (also the second half of missingValueOrUnknownCompositeOption)
        (
            "Missing value for '",
            { s in
                s.wholeMatch(of: #/Missing value for '(?<option>[^']*)' in '(?<group>[^']*)'/#)
                    .map { "не указано значение для \(optionName($0.option)) в \($0.group)." }
            }
        ),
        (
            "Missing value for '",
            { s in
                s.wholeMatch(of: #/Missing value for '(?<option>[^']*)'/#).map {
                    "не указано значение для \(optionName($0.option))."
                }
            }
        ),
        // unexpectedValueForOption
        (
            "The option '",
            { s in
                s.wholeMatch(
                    of:
                        #/The option '(?<option>[^']*)' does not take any value, but '(?<value>(?s).*)' was specified\./#
                )
                .map { "параметр \($0.option) указывается без значения, а указано «\($0.value)»." }
            }
        ),
        // unexpectedExtraValues
        (
            "Unexpected argument '",
            { s in s.wholeMatch(of: #/Unexpected argument '(?<value>(?s).*)'/#).map { "лишний аргумент «\($0.value)»." }
            }
        ),
        (
            "",
            { s in
                s.wholeMatch(of: #/(?<count>\d+) unexpected arguments: '(?<values>(?s).*)'/#)
                    .map { "лишние аргументы (\($0.count)): \(quotedList($0.values))." }
            }
        ),
        // duplicateExclusiveValues
        (
            "Value to be set with ",
            { s in
                s.wholeMatch(of: #/Value to be set with (?<duplicate>.*) had already been set with (?<previous>.*)/#)
                    .map { "значение, заданное \(origin($0.duplicate)), уже задано \(origin($0.previous))." }
            }
        ),
        // noValue
        (
            "No value set for non-argument var ",
            { s in
                s.wholeMatch(
                    of:
                        #/No value set for non-argument var (?<key>.*)\. Replace with a static variable, or let constant\./#
                )
                .map { "внутренняя ошибка программы: у свойства \($0.key) нет значения." }
            }
        ),
        (
            "Missing expected argument '",
            { s in
                s.wholeMatch(of: #/Missing expected argument '(?<argument>[^']*)'/#).map {
                    "не указан обязательный параметр \($0.argument)" + ($0.argument.hasSuffix("...") ? "" : ".")
                }
            }
        ),
        (
            "Missing one of: '",
            { s in
                s.wholeMatch(of: #/Missing one of: '(?<names>.*)'/#)
                    .map {
                        "не указан ни один из параметров: \($0.names.components(separatedBy: "', '").joined(separator: ", "))."
                    }
            }
        ),
        // invalidOption, nonAlphanumericShortOption
        (
            "Invalid option: ",
            { s in
                s.wholeMatch(of: #/Invalid option: (?<option>(?s).*)/#).map { "недопустимый параметр «\($0.option)»." }
            }
        ),
        // missingSubcommand
        ("Missing requ", { s in s == "Missing required subcommand." ? "не указана подкоманда." : nil }),
        // notParentCommand
        (
            "Command '",
            { s in
                s.wholeMatch(of: #/Command '(?<name>[^']*)' is not a parent of the current command\./#)
                    .map { "команда «\($0.name)» не является родительской для текущей." }
            }
        ),
        // notImplemented, invalidState
        (
            "Internal err",
            { s in
                s == "Internal error. Parsing command-line arguments hit unimplemented code path."
                    ? "внутренняя ошибка: разбор командной строки дошёл до нереализованной ветви." : nil
            }
        ),
        (
            "Internal err",
            { s in
                s == "Internal error. Invalid state while parsing command-line arguments."
                    ? "внутренняя ошибка: недопустимое состояние при разборе командной строки." : nil
            }
        ),
        // unsupportedShell
        (
            "Can't autodetect a supported shell",
            { s in
                s.wholeMatch(
                    of:
                        #/Can't autodetect a supported shell\.\nPlease use --generate-completion-script=<shell> with one of:\n    (?<list>.*)/#
                )
                .map { "не удалось определить оболочку.\n" + shells($0.list) }
            }
        ),
        (
            "Can't generate completion scripts for '",
            { s in
                s.wholeMatch(
                    of:
                        #/Can't generate completion scripts for '(?<shell>[^']*)'\.\nPlease use --generate-completion-script=<shell> with one of:\n    (?<list>.*)/#
                )
                .map { "сценарий дополнения для оболочки «\($0.shell)» не создаётся.\n" + shells($0.list) }
            }
        ),
    ]

    // MARK: Help screens and usage

    /// A help screen, or the help and usage lines under an error, in Russian. Option descriptions
    /// whose words changed are laid out again at `width`, as the library lays them out.
    static func screen(_ text: String, width: Int) -> String {
        let lines = text.components(separatedBy: "\n")
        var out: [String] = []
        var i = 0
        var inSection = false
        while i < lines.count {
            let line = lines[i]
            i += 1
            if line.hasPrefix("OVERVIEW: ") {
                out.append("ОПИСАНИЕ: " + description(String(line.dropFirst("OVERVIEW: ".count))))
                inSection = false
            } else if line.hasPrefix("USAGE: ") || line.hasPrefix("Usage: ") {
                // The synopsis, with hanging lines indented under it.
                let label = line.hasPrefix("USAGE: ") ? "ИСПОЛЬЗОВАНИЕ: " : "Использование: "
                out.append(label + usage(String(line.dropFirst(7))))
                let indent = String(repeating: " ", count: label.count)
                while i < lines.count, lines[i].hasPrefix("       "), !lines[i].hasPrefix("  See ") {
                    out.append(indent + usage(String(lines[i].dropFirst(7))))
                    i += 1
                }
                inSection = false
            } else if line.hasPrefix("Help:  ") {
                out.append("Подсказка:  " + line.dropFirst("Help:  ".count))
            } else if line.hasPrefix("  See '"),
                let m = line.wholeMatch(of: #/  See '(?<command>.*)' for more information\./#)
            {
                out.append("  Подробнее: '\(usage(String(m.command)))'.")
            } else if line.hasPrefix("  See '"),
                let m = line.wholeMatch(of: #/  See '(?<command>.*)' for detailed help\./#)
            {
                out.append("  Подробнее о подкоманде: '\(usage(String(m.command)))'.")
            } else if let header = header(line) {
                out.append(header)
                inSection = true
            } else if inSection, line.hasPrefix("  "), !line.hasPrefix("   ") {
                // An element: its label, then its description from column 26, wrapped.
                var element = [line]
                while i < lines.count, lines[i].hasPrefix(String(repeating: " ", count: labelColumn)) {
                    element.append(lines[i])
                    i += 1
                }
                out += self.element(element, width: width)
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Where the library starts descriptions in help (`HelpGenerator.labelColumnWidth`).
    static let labelColumn = 26

    /// «OPTIONS:» and the other section titles.
    private static func header(_ line: String) -> String? {
        switch line {
        case "ARGUMENTS:": return "АРГУМЕНТЫ:"
        case "OPTIONS:": return "ПАРАМЕТРЫ:"
        case "SUBCOMMANDS:": return "ПОДКОМАНДЫ:"
        default:
            if line.hasSuffix(" SUBCOMMANDS:"), let m = line.wholeMatch(of: #/(?<group>[^a-z]+) SUBCOMMANDS:/#) {
                return "ПОДКОМАНДЫ (\(m.group)):"
            }
            return nil
        }
    }

    /// The placeholders of a synopsis.
    static func usage(_ text: String) -> String {
        text.replacingOccurrences(of: "<subcommand>", with: "<подкоманда>")
            .replacingOccurrences(of: "<subcommands>", with: "<подкоманды>")
            .replacingOccurrences(of: "<options>", with: "<параметры>")
    }

    /// One element of a section: the label as it is (option names are names), the description
    /// translated and wrapped again if it changed.
    private static func element(_ lines: [String], width: Int) -> [String] {
        let first = lines[0]
        var label = first.trimmingCharacters(in: .whitespaces)
        var parts: [String] = []
        // A label shorter than the column is padded to it and followed by the description; a
        // longer one stands alone (a synopsis token such as `<value>` may then cross the column).
        let rest = first.dropFirst(labelColumn)
        if first.count > labelColumn, first.prefix(labelColumn).hasSuffix(" "),
            let start = rest.first, !"<[-.".contains(start)
        {
            label = first.prefix(labelColumn).trimmingCharacters(in: .whitespaces)
            parts.append(String(rest))
        }
        parts += lines.dropFirst().map { String($0.dropFirst(labelColumn)) }
        let description = parts.joined(separator: " ")
        let translatedLabel = usage(
            label.hasSuffix(" (default)") ? String(label.dropLast(" (default)".count)) + " (по умолчанию)" : label)
        let translated = self.description(description)
        guard translated != description || translatedLabel != label else { return lines }
        let padded = "  " + translatedLabel
        let wrapped = wrap(translated, width: width, indent: labelColumn)
        if translated.isEmpty { return [padded] }
        if padded.count < labelColumn {
            var result = wrapped
            result[0] = padded + String(result[0].dropFirst(padded.count))
            return result
        }
        return [padded] + wrapped
    }

    /// An option's description: the built-in flags' texts and the appended «(default: …)» and
    /// «(values: …)».
    static func description(_ text: String) -> String {
        var text = text
        let fixed = [
            ("Show help information.", "Показать справку."),
            ("Show the version.", "Показать версию программы."),
            ("Show subcommand help information.", "Показать справку по подкоманде."),
            ("Dump help information as JSON.", "Вывести справку в формате JSON."),
        ]
        for (english, russian) in fixed where text.hasPrefix(english) {
            text = russian + text.dropFirst(english.count)
        }
        text = text.replacingOccurrences(of: "(values: ", with: "(значения: ")
            .replacingOccurrences(of: "; default as flag: ", with: "; без значения: ")
            .replacingOccurrences(of: "; default: ", with: "; по умолчанию: ")
            .replacingOccurrences(of: "(default as flag: ", with: "(без значения: ")
            .replacingOccurrences(of: "(default: ", with: "(по умолчанию: ")
        return text
    }

    /// The library's `wrapped(to:wrappingIndent:)`: lines of at most `width - indent` characters,
    /// broken at spaces, each indented.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        let columns = max(width - indent, 10)
        var result: [Substring] = []
        var current = text.startIndex
        while true {
            let chunk = text[current...].prefix(columns)
            if let lineBreak = chunk.lastIndex(of: "\n") {
                result += text[current..<lineBreak].split(separator: "\n", omittingEmptySubsequences: false)
                current = text.index(after: lineBreak)
            } else if chunk.endIndex == text.endIndex {
                result.append(text[current...])
                break
            } else if let space = chunk.lastIndex(of: " ") {
                result.append(text[current..<space])
                current = text.index(after: space)
            } else if let space = text[current...].firstIndex(of: " ") {
                result.append(text[current..<space])
                current = text.index(after: space)
            } else {
                result.append(text[current...])
                break
            }
        }
        let pad = String(repeating: " ", count: indent)
        return result.map { $0.isEmpty ? "" : pad + $0 }
    }
}
