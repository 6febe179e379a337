import NastavnikCore
import NastavnikRegion

/// The region's training order for a year (`nastavnik region order`): every person of every
/// municipality the municipal orders send on a course, grouped with the seats each group needs —
/// the document a ЦНППМ plans its courses by.
public struct RegionOrderBuilder: Sendable {
    /// How the seats are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case provider, course, municipality
    }

    public var year: Int
    public var grouping: Grouping
    public var asOf: LocalDate

    public init(year: Int, grouping: Grouping, asOf: LocalDate) {
        self.year = year
        self.grouping = grouping
        self.asOf = asOf
    }

    static let noCourse = "Программа не подобрана"

    public func build(_ lines: [RegionOrderLine]) -> Document {
        let municipalities = Set(lines.map { UTF8Key($0.municipality) }).count
        let due = lines.count(where: \.due)
        let summary = seats(lines)
        var points: [Document.Point] = [
            Document.Point(
                "Сформировать курсы повышения квалификации на \(year) год на \(lines.count) "
                    + "\(RussianPlural.form(lines.count, "место", "места", "мест")) (приложение 1), из них \(due) — "
                    + "работникам, у которых в \(year) году истекает или истёк трёхлетний срок (273-ФЗ, ст. 47, ч. 5, п. 2)"
                    + (due < lines.count ? ", остальные — по индивидуальным планам профессионального развития." : ".")),
            Document.Point("Списки направляемых работников по муниципалитетам — приложение 2."),
        ]
        let unplaced = lines.count { $0.courseTitle == nil }
        if unplaced > 0 {
            points.append(
                Document.Point(
                    "Для \(unplaced) \(RussianPlural.form(unplaced, "работника", "работников", "работников")) программа не подобрана: "
                        + "разработать программы по указанным темам или согласовать их с организаторами ДПО."))
        }
        return Document(
            organisation: [
                "Региональный центр непрерывного повышения", "профессионального мастерства педагогических работников",
            ],
            kind: "СВОДНЫЙ ЗАКАЗ", date: asOf, number: nil, place: nil,
            subject: "На повышение квалификации педагогических и руководящих работников на \(year) год",
            preamble:
                "По данным \(municipalities) \(RussianPlural.form(municipalities, "муниципалитета", "муниципалитетов", "муниципалитетов")), "
                + "отправленным в региональную базу, на \(asOf.russian) (каждый работник учтён один раз)",
            operative: "необходимо:", points: points,
            signatoryPosition: "Руководитель ЦНППМ", signatoryName: "________________",
            appendices: [
                Document.Appendix(title: "Приложение 1. Места по группам", blocks: [.table(summary)]),
                Document.Appendix(title: "Приложение 2. Направляемые работники", blocks: [.table(people(lines))]),
            ])
    }

    /// The seats per group, with a subtotal per provider or municipality and the total.
    public func seats(_ lines: [RegionOrderLine]) -> ReportTable {
        // Grouped by the texts' bytes (`UTF8Key`): hundreds of thousands of lines of Cyrillic text.
        struct Course: Hashable, Comparable {
            var provider: UTF8Key
            var title: UTF8Key
            var code: UTF8Key
            var hours: Double
            static func < (a: Course, b: Course) -> Bool {
                (a.provider, a.title, a.code, a.hours) < (b.provider, b.title, b.code, b.hours)
            }
        }
        func course(_ l: RegionOrderLine) -> Course {
            Course(
                provider: UTF8Key(l.provider ?? Self.noCourse),
                title: UTF8Key(l.courseTitle ?? Self.noCourse + (l.topics.map { " (\($0))" } ?? "")),
                code: UTF8Key(l.courseCode ?? ""), hours: l.hours ?? 0)
        }
        // Counted, not grouped: a group would copy every line of it.
        var rows: [[Cell]] = []
        switch grouping {
        case .provider:
            var seats: [Course: Int] = [:]
            for line in lines { seats[course(line), default: 0] += 1 }
            let byProvider = Dictionary(grouping: seats.keys, by: \.provider)
            for provider in byProvider.keys.sorted() {
                let courses = byProvider[provider]!.sorted()
                for c in courses {
                    rows.append([
                        .text(provider.text), .text(c.title.text), .text(c.code.text), hours(c.hours),
                        .integer(seats[c]!),
                    ])
                }
                let total = courses.reduce(0) { $0 + seats[$1]! }
                rows.append([.text("Итого: \(provider.text)"), .empty, .empty, .empty, .integer(total)])
            }
            rows.append([.text("Всего"), .empty, .empty, .empty, .integer(lines.count)])
            return ReportTable(
                title: "Места по организаторам ДПО, \(year) год",
                columns: [
                    Column("provider", "Организатор"), Column("course", "Программа"), Column("code", "Код"),
                    Column("hours", "Часов"), Column("seats", "Мест"),
                ], rows: rows)
        case .course:
            var seats: [Course: Int] = [:]
            var municipalities: [Course: Set<UTF8Key>] = [:]
            for line in lines {
                let c = course(line)
                seats[c, default: 0] += 1
                municipalities[c, default: []].insert(UTF8Key(line.municipality))
            }
            for c in seats.keys.sorted(by: { ($0.title, $0.provider, $0) < ($1.title, $1.provider, $1) }) {
                rows.append([
                    .text(c.title.text), .text(c.code.text), .text(c.provider.text), hours(c.hours),
                    .integer(seats[c]!), .integer(municipalities[c]!.count),
                ])
            }
            rows.append([
                .text("Всего"), .empty, .empty, .empty, .integer(lines.count),
                .integer(Set(lines.map { UTF8Key($0.municipality) }).count),
            ])
            return ReportTable(
                title: "Места по программам, \(year) год",
                columns: [
                    Column("course", "Программа"), Column("code", "Код"), Column("provider", "Организатор"),
                    Column("hours", "Часов"), Column("seats", "Мест"), Column("municipalities", "Муниципалитетов"),
                ], rows: rows)
        case .municipality:
            struct Seat: Hashable {
                var municipality: UTF8Key
                var course: Course
            }
            var seats: [Seat: Int] = [:]
            for line in lines {
                seats[Seat(municipality: UTF8Key(line.municipality), course: course(line)), default: 0] += 1
            }
            let byMunicipality = Dictionary(grouping: seats.keys, by: \.municipality)
            for m in byMunicipality.keys.sorted() {
                let group = byMunicipality[m]!.sorted { $0.course < $1.course }
                for seat in group {
                    let c = seat.course
                    rows.append([
                        .text(m.text), .text(c.title.text), .text(c.provider.text), hours(c.hours),
                        .integer(seats[seat]!),
                    ])
                }
                let total = group.reduce(0) { $0 + seats[$1]! }
                rows.append([.text("Итого: \(m.text)"), .empty, .empty, .empty, .integer(total)])
            }
            rows.append([.text("Всего"), .empty, .empty, .empty, .integer(lines.count)])
            return ReportTable(
                title: "Места по муниципалитетам, \(year) год",
                columns: [
                    Column("municipality", "Муниципалитет"), Column("course", "Программа"),
                    Column("provider", "Организатор"), Column("hours", "Часов"), Column("seats", "Мест"),
                ], rows: rows)
        }
    }

    /// Every person sent, by municipality, school and name.
    public func people(_ lines: [RegionOrderLine]) -> ReportTable {
        ReportTable(
            title: "Направляемые работники, \(year) год",
            columns: [
                Column("municipality", "Муниципалитет"), Column("school_code", "Код ОО"), Column("school", "Школа"),
                Column("person", "Работник"), Column("reason", "Основание"), Column("course", "Программа"),
                Column("provider", "Организатор"),
            ],
            rows: lines.map { l in
                [
                    .text(l.municipality), .text(l.schoolCode), Cell(l.schoolName), .text(l.person), .text(l.reason),
                    .text(l.courseTitle ?? Self.noCourse + (l.topics.map { " (\($0))" } ?? "")),
                    .text(l.provider ?? "—"),
                ]
            },
            emptyMessage: "Направлять на курсы в \(year) году некого.")
    }

    func hours(_ value: Double) -> Cell {
        value > 0 ? .number(value, decimals: value == value.rounded() ? 0 : 1) : .empty
    }
}
