import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

enum OrderGrouping: String, ExpressibleByArgument, CaseIterable {
    case provider, school, course
}

enum OrderFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx, md, html
}

extension TrainingCommand {
    struct Order: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Заказ на курсовую подготовку на год: кого направить (срок «раз в 3 года» истекает в этом году или курс в ИППР), на какую ещё не начавшуюся программу по предмету педагога с местами, с итогами и потребностью без программы по темам; приказ «Об утверждении графика курсовой подготовки».")

        @Option(name: .long, help: "Календарный год заказа.")
        var year: Int

        @Option(name: .long, help: "Группировка: по организаторам (provider или организатор), по школам (school или школа) или по программам (course или курс).")
        var groupBy: OrderGrouping = .provider

        @Option(name: .long, help: "Формат: table, csv, json, xlsx; md или html — проект приказа с графиком в приложении.")
        var format: OrderFormat = .table

        @Option(name: .long, help: "Файл для записи.")
        var output: String?

        @Option(name: .long, help: "Дата приказа (ДД.ММ.ГГГГ) для проекта приказа.")
        var orderDate: LocalDate?

        @Option(name: .long, help: "Номер приказа.")
        var orderNumber: String?

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ): программы, начавшиеся раньше, не предлагаются; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseLocation

        func run() throws {
            guard (2000...2100).contains(year) else { throw UserError("Год «\(year)» вне допустимых пределов.") }
            let range = LocalDate(year: year, month: 1, day: 1)!...LocalDate(year: year, month: 12, day: 31)!
            let db = try database.open()
            let date = asOf ?? .today()
            let inputs = try db.trainingOrderInputs(year: range, asOf: date)
            let assignments = TrainingOrderPlanner(year: range, minimumHours: inputs.rule.minimumHours, asOf: date)
                .assign(inputs.candidates, courses: inputs.courses)
            let tables = TrainingCommand.orderTables(assignments, groupBy: groupBy, year: year)
            switch format {
            case .table, .csv, .json:
                var options = FormatOptions()
                options.format = OutputFormat(rawValue: format.rawValue)!
                options.output = output
                let renderer = JSONRenderer()
                // Stable English keys for scripts: the list, the totals, who has no course, the needs without a programme.
                try options.emit(tables, json: .object(zip(["assignments", "totals", "unplaced", "needs"], tables).map { ($0, renderer.value($1)) }))
            case .xlsx:
                try Output.write(try XLSXWriter().render(sheets: tables.map { XLSXWriter.Sheet(name: $0.title, tables: [$0]) },
                                                         title: "Заказ на курсовую подготовку на \(year) год"),
                                 to: output ?? "training-order-\(year).xlsx")
            case .md, .html:
                let document = TrainingCommand.orderDocument(assignments, tables: tables, year: year, date: orderDate, number: orderNumber,
                                                             municipality: try db.schools().compactMap(\.municipality).first)
                var options = DocumentOutputOptions()
                options.format = format == .md ? .md : .html
                options.output = output
                try options.write(document, defaultName: "training-order-\(year)")
            }
        }
    }

    /// The order's tables: the list of people with their courses, the totals by the grouping,
    /// and those left without a course.
    static func orderTables(_ assignments: [OrderAssignment], groupBy: OrderGrouping, year: Int) -> [ReportTable] {
        let placed = assignments.filter { $0.course != nil }
        func group(_ a: OrderAssignment) -> String {
            switch groupBy {
            case .provider: a.course!.provider
            case .school: "\(a.candidate.schoolCode) \(a.candidate.schoolName)"
            case .course: a.course!.label
            }
        }
        let sorted = placed.sorted { (group($0), $0.candidate.schoolCode, $0.candidate.fullName) < (group($1), $1.candidate.schoolCode, $1.candidate.fullName) }
        let list = ReportTable(
            title: "График курсовой подготовки на \(year) год",
            columns: [Column("group", groupBy == .provider ? "Организатор" : groupBy == .school ? "Школа" : "Программа"),
                      Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                      Column("course_code", "Код программы"), Column("course", "Программа"), Column("hours", "Часы"),
                      Column("start", "Начало"), Column("end", "Окончание"), Column("reason", "Основание")],
            rows: sorted.map { a in
                let c = a.course!
                return [.text(group(a)), Cell(a.candidate.staffID), .text(a.candidate.fullName), .text(a.candidate.schoolCode),
                        Cell(c.code), .text(c.title), .number(c.hours, decimals: 0), Cell(c.start), Cell(c.end), .text(a.candidate.reason)]
            },
            emptyMessage: "Направлять на курсы в \(year) году некого.")
        var totals: [String: (people: Int, hours: Double)] = [:]
        for a in placed { totals[group(a), default: (0, 0)].people += 1; totals[group(a)]!.hours += a.course!.hours }
        var totalRows = totals.keys.sorted().map { k in [Cell.text(k), .integer(totals[k]!.people), .number(totals[k]!.hours, decimals: 0)] }
        totalRows.append([.text("Итого"), .integer(placed.count), .number(placed.reduce(0) { $0 + $1.course!.hours }, decimals: 0)])
        let summary = ReportTable(title: "Итоги", columns: [Column("group", "Группа"), Column("people", "Человек"), Column("hours", "Часов")],
                                  rows: totalRows)
        let unplaced = ReportTable(
            title: "Без курса: нет подходящих программ или мест",
            columns: [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                      Column("subjects", "Предметы"), Column("reason", "Основание")],
            rows: assignments.filter { $0.course == nil }.map { a in
                [Cell(a.candidate.staffID), .text(a.candidate.fullName), .text(a.candidate.schoolCode), .list(a.candidate.subjects),
                 .text(a.candidate.reason)]
            },
            emptyMessage: "Все направляемые обеспечены местами.")
        let needs = ReportTable(
            title: "Потребность без программы: запросить программы у организаторов ДПО",
            columns: [Column("topic", "Тема (дефицит, компетенция)"), Column("people", "Человек"), Column("subjects", "Предметы"),
                      Column("schools", "Школы"), Column("staff", "Работники")],
            rows: TrainingOrderPlanner.needs(assignments).map { n in
                [.text(n.topic), .integer(n.candidates.count), .list(n.subjects), .list(Array(Set(n.candidates.map(\.schoolCode))).sorted()),
                 .list(n.candidates.map { $0.staffID ?? $0.fullName })]
            },
            emptyMessage: "Потребности без программы нет.")
        return [list, summary, unplaced, needs]
    }

    static func orderDocument(_ assignments: [OrderAssignment], tables: [ReportTable], year: Int, date: LocalDate?, number: String?,
                              municipality: String?) -> Document {
        let placed = assignments.filter { $0.course != nil }
        let providers = Set(placed.map { $0.course!.provider }).sorted()
        let needs = TrainingOrderPlanner.needs(assignments)
        var points: [Document.Point] = [
            .init("Утвердить график курсовой подготовки педагогических и руководящих работников на \(year) год (приложение): \(RussianPlural.count(placed.count, "человек", "человека", "человек")) по программам организаторов:", items: providers),
            .init("Руководителям общеобразовательных организаций обеспечить направление работников на курсы в соответствии с графиком и представить копии удостоверений в управление образования в течение 10 дней после окончания обучения."),
        ]
        if !needs.isEmpty {
            points.append(.init("Муниципальному координатору направить организаторам дополнительного профессионального образования запрос на программы повышения квалификации по темам, для которых в каталоге нет открытой программы (потребность без программы, приложение):",
                                items: needs.map { "\($0.topic) — \($0.candidates.count) чел." }))
        }
        points += [
            .init("Муниципальному координатору вести учёт прохождения курсовой подготовки и ежеквартально информировать о выполнении графика."),
            .init("Контроль за исполнением приказа оставляю за собой."),
        ]
        return Document(
            organisation: Document.department(municipality: municipality),
            date: date, number: number,
            subject: "Об утверждении графика курсовой подготовки педагогических и руководящих работников на \(year) год",
            preamble: "В соответствии с пунктом 2 части 5 статьи 47 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», в целях обеспечения права педагогических работников на дополнительное профессиональное образование не реже чем один раз в три года и устранения выявленных профессиональных дефицитов",
            points: points,
            signatoryPosition: "Начальник управления образования", signatoryName: "________________",
            appendices: [.init(title: "Приложение к приказу. График курсовой подготовки на \(year) год", blocks: tables.map { .table($0) })])
    }

    struct Enrol: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Записать работника на программу из каталога.")

        @Argument(help: "Табельный номер (или ФИО, если его носит один работник).")
        var staff: String

        @Argument(help: "Код программы.")
        var course: String

        @Option(name: .long, help: "Дата начала (ДД.ММ.ГГГГ), если отличается от каталога.")
        var start: LocalDate?

        @Option(name: .long, help: "Дата окончания.")
        var end: LocalDate?

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ): закончившаяся к ней программа не принимается; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let message = try database.open().enrol(staff: staff, course: course, start: start, end: end, asOf: asOf ?? .today()).orUserError()
            Console.current.out(message + "\n")
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Отметить окончание курса с номером удостоверения; закрывает пункты ИППР.")

        @Argument(help: "Табельный номер (или ФИО, если его носит один работник).")
        var staff: String

        @Argument(help: "Код программы.")
        var course: String

        @Option(name: .long, help: "Номер удостоверения о повышении квалификации.")
        var certificate: String

        @Option(name: .long, help: "Дата окончания (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var date: LocalDate?

        @Option(name: .long, help: "Сегодняшняя дата (ДД.ММ.ГГГГ): дата окончания позже неё не принимается; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let today = asOf ?? .today()
            let result = try database.open().complete(staff: staff, course: course, certificate: certificate, end: date ?? today, today: today).orUserError()
            Console.current.out("\(result.name): обучение завершено, удостоверение № \(certificate). Закрыто пунктов ИППР: \(result.closedItems).\n")
        }
    }
}
