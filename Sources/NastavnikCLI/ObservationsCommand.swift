import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports

struct ObservationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observations",
        abstract:
            "Посещённые уроки: кто, когда, что увидел; выявленные дефициты попадают в ИППР. Из файла — nastavnik import observations ФАЙЛ.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Записать посещённый урок.")

        @Option(name: .long, help: "Табельный номер учителя.") var staff: String
        @Option(name: .long, help: "Кто посещал (ФИО).") var observer: String
        @Option(name: .long, help: "Роль наблюдателя: заместитель директора, куратор, методист.") var role: String?
        @Option(name: .long, help: "Дата урока (ДД.ММ.ГГГГ).") var date: LocalDate
        @Option(name: .customLong("class"), help: "Класс.") var className: String?
        @Option(name: .long, help: "Предмет.") var subject: String?
        @Option(name: .long, help: "Цель посещения (фокус).") var focus: String?
        @Option(name: .long, help: "Оценка по критерию: «целеполагание=2» (можно повторять).") var score: [String] = []
        @Option(name: .long, help: "Выявленный дефицит (можно повторять).") var deficit: [String] = []
        @Option(name: .long, help: "Рекомендации.") var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let (scores, bad) = ObservationEntry.scores(score)
            guard bad.isEmpty else {
                throw UserError("Оценка по критерию записывается как «критерий=балл»: \(bad.joined(separator: ", ")).")
            }
            guard date <= .today() else { throw UserError("Дата урока \(date.russian) ещё не наступила.") }
            let entry = ObservationEntry(
                date: date, observer: observer, observerRole: role, className: className, subject: subject,
                focus: focus, scores: scores, deficits: deficit, note: note)
            let added = try await database.app().recordObservation(entry, staff: staff)
            let message = added ? "Урок записан." : "Запись об уроке обновлена."
            Console.current.out(
                message + (deficit.isEmpty ? "" : " Дефициты: \(deficit.joined(separator: ", ")) — учтутся в ИППР.")
                    + "\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Посещённые уроки.")

        @Option(name: .long, help: "Только учитель с этим табельным номером.") var staff: String?
        @OptionGroup var filter: SchoolFilter
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let rows = try await database.app().observations(staff: staff, schoolCode: filter.school)
            try output.emit([ObservationTables.list(rows)])
        }
    }
}
