import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct AttestationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestation",
        abstract:
            "Аттестация: кому пора на соответствие занимаемой должности (раз в 5 лет) и у кого истекает срок категории.",
        subcommands: [DueCommand.self]
    )

    struct DueCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract:
                "Кто из педагогических работников должен пройти аттестацию до даты; категории, присвоенные с 01.09.2023, бессрочны.",
            discussion: """
                Порядок аттестации (приказ Минпросвещения России от 24.03.2023 № 196): на соответствие занимаемой должности \
                аттестуются педагогические работники без категории раз в 5 лет; руководители и прочий персонал — нет. \
                Не аттестуются проработавшие в занимаемой должности в этой организации менее двух лет (п. 21): это считается \
                по столбцу «Дата назначения на должность» файла работников.
                """)

        @Option(name: .long, help: "До какой даты (ДД.ММ.ГГГГ).")
        var until: LocalDate

        @OptionGroup var filter: SchoolFilter

        @OptionGroup var asOf: AsOfOption

        @OptionGroup var output: OutputOptions<PrintFormat.Lists>
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let list = try await database.app().attestationDue(until: until, schoolCode: filter.school, asOf: asOf.date)
            try output.emit([
                AttestationReports.due(
                    list.lines.map { ($0.staff, $0.listing, $0.lastAttestation) }, asOf: list.asOf,
                    until: list.until)
            ])
        }
    }
}
