import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikStore
import Testing

/// A fresh SQLite file in a temporary folder, loaded through the importer: four schools (H an
/// internship site), seven teachers with the deficit «формирующее оценивание» and two strong
/// colleagues, each with a diagnostic of 15.03.2026.
final class AppFixture {
    let folder: URL
    let database: NastavnikDatabase
    var app: NastavnikApp { NastavnikApp(database: database) }

    /// `staff`, `diagnostics`: `nil` loads none.
    init(
        schools: String = AppFixture.schools, staff: String? = AppFixture.staff,
        diagnostics: String? = AppFixture.diagnostics
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try NastavnikDatabase(path: folder.appendingPathComponent("t.sqlite").path, access: .write)
        for (kind, text) in [(ImportKind.schools, schools), (.staff, staff), (.diagnostics, diagnostics)] {
            if let text { try load(kind, text) }
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Imports a file of `kind` with this text; an error row fails the test.
    func load(_ kind: ImportKind, _ text: String) throws {
        let file = write("\(kind.rawValue).csv", text)
        let summary = try Importer(database: database).run(
            path: file, kind: kind,
            options: ImportOptions(today: LocalDate(year: 2026, month: 12, day: 1)!, importedBy: "tests"))
        #expect(summary.errors.isEmpty, "\(summary.errors)")
    }

    /// Writes a file into the fixture's folder and returns its path.
    func write(_ name: String, _ text: String) -> String {
        let path = folder.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static let schools = """
        Код ОО;Наименование ОО;Стажировочная площадка;Широта;Долгота
        A;Школа А;нет;54,70;40,10
        B;Школа Б;нет;54,71;40,12
        C;Школа В;нет;55,30;41,00
        H;Площадка;да;54,705;40,11

        """

    static var staff: String {
        var text = "Табельный номер;ФИО;Код ОО;Должность;Категория\n"
        for i in 1...7 { text += "W\(i);Учитель \(i);\(i <= 3 ? "A" : i <= 5 ? "B" : "C");учитель;первая\n" }
        return text + "P1;Сильная Ирина;H;учитель;высшая\nP2;Сильный Пётр;A;учитель;первая\n"
    }

    static var diagnostics: String {
        var text = "Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты\n"
        for i in 1...7 { text += "W\(i);15.03.2026;8;18;формирующее оценивание\n" }
        return text + "P1;15.03.2026;18;30;\nP2;15.03.2026;15;26;\n"
    }
}
