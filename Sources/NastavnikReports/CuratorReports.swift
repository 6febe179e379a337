import NastavnikCore
import NastavnikStore

/// The curator schools' tables and their order, built from the matching and the stored pairs.
public enum CuratorReports {
    /// The suggested pairs with their costs and reasons (`curators suggest`).
    public static func suggestions(_ suggestions: [CuratorSuggestion]) -> ReportTable {
        ReportTable(
            columns: [
                .schoolCode, .school, Column("curator_code", "Код куратора"),
                Column("curator", "Школа-куратор"), Column("cost", "Стоимость"), Column("distance", "Расстояние"),
                Column("uncovered_subjects", "Не закрыты предметы"),
                Column("uncovered_deficits", "Не закрыты дефициты"),
                Column("continuity", "Новая пара"), Column("reason", "Обоснование"),
            ],
            rows: suggestions.map { s in
                [
                    .text(s.school.code), .text(s.school.name), Cell(s.curator?.code), Cell(s.curator?.name),
                    s.cost.map { .integer($0.total) } ?? .empty, s.cost.map { .integer($0.distance) } ?? .empty,
                    .list(s.cost?.uncoveredSubjects ?? []), .list(s.cost?.uncoveredDeficits ?? []),
                    s.cost.map { .bool($0.continuity > 0) } ?? .empty,
                    .text(s.reason),
                ]
            },
            emptyMessage: "Школ со статусами НОР, ЗПР, ЗУР, ШНСУ нет.")
    }

    /// The active pairs (`curators list`).
    /// With `programmeFactors` (school code → the factors of its anti-risk programmes), a last
    /// column names the factors the curator's support addresses (issue 21).
    public static func pairings(_ pairs: [PairingLine], programmeFactors: [String: [RiskFactor]]? = nil)
        -> ReportTable
    {
        var table = ReportTable(
            columns: [
                .schoolCode, .school, Column("curator_code", "Код куратора"),
                .curatorSchool, .curator,
                Column("coordinator", "Координатор"),
                Column("since", "С"), Column("order", "Приказ"),
            ],
            rows: pairs.map { p in
                [
                    .text(p.schoolCode), .text(p.schoolName), .text(p.curatorSchoolCode), .text(p.curatorSchoolName),
                    Cell(p.curatorName),
                    Cell(p.coordinator), Cell(p.since), Cell(p.orderRef),
                ]
            },
            emptyMessage: "Пар нет: nastavnik curators suggest, затем curators assign.")
        guard let programmeFactors else { return table }
        table.columns.append(Column("risk_factors", "Факторы риска (программы школы)"))
        for (index, pair) in pairs.enumerated() {
            table.rows[index].append(.text(SupportFactors.text(programmeFactors[pair.schoolCode] ?? [])))
        }
        return table
    }

    /// The draft order «О закреплении школ-кураторов» with the pairs in its appendix.
    public static func order(_ pairs: [PairingLine], date: LocalDate?, number: String?, municipality: String?)
        -> Document
    {
        let grouped = Dictionary(grouping: pairs, by: \.curatorSchoolCode)
        let items = grouped.keys.sorted().map { code -> String in
            let list = grouped[code]!
            return "\(list[0].curatorSchoolName) для " + list.map(\.schoolName).joined(separator: ", ") + ";"
        }
        let coordinators = Array(Set(pairs.compactMap(\.coordinator))).sorted()
        var points: [Document.Point] = [
            .init(
                "Определить школу-куратора для школ с низкими образовательными результатами и школ в зоне риска снижения образовательных результатов:",
                items: items)
        ]
        if !coordinators.isEmpty {
            points.append(.init("Назначить муниципальными координаторами:", items: coordinators.map { $0 + ";" }))
        }
        points.append(
            .init(
                "Руководителям школ-кураторов организовать методическое сопровождение курируемых школ: взаимопосещение уроков, консультации, участие педагогов в семинарах и мастер-классах."
            ))
        return .departmentOrder(
            municipality: municipality, date: date, number: number, subject: "О закреплении школ-кураторов",
            preamble:
                "В целях оказания адресной методической помощи школам с низкими образовательными результатами и школам, находящимся в зоне риска снижения образовательных результатов,",
            points: points,
            appendix: .init(
                title: "Приложение к приказу. Закрепление школ-кураторов", blocks: [.table(appendix(pairs))]))
    }

    /// One row per curated school, grouped by curator school as the order's first point is.
    public static func appendix(_ pairs: [PairingLine]) -> ReportTable {
        let ordered = pairs.sorted { ($0.curatorSchoolCode, $0.schoolCode) < ($1.curatorSchoolCode, $1.schoolCode) }
        return ReportTable(
            columns: [
                Column("number", "№ п/п"), Column("curator_code", "Код школы-куратора"),
                .curatorSchool,
                .curator, Column("school_code", "Код курируемой школы"),
                Column("school", "Курируемая школа"),
                .coordinator,
            ],
            rows: ordered.enumerated().map { index, p in
                [
                    .integer(index + 1), .text(p.curatorSchoolCode), .text(p.curatorSchoolName), Cell(p.curatorName),
                    .text(p.schoolCode), .text(p.schoolName), Cell(p.coordinator),
                ]
            })
    }
}
