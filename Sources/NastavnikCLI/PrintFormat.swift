import NastavnikCore

/// Every format a command of the tool prints: the one vocabulary of `--format`. Each command
/// takes a subset of it (`PrintFormats`, declared by one of the nested sets below).
enum PrintFormat: String, CaseIterable, Sendable {
    case table, csv, json, html, md, xlsx, docx

    /// The names a user may type (compared folded: case, «ё» and spaces do not matter).
    var names: [String] {
        switch self {
        case .table: ["table", "таблица"]
        case .md: ["md", "markdown"]
        default: [rawValue]
        }
    }

    /// The format a user named, whichever command it is for.
    init?(name: String) {
        let folded = CellValue.fold(name)
        guard let format = PrintFormat.allCases.first(where: { $0.names.contains { CellValue.fold($0) == folded } })
        else { return nil }
        self = format
    }

    // The formats of each kind of command, in the order help and errors list them.

    /// Lists and summaries: a text table, CSV for Excel, JSON for scripts.
    enum Lists: PrintFormats {
        static let allowed: [PrintFormat] = [.table, .csv, .json]
        static let help = "Формат вывода: table, csv или json."
        static let outputHelp = "Записать в файл вместо вывода на экран."
    }

    /// An import's summary.
    enum ImportSummary: PrintFormats {
        static let allowed: [PrintFormat] = [.table, .json]
        static let help = "Формат итога: table или json."
        static let writesFile = false
    }

    /// Reports and documents for people: HTML to print, Markdown, a workbook.
    enum Documents: PrintFormats {
        static let allowed: [PrintFormat] = [.html, .md, .xlsx]
        static let help = "Формат: html (для печати и просмотра), md или xlsx."
        static let outputHelp = "Файл для записи; для xlsx по умолчанию создаётся файл в текущем каталоге."
    }

    /// The municipal and the school report: printable, a workbook, or their tables and figures as data.
    enum Reports: PrintFormats {
        static let allowed: [PrintFormat] = [.html, .md, .xlsx, .csv, .json]
        static let help = "Формат: html (для печати и просмотра), md, xlsx, csv (таблицы с заголовками) или json."
        static let outputHelp = Documents.outputHelp
    }

    /// The roadmap's monitoring report.
    enum RoadmapReport: PrintFormats {
        static let allowed: [PrintFormat] = [.md, .html, .xlsx, .csv]
    }

    /// The training order: its tables, or the draft order with the schedule appended.
    enum TrainingOrder: PrintFormats {
        static let allowed: [PrintFormat] = [.table, .csv, .json, .xlsx, .md, .html, .docx]
        static let help =
            "Формат: table, csv, json, xlsx; md, html или docx (Word) — проект приказа с графиком в приложении."
        static let outputHelp = "Файл для записи; для xlsx и docx по умолчанию создаётся файл в текущем каталоге."
    }

    /// Printable development plans, or their items as CSV.
    enum PlanExport: PrintFormats {
        static let allowed: [PrintFormat] = [.html, .md, .xlsx, .csv, .docx]
    }

    /// An event's invitation and registration sheet.
    enum Invitation: PrintFormats {
        static let allowed: [PrintFormat] = [.html, .csv, .xlsx, .docx]
    }

    /// A draft order: to print, as Markdown, its appendix as a workbook, or a Word document.
    enum Order: PrintFormats {
        static let allowed: [PrintFormat] = [.html, .md, .xlsx, .docx]
        static let help = "Формат: html (для печати и просмотра), md, xlsx (приложение) или docx (документ Word)."
        static let outputHelp = "Файл для записи; для xlsx и docx по умолчанию создаётся файл в текущем каталоге."
    }

    /// The region's training order: a Word document or a workbook first, as a ЦНППМ uses them.
    enum RegionOrder: PrintFormats {
        static let allowed: [PrintFormat] = [.docx, .xlsx, .md, .html]
        static let help = "Формат: docx (документ Word, по умолчанию), xlsx (таблицы), md или html."
        static let outputHelp = "Файл для записи; для docx и xlsx по умолчанию создаётся файл в текущем каталоге."
    }
}
