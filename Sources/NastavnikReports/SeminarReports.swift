import NastavnikCore
import NastavnikStore

/// The seminar tables, the invitation and the coverage, built from the planner's sessions and the stored events.
public enum SeminarReports {
    /// The proposed sessions, with the JSON scripts read (dates and personnel numbers).
    public static func sessions(_ sessions: [SeminarSession], topic: String) -> (table: ReportTable, json: JSONValue) {
        let json = JSONValue.array(
            sessions.map { s in
                .object([
                    ("date", .string(s.date.iso)), ("host_school_code", s.host.map { .string($0.code) } ?? .null),
                    ("presenters", .array(s.presenters.compactMap(\.staffID).map { .string($0) })),
                    ("participants", .array(s.participants.compactMap(\.staffID).map { .string($0) })),
                ])
            })
        let table = ReportTable(
            columns: [
                Column("session", "Группа"), Column("date", "Дата"), Column("host", "Площадка"),
                Column("presenters", "Ведущие"),
                Column("count", "Участников"), Column("participants", "Участники"),
            ],
            rows: sessions.enumerated().map { i, s in
                [
                    .integer(i + 1), .date(s.date), Cell(s.host.map { "\($0.code) \($0.name)" }),
                    .list(s.presenters.map(\.name)),
                    .integer(s.participants.count), .list(s.participants.map(\.name)),
                ]
            },
            emptyMessage: "Педагогов с дефицитом «\(topic)» нет.")
        return (table, json)
    }

    /// The events (`seminars list`).
    public static func events(_ events: [EventLine]) -> ReportTable {
        ReportTable(
            columns: [
                Column("id", "№"), Column("date", "Дата"), Column("kind", "Вид"), Column("title", "Название"),
                Column("host", "Площадка"),
                Column("presenters", "Ведущие"), Column("invited", "Приглашено"), Column("attended", "Пришли"),
            ],
            rows: events.map { e in
                [
                    .integer(Int(e.id)), .date(e.date), .text(e.kind.russian), .text(e.title), Cell(e.hostCode),
                    .list(e.presenters.map(\.name)),
                    .integer(e.participants.count), .integer(e.participants.filter { $0.attended == true }.count),
                ]
            },
            emptyMessage: "Мероприятий нет: nastavnik seminars create --topic ТЕМА.")
    }

    /// The registration sheet; it reads back as the attendance file: «Табельный номер» and «Присутствовал» (да/нет).
    public static func registrationSheet(_ event: EventLine) -> ReportTable {
        ReportTable(
            title: "Лист регистрации участников",
            columns: [
                Column("n", "№"), .staffID, .fullName, .school, Column("present", "Присутствовал"),
                Column("signature", "Подпись"),
            ],
            rows: event.participants.enumerated().map { i, p in
                [.integer(i + 1), Cell(p.staffID), .text(p.name), .text(p.schoolName), .empty, .text(" ")]
            })
    }

    /// The invitation by school and the registration sheet, for print.
    public static func invitation(_ event: EventLine) -> Report {
        let bySchool = Dictionary(grouping: event.participants, by: { "\($0.school) \($0.schoolName)" })
        let invitation = ReportTable(
            title: "Приглашённые по школам",
            columns: [.school, Column("count", "Человек"), Column("names", "Педагоги")],
            rows: bySchool.keys.sorted().map {
                [.text($0), .integer(bySchool[$0]!.count), .list(bySchool[$0]!.map(\.name))]
            })
        return Report(
            title: event.title,
            subtitle: "\(event.kind.russian.sentenceCased), \(event.date.russian)"
                + (event.startTime.map { ", \($0)" } ?? "")
                + (event.hostName.map { ", площадка: \($0)" } ?? "")
                + (event.presenters.isEmpty
                    ? "" : "; ведущие: \(event.presenters.map(\.name).joined(separator: ", "))"),
            sections: [
                ReportSection(title: "Приглашение", table: invitation),
                ReportSection(title: "Лист регистрации", table: registrationSheet(event)),
            ])
    }

    /// Coverage per school, the municipality, and the schools that need support, against the
    /// target when the kind has one. `target`, `kind`: the chosen kind's target and the kind.
    public static func coverage(
        _ lines: [CoverageLine], period: ClosedRange<LocalDate>, supportedCodes: Set<String>,
        target: CoverageTarget?, kind: EventKind?
    ) -> ReportTable {
        let teachers = lines.reduce(0) { $0 + $1.population }
        let reached = lines.reduce(0) { $0 + $1.reached }
        func row(_ code: String, _ name: String, _ t: Int, _ r: Int) -> [Cell] {
            let share = t == 0 ? 0 : Double(r) * 100 / Double(t)
            return [
                .text(code), .text(name), .integer(t), .integer(r), .percent(share),
                target.map { .percent($0.percent) } ?? .empty,
                target.map { .bool(share >= $0.percent) } ?? .empty,
            ]
        }
        // The targets are «от педагогических работников ОО» of the program: the schools that need support.
        let supported = lines.filter { supportedCodes.contains($0.code) }
        let supportedRow =
            supported.isEmpty
            ? []
            : [
                row(
                    "", "Школы с НОР, ЗПР, ЗУР и ШНСУ", supported.reduce(0) { $0 + $1.population },
                    supported.reduce(0) { $0 + $1.reached })
            ]
        let counted = target?.russianActivities ?? kind.map(\.russian) ?? "все мероприятия и наставничество"
        return ReportTable(
            title: "Охват за \(period.lowerBound.russian)–\(period.upperBound.russian): \(counted)",
            columns: [
                .schoolCode, .school,
                Column("teachers", "Педагогических и руководящих работников"),
                Column("reached", "Охвачено"), Column("share", "Охват"), Column("target", "Цель"),
                Column("met", "Достигнута"),
            ],
            rows: lines.map { row($0.code, $0.name, $0.population, $0.reached) } + [
                row("", "Муниципалитет", teachers, reached)
            ]
                + supportedRow)
    }

    /// The coverage of each school with staff as bars, against the target's line when the kind
    /// has one (the same picture as the municipal report's coverage charts).
    public static func coverageChart(_ lines: [CoverageLine], target: CoverageTarget?, kind: EventKind?) -> Chart {
        let counted = target?.russianActivities ?? kind.map(\.russian) ?? "все мероприятия и наставничество"
        return .bars(
            BarChart(
                title: "Охват по школам: \(counted)"
                    + (target.map { " (цель \(Cell.russianNumber($0.percent, decimals: 0)) %)" } ?? ""),
                valueTitle: "Охват",
                items: lines.compactMap { line in
                    line.share.map { BarChart.Item(label: "\(line.code) \(line.name)", value: $0) }
                },
                target: target?.percent))
    }
}
