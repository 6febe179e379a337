import ArgumentParser
import NastavnikApp
import NastavnikCore
import NastavnikReports

struct SchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "Школы: список и карточка.",
        subcommands: [List.self, Show.self, Classify.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Список школ со статусами и кураторами.")

        @Option(name: .long, help: "Только школы с этим статусом: НОР, ЗПР, ЗУР, ШНСУ, эффективная.") var status:
            String?
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            var filter: SchoolStatus?
            if let status {
                guard let value = SchoolStatus(russian: status) else {
                    throw UserError("Неизвестный статус «\(status)»: укажите НОР, ЗПР, ЗУР, ШНСУ или эффективная.")
                }
                filter = value
            }
            let schools = try await database.app().schools(status: filter)
            let table = ReportTable(
                title: "",
                columns: [
                    Column("code", "Код ОО"), Column("name", "Наименование"), Column("municipality", "Муниципалитет"),
                    Column("statuses", "Статус"), Column("internship_site", "Стажировочная площадка"),
                    Column("students", "Обучающихся"), Column("staff", "Работников"), Column("curators", "Кураторы"),
                ],
                rows: schools.map { s in
                    [
                        .text(s.code), .text(s.name), Cell(s.municipality), .list(s.statuses.map(\.russianShort)),
                        .bool(s.internshipSite), Cell(s.students), .integer(s.staffCount), .list(s.curators),
                    ]
                },
                emptyMessage: "Школ нет: импортируйте список (nastavnik import schools ФАЙЛ).")
            try output.emit([table])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Карточка школы.")

        @Argument(help: "Код ОО.") var code: String
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let detail = try await database.app().school(code: code, asOf: asOf.date)
            let r = detail.record
            let share = detail.trainedBase == 0 ? nil : Double(detail.trainedCount) * 100 / Double(detail.trainedBase)
            var fields: [(String, String, Cell)] = [
                ("code", "Код ОО", .text(r.code)), ("name", "Наименование", .text(r.name)),
                ("municipality", "Муниципалитет", Cell(r.municipality)), ("kind", "Тип ОО", Cell(r.kind)),
                ("statuses", "Статус", .list(detail.statuses.map(\.russianShort))),
                ("internship_site", "Стажировочная площадка", .bool(r.internshipSite)),
                ("students", "Обучающихся", Cell(r.students)), ("head", "Директор", Cell(r.head)),
                ("address", "Адрес", Cell(r.address)),
                ("staff", "Работников", .integer(detail.staffCount)),
                ("pedagogical", "из них педагогических работников", .integer(detail.staffByKind[.pedagogical] ?? 0)),
                ("leading", "руководящих работников", .integer(detail.staffByKind[.leading] ?? 0)),
                ("trained_share", "Доля прошедших КПК за 3 года", share.map { .percent($0) } ?? .empty),
            ]
            fields.append(
                (
                    "curated_by", "Школа-куратор",
                    .list(detail.curatedBy.map { "\($0.curatorSchoolCode) \($0.curatorSchoolName)" })
                ))
            fields.append(
                (
                    "coordinator", "Муниципальный координатор",
                    .list(Array(Set(detail.curatedBy.compactMap(\.coordinator))).sorted())
                ))
            fields.append(
                ("curates", "Курирует школы", .list(detail.curates.map { "\($0.schoolCode) \($0.schoolName)" })))
            try output.emitCard(fields)
        }
    }
}
