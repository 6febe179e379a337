import Foundation
import GRDB
import NastavnikCore
import NastavnikTestSupport
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// The import tests' scratch directory: the shared one, with the writers of encoded text and the
/// database below.
typealias Sandbox = ScratchDirectory

extension ScratchDirectory {
    /// Writes `text` in the encoding given; `bom` prefixes a UTF-8 byte order mark.
    @discardableResult
    func write(_ name: String, _ text: String, encoding: TextEncoding = .utf8, bom: Bool = false) -> String {
        var bytes: [UInt8]
        switch encoding {
        case .utf8: bytes = Array(text.utf8)
        case .cp1251:
            var lossy = false
            bytes = Windows1251.encode(text, lossy: &lossy)
        }
        if bom { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        return writeBytes(name, bytes)
    }

    func database() throws -> NastavnikDatabase { try NastavnikDatabase(path: path("test.sqlite")) }

    /// A fresh database in the sandbox and an importer into it.
    func importing() throws -> (NastavnikDatabase, Importer) {
        let db = try database()
        return (db, Importer(database: db))
    }
}

let testToday = LocalDate(year: 2026, month: 11, day: 22)!

extension Importer {
    /// Imports and returns the summary whether it succeeded or failed.
    func summary(
        _ path: String, _ kind: ImportKind?, dryRun: Bool = false, rejects: String? = nil,
        roadmap: RoadmapOptions = RoadmapOptions()
    ) throws -> ImportSummary {
        let options = ImportOptions(
            dryRun: dryRun, rejectsPath: rejects, today: testToday, importedBy: "tests", roadmap: roadmap)
        do {
            return try run(path: path, kind: kind, options: options)
        } catch let failure as ImportFailure {
            return failure.summary
        }
    }

    /// Imports `path`, its kind recognised from the file, expecting it read as `kind` without
    /// errors; returns the summary for the test's other checks.
    func recognised(
        _ path: String, as kind: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ImportSummary {
        let summary = try self.summary(path, nil)
        #expect(summary.errors == [], sourceLocation: sourceLocation)
        #expect(summary.kind == kind, sourceLocation: sourceLocation)
        return summary
    }
}

extension NastavnikDatabase {
    func count(_ table: String) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    /// Every row of every table, as text: equal snapshots mean an unchanged database.
    func snapshot() throws -> [String] {
        try writer.read { db in
            let tables = try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name"
            )
            var out: [String] = []
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2") {
                    out.append("\(table): \(row)")
                }
            }
            return out
        }
    }
}

/// Two schools, enough for staff and results files.
let schoolsCSV = """
    Код ОО;Наименование ОО;Статус;Стажировочная площадка;Широта;Долгота
    S1;МБОУ «Первая СОШ»;эффективная;да;54,70;40,10
    S2;МБОУ «Вторая ООШ»;"НОР; ШНСУ";нет;54,80;40,20
    S3;МКОУ «Третья НОШ»;ЗПР;нет;;

    """

let staffCSV = """
    Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Педстаж;Категория
    T1;Иванова Анна Петровна;S1;учитель;математика, физика;05.03.1980;20;высшая
    T2;Петров Иван Сергеевич;S2;учитель;русский язык;1990-01-15;4,5;первая
    T3;Сидорова Мария Ивановна;S2;директор;;1.2.1970;30;СЗД
    T4;Иванова Анна Петровна;S2;учитель;история;10.10.1985;10;без категории

    """
