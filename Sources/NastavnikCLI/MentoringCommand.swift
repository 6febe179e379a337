import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct MentoringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentoring",
        abstract: "Наставничество: оптимальные пары для молодых специалистов и педагогов ниже порога диагностики, решения, встречи.",
        subcommands: [Suggest.self, Assign.self, List.self, End.self, Meeting.self]
    )

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Предложить наставников: тот же предмет, сильные баллы, категория, стаж; сначала своя школа, затем школа-куратор.",
            discussion: "Стоимость пары: 0 в своей школе, 30 в школе-кураторе (другие школы не предлагаются) + 20, если нет общего предмета + 0/5/15 за высшую/первую/иную категорию + 10, если наставник не проходил диагностику + 5 за стаж менее 10 лет. Наставник ведёт до 3 (высшая категория), 2 (первая) или 1 наставляемого, считая уже действующие пары (настройки mentoring.limit_highest, mentoring.limit_first, mentoring.limit_other).")

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @Flag(name: .long, help: "Включить и тех, у кого наставник уже есть.")
        var all = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            let input = try database.open().mentoringInputs(asOf: date)
            let suggestions = try MentorMatching.suggest(staff: input.staff, activeMentors: input.activeMentors, activeMentees: input.activeMentees,
                                                         curatorsOf: input.curatorsOf, limits: input.limits, includeMentored: all,
                                                         activePairs: input.activePairs)
            try format.emit([ReportTable(
                title: "",
                columns: [Column("mentee_id", "Наставляемый: таб. №"), Column("mentee", "Наставляемый"), Column("school_code", "Код ОО"),
                          Column("why_mentee", "Почему"), Column("mentor_id", "Наставник: таб. №"), Column("mentor", "Наставник"),
                          Column("mentor_school", "Школа наставника"), Column("cost", "Стоимость"), Column("reason", "Обоснование")],
                rows: suggestions.map { s in
                    [.text(s.mentee.id), .text(s.mentee.fullName), .text(s.mentee.schoolCode), .text(s.need.joined(separator: ", ")),
                     Cell(s.mentor?.id), Cell(s.mentor?.fullName), Cell(s.mentor?.schoolCode), s.cost.map { .integer($0) } ?? .empty,
                     .text(s.reason)]
                },
                emptyMessage: "Наставляемых без наставника нет.")])
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Закрепить наставника (по табельным номерам).")
        @Argument(help: "Табельный номер наставника (или ФИО, если его носит один работник).") var mentor: String
        @Argument(help: "Табельный номер наставляемого (или ФИО, если его носит один работник).") var mentee: String
        @Option(name: .long, help: "Форма: «учитель – учитель», «руководитель – руководитель», групповая.") var form: String?
        @Option(name: .long, help: "Дата начала; по умолчанию сегодня.") var start: LocalDate?
        @Option(name: .long, help: "Дата окончания.") var end: LocalDate?
        @Option(name: .long, help: "Цель.") var goal: String?
        @Option(name: .long, help: "Дата письменного согласия наставника (ТК РФ, ст. 351.8); не позже сегодняшней.") var consent: LocalDate?
        @Flag(name: .long, help: "Второй наставник: у наставляемого уже есть действующий.") var second = false
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().assignMentor(mentor: mentor, mentee: mentee, form: form, start: start ?? .today(), end: end,
                                                    goal: goal, consent: consent, second: second).orUserError()
            Console.current.out("Наставник \(mentor) закреплён за \(mentee)." + (consent == nil ? " Письменное согласие наставника не отмечено (--consent ДАТА)." : "") + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Наставнические пары.")
        @Option(name: .long, help: "Действующие на дату; по умолчанию все.") var activeOn: LocalDate?
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let list = try database.open().mentorships(activeOn: activeOn)
            try format.emit([ReportTable(
                title: "",
                columns: [Column("id", "№"), Column("mentor_id", "Наставник: таб. №"), Column("mentor", "Наставник"), Column("mentor_school", "Код ОО"),
                          Column("mentee_id", "Наставляемый: таб. №"), Column("mentee", "Наставляемый"), Column("mentee_school", "Код ОО"),
                          Column("form", "Форма"), Column("start", "Начало"), Column("end", "Окончание"), Column("consent", "Согласие"),
                          Column("meetings", "Встреч"), Column("goal", "Цель")],
                rows: list.map { m in
                    [.integer(Int(m.id)), Cell(m.mentorID), .text(m.mentorName), .text(m.mentorSchool), Cell(m.menteeID), .text(m.menteeName),
                     .text(m.menteeSchool), Cell(m.form), Cell(m.start), Cell(m.end), Cell(m.consent), .integer(m.meetings), Cell(m.goal)]
                },
                emptyMessage: "Наставнических пар нет.")])
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Завершить наставничество.")
        @Argument(help: "Номер пары.") var id: Int64
        @Option(name: .long, help: "Дата; по умолчанию сегодня.") var date: LocalDate?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().endMentorship(id: id, on: date ?? .today()).orUserError()
            Console.current.out("Пара № \(id) завершена.\n")
        }
    }

    struct Meeting: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Записать встречу наставника и наставляемого.")
        @Argument(help: "Номер пары.") var id: Int64
        @Option(name: .long, help: "Дата встречи.") var date: LocalDate
        @Option(name: .long, help: "О чём говорили, что сделали.") var note: String?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().addMeeting(mentorship: id, date: date, note: note).orUserError()
            Console.current.out("Встреча записана.\n")
        }
    }
}
