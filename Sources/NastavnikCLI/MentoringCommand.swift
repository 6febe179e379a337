import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct MentoringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentoring",
        abstract:
            "Наставничество: оптимальные пары для молодых специалистов и педагогов ниже порога диагностики, решения, встречи.",
        subcommands: [Suggest.self, Assign.self, List.self, End.self, Meeting.self]
    )

    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract:
                "Предложить наставников: тот же предмет, сильные баллы, категория, стаж; сначала своя школа, затем школа-куратор.",
            discussion:
                MentorMatching.explanation
                + " Наставник ведёт до 3 (высшая категория), 2 (первая) или 1 наставляемого, считая уже действующие пары (настройки mentoring.limit_highest, mentoring.limit_first, mentoring.limit_other)."
        )

        @OptionGroup var asOf: AsOfOption

        @Flag(name: .long, help: "Включить и тех, у кого наставник уже есть.")
        var all = false

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try output.emit([
                MentoringReports.suggestions(try await database.app().suggestMentors(asOf: asOf.date, all: all))
            ])
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Закрепить наставника (по табельным номерам).")
        @Argument(help: "Табельный номер наставника (или ФИО, если его носит один работник).") var mentor: String
        @Argument(help: "Табельный номер наставляемого (или ФИО, если его носит один работник).") var mentee: String
        @Option(name: .long, help: "Форма: «учитель – учитель», «руководитель – руководитель», групповая.") var form:
            String?
        @Option(name: .long, help: "Дата начала; по умолчанию сегодня.") var start: LocalDate?
        @Option(name: .long, help: "Дата окончания.") var end: LocalDate?
        @Option(name: .long, help: "Цель.") var goal: String?
        @Option(name: .long, help: "Дата письменного согласия наставника (ТК РФ, ст. 351.8); не позже сегодняшней.")
        var consent: LocalDate?
        @Flag(name: .long, help: "Второй наставник: у наставляемого уже есть действующий.") var second = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.app().assignMentor(
                mentor: mentor, mentee: mentee, form: form, start: start ?? .today(), end: end,
                goal: goal, consent: consent, second: second)
            Console.current.out(
                "Наставник \(mentor) закреплён за \(mentee)."
                    + (consent == nil ? " Письменное согласие наставника не отмечено (--consent ДАТА)." : "") + "\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Наставнические пары.")
        @Option(name: .long, help: "Действующие на дату; по умолчанию все.") var activeOn: LocalDate?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try output.emit([MentoringReports.list(try await database.app().mentorships(activeOn: activeOn))])
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: "Завершить наставничество.")
        @Argument(help: "Номер пары.") var id: Int64
        @Option(name: .long, help: "Дата; по умолчанию сегодня.") var date: LocalDate?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.app().endMentorship(id, on: date ?? .today())
            Console.current.out("Пара № \(id) завершена.\n")
        }
    }

    struct Meeting: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meeting", abstract: "Записать встречу наставника и наставляемого.")
        @Argument(help: "Номер пары.") var id: Int64
        @Option(name: .long, help: "Дата встречи.") var date: LocalDate
        @Option(name: .long, help: "О чём говорили, что сделали.") var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await database.app().addMeeting(mentorship: id, date: date, note: note)
            Console.current.out("Встреча записана.\n")
        }
    }
}
