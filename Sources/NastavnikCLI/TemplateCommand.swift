import ArgumentParser
import NastavnikCore
import NastavnikImport

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Напечатать строку русских заголовков для файла указанного вида.",
        discussion: "Обязательные столбцы отмечены в справке `nastavnik template ВИД --describe`."
    )

    @Argument(help: "Вид файла: \(ImportKind.argumentList).") var kind: ImportKind
    @Option(name: .long, help: "Разделитель: ';' (по умолчанию), ',' или tab.") var delimiter: String = ";"
    @Flag(name: .long, help: "Описать столбцы: ключ, заголовок, обязательность, другие допустимые заголовки.")
    var describe = false

    func run() throws {
        let columns = kind.columns
        if describe {
            var out = "Вид «\(kind.rawValue)» — \(kind.russianTitle)\n"
            for column in columns {
                let mark = column.required ? " (обязательный)" : ""
                let aliases = column.headers.dropFirst()
                out += "  \(column.russianHeader)\(mark) — ключ \(column.key)"
                if !aliases.isEmpty { out += "; также: \(aliases.joined(separator: ", "))" }
                out += "\n"
            }
            Console.current.out(out)
            return
        }
        let separator: Character
        switch delimiter.lowercased() {
        case ",": separator = ","
        case "tab", "\\t", "\t": separator = "\t"
        default: separator = ";"
        }
        Console.current.out(DelimitedText.record(kind.templateColumns.map(\.russianHeader), delimiter: separator))
    }
}
