import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// `--group-by`: the grouping of the order's list and totals (`TrainingReports.Grouping`).
enum OrderGrouping: String, ExpressibleByArgument, CaseIterable {
    case provider, school, course

    var grouping: TrainingReports.Grouping { TrainingReports.Grouping(rawValue: rawValue)! }
}

extension TrainingCommand {
    struct Order: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "order",
            abstract:
                "Заказ на курсовую подготовку на год: кого направить (срок «раз в 3 года» истекает в этом году или курс в ИППР), на какую ещё не начавшуюся программу по предмету педагога с местами, с итогами и потребностью без программы по темам; приказ «Об утверждении графика курсовой подготовки»."
        )

        @Option(name: .long, help: "Календарный год заказа.")
        var year: Int

        @Option(
            name: .long,
            help:
                "Группировка: по организаторам (provider или организатор), по школам (school или школа) или по программам (course или курс)."
        )
        var groupBy: OrderGrouping = .provider

        @OptionGroup var output: OutputOptions<PrintFormat.TrainingOrder>

        @Option(name: .long, help: "Дата приказа (ДД.ММ.ГГГГ) для проекта приказа.")
        var orderDate: LocalDate?

        @Option(name: .long, help: "Номер приказа.")
        var orderNumber: String?

        @Option(
            name: .long,
            help: "На дату (ДД.ММ.ГГГГ): программы, начавшиеся раньше, не предлагаются; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseLocation

        func run() async throws {
            let order = try await database.app().trainingOrder(year: year, asOf: asOf ?? .today())
            let tables = TrainingReports.orderTables(order.assignments, groupBy: groupBy.grouping, year: year)
            switch output.chosen {
            case .xlsx:
                try Output.write(
                    try XLSXWriter().render(
                        sheets: tables.map { XLSXWriter.Sheet(name: $0.title, tables: [$0]) },
                        title: "Заказ на курсовую подготовку на \(year) год"),
                    to: output.output ?? "training-order-\(year).xlsx")
            case .md, .html, .docx:
                let document = TrainingReports.orderDocument(
                    order.assignments, tables: tables, year: year, date: orderDate, number: orderNumber,
                    municipality: order.municipality)
                try output.write(document, defaultName: "training-order-\(year)")
            default:
                try output.emit(tables, json: TrainingReports.orderJSON(tables))
            }
        }
    }

    struct Enrol: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enrol", abstract: "Записать работника на программу из каталога.")

        @OptionGroup var enrolment: EnrolmentArguments

        @Option(name: .long, help: "Дата начала (ДД.ММ.ГГГГ), если отличается от каталога.")
        var start: LocalDate?

        @Option(name: .long, help: "Дата окончания.")
        var end: LocalDate?

        @Option(
            name: .long,
            help: "На дату (ДД.ММ.ГГГГ): закончившаяся к ней программа не принимается; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let message = try await database.app().enrol(
                staff: enrolment.staff, course: enrolment.course, start: start, end: end, asOf: asOf ?? .today())
            Console.current.out(message + "\n")
        }
    }

    struct Complete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete",
            abstract: "Отметить окончание курса с номером удостоверения; закрывает пункты ИППР.")

        @OptionGroup var enrolment: EnrolmentArguments

        @Option(name: .long, help: "Номер удостоверения о повышении квалификации.")
        var certificate: String

        @Option(name: .long, help: "Дата окончания (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var date: LocalDate?

        @Option(
            name: .long,
            help: "Сегодняшняя дата (ДД.ММ.ГГГГ): дата окончания позже неё не принимается; по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let today = asOf ?? .today()
            let result = try await database.app().complete(
                staff: enrolment.staff, course: enrolment.course, certificate: certificate, end: date ?? today,
                today: today)
            Console.current.out(
                "\(result.name): обучение завершено, удостоверение № \(certificate). Закрыто пунктов ИППР: \(result.closedItems).\n"
            )
        }
    }
}
