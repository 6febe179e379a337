/// The formats one command prints (a subset of `PrintFormat`, in the order help and the parser's
/// error list them), its default and the help of `--format` and `--output`: the parameter of
/// `OutputOptions`.
protocol PrintFormats {
    /// The formats the command takes; the first is the default unless `defaultFormat` says otherwise.
    static var allowed: [PrintFormat] { get }
    /// The format without `--format`.
    static var defaultFormat: PrintFormat { get }
    /// The help of `--format`; by default «Формат: » and the formats.
    static var help: String { get }
    /// The help of `--output`.
    static var outputHelp: String { get }
    /// Whether the command writes a file at all: without, `--output` is hidden and refused.
    static var writesFile: Bool { get }
}

extension PrintFormats {
    static var defaultFormat: PrintFormat { allowed[0] }
    static var help: String {
        let names = allowed.map(\.rawValue)
        return "Формат: \(names.dropLast().joined(separator: ", ")) или \(names.last!)."
    }
    static var outputHelp: String { "Файл для записи." }
    static var writesFile: Bool { true }
    /// Whether `--encoding` (the CSV's) applies: only where CSV is printed.
    static var printsCSV: Bool { allowed.contains(.csv) }
}
