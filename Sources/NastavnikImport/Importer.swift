import Foundation
import NastavnikCore
import NastavnikStore

/// Imports plain files into the database, all or nothing.
///
/// The file is read once, streaming: each row is validated and written inside one transaction;
/// every problem is collected, and if there is any error the transaction is rolled back, so the
/// database is exactly as before.
public struct Importer: Sendable {
    public let database: NastavnikDatabase

    public init(database: NastavnikDatabase) { self.database = database }

    /// Imports `path` as `kind`, or as the kind its headers show when `kind` is nil. The file
    /// is delimited text, or an `.xlsx` workbook (told by its first bytes, whatever its name).
    public func run(path: String, kind: ImportKind?, options: ImportOptions) throws -> ImportSummary {
        var summary = ImportSummary(kind: kind?.rawValue ?? "", file: path)
        summary.dryRun = options.dryRun
        switch FileSignature.of(path) {
        case .xlsx:
            return try runWorkbook(path: path, kind: kind, options: options, summary: summary)
        case .xls:
            summary.errors.append(
                ImportIssue(
                    line: nil, column: nil,
                    message:
                        "файл в формате Excel 97–2003 (.xls); откройте его в Excel или LibreOffice и сохраните как книгу .xlsx или как CSV"
                ))
            throw ImportFailure(summary: summary)
        case .text:
            break
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, encoding: options.encoding, delimiter: options.delimiter)
        } catch let error as CSVError {
            summary.errors.append(ImportIssue(line: nil, column: nil, message: Self.describe(error)))
            throw ImportFailure(summary: summary)
        }
        summary.encoding = reader.encoding.rawValue
        summary.delimiter = Self.delimiterName(reader.delimiter)
        let header = try findHeader(reader, kind: kind, summary: &summary)
        return try run(
            reader, header: header, kind: kind, path: path, options: options, summary: summary,
            textFile: (reader.delimiter, reader.encoding))
    }

    /// Imports a workbook's sheet: the one `options.sheet` names, else the first whose header
    /// reads as the kind's (or, with no kind, as one kind's), else the first.
    private func runWorkbook(path: String, kind: ImportKind?, options: ImportOptions, summary: ImportSummary)
        throws -> ImportSummary
    {
        var summary = summary
        func fail(_ message: String) -> ImportFailure {
            summary.errors.append(ImportIssue(line: nil, column: nil, message: message))
            return ImportFailure(summary: summary)
        }
        let workbook: XLSXWorkbook
        do {
            workbook = try XLSXWorkbook(path: path)
        } catch {
            throw fail(Self.describe(error))
        }
        var chosen: (reader: XLSXSheetReader, header: CSVRecord, summary: ImportSummary)?
        if let wanted = options.sheet {
            let index: Int
            do {
                index = try workbook.sheet(named: wanted)
            } catch {
                throw fail(Self.describe(error))
            }
            let reader = workbook.reader(sheet: index)
            summary.sheet = reader.sheetName
            let header = try findHeader(reader, kind: kind, summary: &summary)
            chosen = (reader, header, summary)
        } else {
            for index in workbook.sheets.indices {
                let reader = workbook.reader(sheet: index)
                var tried = summary
                tried.sheet = reader.sheetName
                do {
                    let header = try findHeader(reader, kind: kind, summary: &tried)
                    if Self.readsAsHeader(header, kind: kind) {
                        chosen = (reader, header, tried)
                        break
                    }
                } catch is ImportFailure {
                    // An empty or unreadable sheet: the next may hold the table.
                }
                reader.stop()
            }
            if chosen == nil {
                let reader = workbook.reader(sheet: 0)
                summary.sheet = reader.sheetName
                let header = try findHeader(reader, kind: kind, summary: &summary)
                chosen = (reader, header, summary)
            }
        }
        guard let (reader, header, found) = chosen else { throw fail("в книге нет листов") }
        reader.width = header.fields.count
        return try run(reader, header: header, kind: kind, path: path, options: options, summary: found, textFile: nil)
    }

    /// The header: the first non-blank record; or, where a spreadsheet has a title above its
    /// table («Сведения о педагогах на 01.09.2025»), the first of the next few records that
    /// reads as the kind's header. When none does, the first record is the header, and its
    /// problems are reported.
    private func findHeader(_ reader: some RecordSource, kind: ImportKind?, summary: inout ImportSummary) throws
        -> CSVRecord
    {
        var first: CSVRecord?
        var found: CSVRecord?
        var searched = 0
        do {
            while found == nil, searched < Self.headerSearchRows, let record = try reader.next() {
                if record.isBlank { continue }
                if first == nil { first = record }
                searched += 1
                if Self.readsAsHeader(record, kind: kind) { found = record }
            }
        } catch {
            summary.errors.append(ImportIssue(line: nil, column: nil, message: Self.describe(error)))
            throw ImportFailure(summary: summary)
        }
        guard let first else {
            let message =
                summary.sheet.map { "лист «\($0)» пуст: нет строки заголовков" } ?? "файл пуст: нет строки заголовков"
            summary.errors.append(ImportIssue(line: nil, column: nil, message: message))
            throw ImportFailure(summary: summary)
        }
        let header = found ?? first
        if header.line != first.line {
            summary.warnings.append(
                ImportIssue(
                    line: header.line, column: nil,
                    message: (header.line - 1 == first.line
                        ? "строка \(first.line) над таблицей пропущена"
                        : "строки \(first.line)–\(header.line - 1) над таблицей пропущены")
                        + ": заголовки столбцов найдены в строке \(header.line)"))
        }
        return header
    }

    /// Imports the rows after `header`; issues found in a sheet name their cells.
    // swiftlint:disable:next function_parameter_count
    private func run<Source: RecordSource>(
        _ reader: Source, header: CSVRecord, kind: ImportKind?, path: String, options: ImportOptions,
        summary: ImportSummary, textFile: (delimiter: UInt8, encoding: TextEncoding)?
    ) throws -> ImportSummary {
        do {
            var result = try importRows(
                reader, header: header, kind: kind, path: path, options: options, summary: summary,
                textFile: textFile)
            if textFile == nil { Self.locateCells(&result, header: header) }
            return result
        } catch let failure as ImportFailure {
            guard textFile == nil else { throw failure }
            var located = failure.summary
            Self.locateCells(&located, header: header)
            throw ImportFailure(summary: located)
        }
    }

    // swiftlint:disable:next function_parameter_count function_body_length
    private func importRows<Source: RecordSource>(
        _ reader: Source, header: CSVRecord, kind: ImportKind?, path: String, options: ImportOptions,
        summary: ImportSummary, textFile: (delimiter: UInt8, encoding: TextEncoding)?
    ) throws -> ImportSummary {
        var summary = summary
        func fail(_ issue: ImportIssue) -> ImportFailure {
            summary.errors.append(issue)
            return ImportFailure(summary: summary)
        }
        // Rows passed over above the header do not count.
        if let issue = reader.fieldIssues.first(where: { $0.line == header.line }) {
            throw fail(ImportIssue(line: issue.line, column: nil, message: Self.describe(issue)))
        }

        let resolvedKind: ImportKind
        if let kind {
            resolvedKind = kind
        } else {
            switch KindInference.infer(headers: header.fields) {
            case .success(let found): resolvedKind = found
            case .failure(let error): throw fail(ImportIssue(line: header.line, column: nil, message: error.message))
            }
        }
        summary.kind = resolvedKind.rawValue
        // A roadmap's own options say nothing about a file of another kind; named on the command
        // line the kind is checked before reading, told by the headers it is checked here.
        if resolvedKind != .roadmap, let option = options.roadmapOptionNames.first {
            throw fail(
                ImportIssue(
                    line: header.line, column: nil,
                    message:
                        "параметр \(option) относится только к дорожной карте (nastavnik import roadmap ФАЙЛ), а файл по заголовкам — вид «\(resolvedKind.rawValue)» (\(resolvedKind.russianTitle))"
                ))
        }

        let (map, headerIssues) = HeaderMapping.resolve(header: header, kind: resolvedKind)
        summary.warnings += headerIssues.warnings
        if !headerIssues.errors.isEmpty {
            summary.errors += headerIssues.errors
            throw ImportFailure(summary: summary)
        }

        var rejects: (any RejectsSink)?
        if let rejectsPath = options.rejectsPath {
            if rejectsPath.lowercased().hasSuffix(".xlsx") {
                rejects = RejectsWorkbook(path: rejectsPath, header: header.fields)
            } else {
                // A text file's rejects keep its encoding and delimiter; a sheet's go to UTF-8
                // with semicolons, as Excel opens them.
                rejects = RejectsWriter(
                    path: rejectsPath, header: header.fields, delimiter: textFile?.delimiter ?? UInt8(ascii: ";"),
                    encoding: textFile?.encoding ?? .utf8)
            }
        }

        let result: ImportSummary
        do {
            result = try transaction(
                summary: summary, reader: reader, header: header, resolvedKind: resolvedKind, map: map,
                rejects: rejects, path: path, options: options, estimatedRows: reader.estimatedRows)
        } catch let aborted as TransactionAborted {
            summary.errors.append(
                ImportIssue(
                    line: aborted.line, column: nil,
                    message: "импорт прерван: \(aborted.message); ничего не записано"))
            throw ImportFailure(summary: summary)
        }
        try rejects?.close()
        if !result.succeeded { throw ImportFailure(summary: result) }
        return result
    }

    // swiftlint:disable:next function_parameter_count
    private func transaction<Source: RecordSource>(
        summary: ImportSummary, reader: Source, header: CSVRecord, resolvedKind: ImportKind,
        map: ColumnMap, rejects: (any RejectsSink)?, path: String, options: ImportOptions, estimatedRows: Int
    ) throws -> ImportSummary {
        let fileName = path
        // A staff row's one reference, its school, is looked up in the session's map of codes,
        // which holds exactly the database's schools; its constrained values are checked by
        // `StaffRows` (a test breaks each of the staff table's CHECKs through a file).
        return try database.importTransaction(
            dryRun: options.dryRun, checkedInMemory: resolvedKind == .staff,
            bulkLoad: resolvedKind == .staff ? ("staff", estimatedRows) : nil
        ) { session in
            var summary = summary
            let mapper = RowMapper.make(
                kind: resolvedKind, map: map, session: session, options: options,
                fileName: fileName)
            if resolvedKind == .staff {
                // Reading and checking rows is half the work, writing them the other half:
                // they overlap on two cores.
                session.startBackgroundWrites()
            }
            // The writer's thread must be done before this one touches the database again,
            // or leaves (a thrown error rolls the transaction back).
            defer { _ = session.finishBackgroundWrites() }
            let position = Dictionary(
                header.fields.enumerated().map { (CellValue.trimmed($1), $0) },
                uniquingKeysWith: { first, _ in first })
            // The rows after the header are read on a thread of their own (issues so far are
            // the header's, reported above, or those of rows above it).
            let records = RecordPrefetcher(reader: reader)
            defer { records.stop() }
            // A blank row's field issues go with the next row that is read.
            var pendingIssues: [CSVFieldIssue] = []
            func count(_ outcome: UpsertOutcome) {
                switch outcome {
                case .added: summary.added += 1
                case .changed: summary.changed += 1
                case .unchanged: summary.unchanged += 1
                }
            }
            // The line last read, for `options.progress` (the header's until a row is read).
            var lastLine = header.line
            var rowsSinceProgress = 0
            defer { options.progress?(lastLine) }
            while true {
                do {
                    guard try records.advance() else { break }
                } catch let error as CSVError {
                    summary.errors.append(ImportIssue(line: nil, column: nil, message: Self.describe(error)))
                    break
                }
                if let progress = options.progress {
                    lastLine = records.line
                    rowsSinceProgress += 1
                    if rowsSinceProgress >= options.progressEvery {
                        rowsSinceProgress = 0
                        progress(lastLine)
                    }
                }
                let issues = records.issues
                if pendingIssues.isEmpty && issues.isEmpty {
                    let handled: RowMapper.RawHandling
                    do {
                        handled = try records.withRaw { try mapper.handleRaw($0) }
                    } catch var aborted as TransactionAborted {
                        aborted.line = aborted.line ?? records.line
                        throw aborted
                    }
                    if case .handled(let outcome) = handled {
                        summary.rowsReadAsBytes += 1
                        if let outcome { count(outcome) }
                        continue
                    }
                }
                let record = records.record()
                pendingIssues += issues
                if record.isBlank { continue }
                var row = RowReader(record: record)
                for issue in pendingIssues {
                    let column = issue.field < header.fields.count ? header.fields[issue.field] : nil
                    row.issues.append(
                        ImportIssue(
                            line: issue.line, column: column,
                            message: Self.describe(issue)))
                }
                pendingIssues.removeAll(keepingCapacity: true)
                if Self.checkWidth(&row, map: map, allowsSection: resolvedKind.allowsSectionRows) {
                    if row.issues.isEmpty {
                        do {
                            if let outcome = try mapper.handle(&row) { count(outcome) }
                        } catch let error as DatabaseRowError {
                            row.error(nil, error.message)
                        } catch var aborted as TransactionAborted {
                            aborted.line = aborted.line ?? record.line
                            throw aborted
                        }
                    }
                }
                if !row.issues.isEmpty {
                    // Report a row's problems left to right, as the user reads the row.
                    let ordered = row.issues.enumerated().sorted { a, b in
                        let pa = a.element.column.flatMap { position[$0] } ?? -1
                        let pb = b.element.column.flatMap { position[$0] } ?? -1
                        return (pa, a.offset) < (pb, b.offset)
                    }.map(\.element)
                    row.issues = ordered
                    summary.errors += row.issues
                    try rejects?.write(fields: record.fields, issues: row.issues)
                }
            }
            // The reader (and the file's hash) is this thread's again.
            records.stop()
            let background = session.finishBackgroundWrites()
            if let aborted = background.aborted { throw aborted }
            summary.changed += background.changed
            summary.unchanged += background.unchanged
            if !background.failures.isEmpty {
                for failure in background.failures {
                    let issue = ImportIssue(
                        line: failure.line, column: nil, message: "база данных отклонила строку: \(failure.message)")
                    summary.errors.append(issue)
                    try rejects?.write(fields: failure.fields, issues: [issue])
                }
                // In the order of the file, as the reader's own errors are.
                summary.errors = summary.errors.enumerated().sorted { a, b in
                    (a.element.line ?? 0, a.offset) < (b.element.line ?? 0, b.offset)
                }.map(\.element)
            }
            if summary.errors.isEmpty {
                do {
                    for (outcome, count) in try mapper.finish() {
                        switch outcome {
                        case .added: summary.added += count
                        case .changed: summary.changed += count
                        case .unchanged: summary.unchanged += count
                        }
                    }
                } catch let error as DatabaseRowError {
                    summary.errors.append(ImportIssue(line: nil, column: nil, message: error.message))
                }
            } else {
                mapper.checkWithoutWriting()
            }
            summary.warnings += mapper.warnings
            let commit = summary.errors.isEmpty
            if commit && !options.dryRun {
                try session.logImport(
                    fileName: (fileName as NSString).lastPathComponent, sha256: reader.sha256,
                    kind: resolvedKind.rawValue, added: summary.added, changed: summary.changed,
                    unchanged: summary.unchanged, warnings: summary.warnings.count,
                    importedBy: options.importedBy)
            }
            return (commit, summary)
        }
    }

    /// Checks a row's width against the header: a row with fewer cells, or with filled cells
    /// beyond the header, is a misplaced delimiter more often than not. Section rows may be short.
    private static func checkWidth(_ row: inout RowReader, map: ColumnMap, allowsSection: Bool) -> Bool {
        let count = row.record.fields.count
        if count > map.width {
            let extra = row.record.fields[map.width...].filter { !CellValue.trimmed($0).isEmpty }
            if !extra.isEmpty {
                row.error(
                    nil,
                    "в строке \(count) полей, а в заголовке \(map.width): лишние значения за последним столбцом (\(extra.joined(separator: "; ")))"
                )
                return false
            }
        } else if count < map.width {
            if allowsSection && count <= 2 { return true }
            row.error(nil, "в строке \(count) полей, а в заголовке \(map.width): проверьте разделители и кавычки")
            return false
        }
        return true
    }

    /// A reading error of a file, in Russian.
    public static func describe(_ error: CSVError) -> String {
        switch error {
        case .unreadable(let path, let reason): "не удалось прочитать файл «\(path)»: \(reason)"
        case .utf16: "файл в кодировке UTF-16; сохраните его как CSV в UTF-8 или Windows-1251"
        case .unterminatedQuote(let line): "кавычка, открытая в строке \(line), не закрыта до конца файла"
        }
    }

    /// A reading error of a workbook, in Russian.
    public static func describe(_ error: XLSXError) -> String {
        switch error {
        case .notAnArchive:
            // The archive library's reason is an English identifier: the user is told what to do.
            "файл начинается как книга Excel (.xlsx), но не открывается как архив: он повреждён или сохранён не полностью; откройте его в Excel и сохраните заново"
        case .missingPart(let part):
            "в файле нет части «\(part)»: это не книга Excel .xlsx (например, таблица OpenDocument .ods); сохраните её как .xlsx или CSV"
        case .noSuchSheet(let wanted, let available):
            "в книге нет листа «\(wanted)»; листы: \(available.map { "«\($0)»" }.joined(separator: ", ")) (укажите --sheet ИМЯ или номер листа с 1)"
        case .damaged(let part, _):
            "часть книги «\(part)» не читается: файл повреждён; откройте его в Excel и сохраните заново"
        }
    }

    /// Any error that stops reading a file, in Russian.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as CSVError: describe(error)
        case let error as XLSXError: describe(error)
        default: "файл не читается: он повреждён или это не таблица; сохраните его как .xlsx или CSV"
        }
    }

    /// Gives every issue of a sheet's import its cell, `Лист1!C12`, from its row and the
    /// column its header stands in (or its row alone, `Лист1, строка 12`).
    static func locateCells(_ summary: inout ImportSummary, header: CSVRecord) {
        guard let sheet = summary.sheet else { return }
        let position = Dictionary(
            header.fields.enumerated().map { (CellValue.trimmed($1), $0) }, uniquingKeysWith: { first, _ in first })
        func locate(_ issue: inout ImportIssue) {
            guard let line = issue.line else { return }
            if let column = issue.column, let index = position[CellValue.trimmed(column)] {
                issue.cell = "\(sheet)!\(XLSXSheetReader.columnLetters(index))\(line)"
            } else {
                issue.cell = "\(sheet), строка \(line)"
            }
        }
        for index in summary.errors.indices { locate(&summary.errors[index]) }
        for index in summary.warnings.indices { locate(&summary.warnings[index]) }
    }

    static func describe(_ issue: CSVFieldIssue) -> String {
        switch issue.kind {
        case .invalidUTF8:
            "байты не в кодировке UTF-8: файл в смешанной кодировке; пересохраните его целиком в UTF-8 или укажите --input-encoding cp1251"
        case .nulByte:
            "нулевой байт в значении: файл двоичный или не текстовый CSV"
        }
    }

    /// How many non-blank records may stand above the header (titles, dates, signatures).
    static let headerSearchRows = 10

    /// True when the record names every required column of the kind, or, with no kind given,
    /// of exactly one kind.
    static func readsAsHeader(_ record: CSVRecord, kind: ImportKind?) -> Bool {
        guard let kind else {
            if case .success = KindInference.infer(headers: record.fields) { return true }
            return false
        }
        return HeaderMapping.resolve(header: record, kind: kind).1.errors.isEmpty
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case 9: "tab"
        default: String(UnicodeScalar(byte))
        }
    }
}
