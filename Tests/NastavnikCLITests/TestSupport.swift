import Foundation
import Testing
@testable import NastavnikCLI

/// Runs a command line with a capturing console.
func run(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
    let console = Console(capturing: true)
    let status = await Console.$current.withValue(console) { await NastavnikCommand.runMain(arguments) }
    return (status, console.output, console.errors)
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let seedsPath = repositoryRoot.appendingPathComponent("Seeds").path

final class CLISandbox {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nastavnik-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) -> String {
        FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
        return path(name)
    }
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

enum LocalDateText {
    static func tomorrow() -> String {
        let f = DateFormatter()
        f.dateFormat = "dd.MM.yyyy"
        return f.string(from: Date().addingTimeInterval(2 * 86_400))
    }
}

extension CLISandbox {
    /// Imports each (kind, CSV text) into `db` from a file named after the kind, requiring every
    /// import to succeed: the fixture of most command tests.
    func importAll(_ files: [(String, String)], into db: String, _ arguments: [String] = []) async throws {
        for (kind, text) in files {
            let result = await run(["import", kind, write("\(kind).csv", text), "--db", db] + arguments)
            try #require(result.status == 0, "\(kind): \(result.err)")
        }
    }
}

/// A suite whose tests share one database file that its fixture filled.
protocol DatabaseSuite {
    var db: String { get }
}

extension DatabaseSuite {
    /// Runs a command on the suite's database and reads its JSON array, expecting success.
    func json(_ arguments: [String]) async throws -> [[String: Any]] {
        let result = await run(arguments + ["--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.err)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    }
}

/// The chain's database: diagnostics → plans → training order → enrolment → completion. Two
/// schools (S1 НОР, curated by S2), four staff, three courses, their trainings and diagnostics,
/// imported as of 22.11.2026; the training, plans and training order tests share it.
struct StaffChainDatabase {
    let sandbox: CLISandbox
    let db: String

    init() async throws {
        sandbox = try CLISandbox()
        db = sandbox.path("db.sqlite")
        let files: [(String, String)] = [
            ("schools", "Код ОО;Наименование ОО;Статус\nS1;Первая;НОР\nS2;Вторая;эффективная\n"),
            ("curators", "Код ОО;Код школы-куратора\nS1;S2\n"),
            ("staff", """
                Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Категория;Дата начала педагогической деятельности;Дата назначения на должность
                T1;Иванова Анна Петровна;S1;учитель;математика;01.01.1980;первая;;
                T2;Петров Иван Сергеевич;S1;учитель;математика;01.01.1975;высшая;;
                T3;Сидорова Мария Ивановна;S2;учитель;математика;01.01.1970;высшая;;
                T4;Кузнецова Ольга Олеговна;S1;педагог-психолог;;01.01.1990;;01.09.2025;01.09.2025

                """),
            ("courses", """
                Код программы;Наименование программы;Организатор;Объём (часов);Темы;Количество мест;Дата начала;Дата окончания
                K1;Формирующее оценивание;ГАУ ДПО ИРО;36;формирующее оценивание;1;01.03.2027;15.03.2027
                K2;Оценивание: практикум;ООО «Курсы»;72;формирующее оценивание;5;01.04.2027;30.04.2027
                K3;Вебинар;ГАУ ДПО ИРО;8;формирующее оценивание;;01.02.2027;01.02.2027

                """),
            ("trainings", """
                Табельный номер;Код программы;Дата начала;Дата окончания;Статус;Номер удостоверения
                T1;K2;01.10.2023;20.10.2023;завершено;111
                T2;K1;01.02.2025;15.02.2025;завершено;222
                T3;K3;01.02.2025;01.02.2025;завершено;

                """),
            ("diagnostics", """
                Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты
                T1;15.03.2026;8;25;формирующее оценивание
                T2;15.03.2026;15;28;
                T3;15.03.2026;18;30;

                """),
        ]
        try await sandbox.importAll(files, into: db, ["--as-of", "22.11.2026"])
    }
}
