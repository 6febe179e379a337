import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct AttestationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestation",
        abstract: "Аттестация: кому пора на соответствие занимаемой должности (раз в 5 лет) и у кого истекает срок категории.",
        subcommands: [DueCommand.self]
    )

    struct DueCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "Кто из педагогических работников должен пройти аттестацию до даты; категории, присвоенные с 01.09.2023, бессрочны.",
            discussion: """
                Порядок аттестации (приказ Минпросвещения России от 24.03.2023 № 196): на соответствие занимаемой должности \
                аттестуются педагогические работники без категории раз в 5 лет; руководители и прочий персонал — нет. \
                Не аттестуются проработавшие в занимаемой должности в этой организации менее двух лет (п. 21): это считается \
                по столбцу «Дата назначения на должность» файла работников.
                """)

        @Option(name: .long, help: "До какой даты (ДД.ММ.ГГГГ).")
        var until: LocalDate

        @Option(name: .long, help: "Только школа с этим кодом.")
        var school: String?

        @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var asOf: LocalDate?

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let date = asOf ?? .today()
            let db = try database.open()
            let staff = try db.staff(schoolCode: school, asOf: date)
            // By row id: people without a personnel number have dates too.
            let cards = try db.attestationDates(schoolCode: school)
            var rows: [(line: StaffLine, what: String, due: LocalDate?)] = []
            for line in staff {
                let since = cards[line.rowID]
                switch Attestation.due(kind: line.positionKind, category: line.category, since: since,
                                       postSince: line.postSince, asOf: date) {
                case let .fitnessForPost(d, postSinceKnown)?:
                    guard d.map({ $0 <= until }) ?? true else { continue }
                    var what = d == nil ? "аттестация на соответствие должности: даты прежней аттестации нет" : "аттестация на соответствие должности"
                    // The two-year exemption (Порядок, п. 21) counts the years in the post at this
                    // school: without the date of appointment it is not known, and said so.
                    if d == nil, !postSinceKnown { what += "; дата назначения на должность неизвестна — освобождение первых двух лет в должности не проверено" }
                    rows.append((line, what, d))
                case let .categoryExpires(d)?:
                    guard d <= until else { continue }
                    rows.append((line, "истекает срок категории «\(line.category!.russian)»", d))
                case .exemptNewInPost?, nil:
                    continue
                }
            }
            rows.sort { ($0.due ?? LocalDate(year: 1, month: 1, day: 1)!, $0.line.schoolCode, $0.line.fullName)
                < ($1.due ?? LocalDate(year: 1, month: 1, day: 1)!, $1.line.schoolCode, $1.line.fullName) }
            try format.emit([ReportTable(
                title: "",
                columns: [Column("staff_id", "Табельный номер"), Column("full_name", "ФИО"), Column("school_code", "Код ОО"),
                          Column("position", "Должность"), Column("category", "Категория"), Column("category_date", "Дата аттестации"),
                          Column("due", "Срок"), Column("what", "Что предстоит"), Column("overdue", "Срок прошёл")],
                rows: rows.map { r in
                    [Cell(r.line.staffID), .text(r.line.fullName), .text(r.line.schoolCode), .text(r.line.position),
                     Cell(r.line.category?.russian), Cell(cards[r.line.rowID]), Cell(r.due), .text(r.what),
                     .bool(r.due.map { $0 < date } ?? true)]
                },
                emptyMessage: "До \(until.russian) аттестация никому не предстоит.")])
        }
    }
}
