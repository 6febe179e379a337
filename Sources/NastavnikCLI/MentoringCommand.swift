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
            discussion: "Стоимость пары: 0 в своей школе, 30 в школе-кураторе (другие школы не предлагаются) + 20, если нет общего предмета + 0/5/15 за высшую/первую/иную категорию + 10, если наставник не проходил диагностику + 5 за стаж менее 10 лет. Наставник ведёт до 3 (высшая категория), 2 (первая) или 1 наставляемого.")

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @Flag(name: .long, help: "Включить и тех, у кого наставник уже есть.")
        var all = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            let db = try database.open()
            let staff = try db.staff(asOf: date).filter { $0.staffID != nil }
            let (weak, strength) = try db.weakInDiagnostics(asOf: date)
            let active = Set(try db.mentorships(activeOn: date).compactMap(\.menteeID))
            var curatorsOf: [String: Set<String>] = [:]
            for p in try db.pairings() { curatorsOf[p.schoolCode, default: []].insert(p.curatorSchoolCode) }
            let mentees = staff.filter { s in
                s.positionKind == .pedagogical && (s.earlyCareer || weak.contains(s.staffID!)) && (all || !active.contains(s.staffID!))
            }
            let menteeIDs = Set(mentees.compactMap(\.staffID))
            let mentors = staff.filter { s in
                s.positionKind != .other && !menteeIDs.contains(s.staffID!) && !weak.contains(s.staffID!) && !s.earlyCareer
                    && ((s.experience ?? 0) >= 10 || s.category == .highest || s.category == .first)
            }
            func capacity(_ m: StaffLine) -> Int { m.category == .highest ? 3 : m.category == .first ? 2 : 1 }
            var reasons: [[String?]] = []
            let edges: [[(provider: Int32, cost: Int64)]] = mentees.map { e in
                var list: [(provider: Int32, cost: Int64)] = []
                var why: [String?] = []
                for (j, m) in mentors.enumerated() {
                    var parts: [String] = []
                    var cost: Int64 = 0
                    if m.schoolCode == e.schoolCode { parts.append("своя школа") }
                    else if curatorsOf[e.schoolCode]?.contains(m.schoolCode) ?? false { cost += 30; parts.append("школа-куратор \(m.schoolCode)") }
                    else { why.append(nil); continue }
                    let shared = m.subjects.filter { s in e.subjects.contains { CellValue.fold($0) == CellValue.fold(s) } }
                    if shared.isEmpty { cost += 20; parts.append("другой предмет") } else { parts.append("общий предмет: \(shared.joined(separator: ", "))") }
                    switch m.category {
                    case .highest?: parts.append("высшая категория")
                    case .first?: cost += 5; parts.append("первая категория")
                    default: cost += 15
                    }
                    if strength[m.staffID!] == nil { cost += 10; parts.append("диагностику не проходил(а)") } else { parts.append("баллы диагностики выше порогов") }
                    if (m.experience ?? 0) < 10 { cost += 5 }
                    parts.append("стаж \(Int(m.experience ?? 0)) лет")
                    list.append((Int32(j), cost))
                    why.append(parts.joined(separator: "; "))
                }
                reasons.append(why)
                return list
            }
            let solution = try MinCostAssignment(edges: edges, capacities: mentors.map(capacity), unassignedCost: 1000).solve()
            try format.emit([ReportTable(
                title: "",
                columns: [Column("mentee_id", "Наставляемый: таб. №"), Column("mentee", "Наставляемый"), Column("school_code", "Код ОО"),
                          Column("why_mentee", "Почему"), Column("mentor_id", "Наставник: таб. №"), Column("mentor", "Наставник"),
                          Column("mentor_school", "Школа наставника"), Column("cost", "Стоимость"), Column("reason", "Обоснование")],
                rows: mentees.indices.map { i in
                    let e = mentees[i]
                    let j = solution.assignment[i]
                    let m = j.map { mentors[$0] }
                    let cost = j.flatMap { jj in edges[i].first { Int($0.provider) == jj }?.cost }
                    let why = [e.earlyCareer ? "молодой специалист" : nil, weak.contains(e.staffID!) ? "баллы диагностики не выше порога" : nil]
                        .compactMap { $0 }.joined(separator: ", ")
                    return [Cell(e.staffID), .text(e.fullName), .text(e.schoolCode), .text(why), Cell(m?.staffID), Cell(m?.fullName),
                            Cell(m?.schoolCode), cost.map { .integer(Int($0)) } ?? .empty,
                            .text(j.flatMap { reasons[i][$0] } ?? "наставника с местом нет ни в своей школе, ни в школе-кураторе")]
                },
                emptyMessage: "Наставляемых без наставника нет.")])
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Закрепить наставника (по табельным номерам).")
        @Argument(help: "Табельный номер наставника.") var mentor: String
        @Argument(help: "Табельный номер наставляемого.") var mentee: String
        @Option(name: .long, help: "Форма: «учитель – учитель», «руководитель – руководитель», групповая.") var form: String?
        @Option(name: .long, help: "Дата начала; по умолчанию сегодня.") var start: LocalDate?
        @Option(name: .long, help: "Дата окончания.") var end: LocalDate?
        @Option(name: .long, help: "Цель.") var goal: String?
        @Option(name: .long, help: "Дата письменного согласия наставника (ТК РФ, ст. 351.8).") var consent: LocalDate?
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().assignMentor(mentor: mentor, mentee: mentee, form: form, start: start ?? .today(), end: end,
                                                    goal: goal, consent: consent).orUserError()
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
