import NastavnikCore
import NastavnikStore

/// The tables of the anti-risk programmes (issue 21): the programme file `programmes draft`
/// writes and `programmes import` reads, the lists, a programme's measures and the schools'
/// development documents.
public enum ProgrammeTables {
    /// The programme file's columns: the headers the roadmap import reads (`ImportKind.roadmap`).
    public static let fileColumns = [
        Column("school_code", "Код ОО"), Column("risk_factor", "Фактор риска"), Column("goal", "Цель программы"),
        Column("direction", "Задача"), Column("number", "№ п/п"), Column("activity", "Мероприятие"),
        Column("term", "Сроки"), Column("responsible", "Ответственные"), Column("result", "Ожидаемый результат"),
        Column("indicator", "Показатель"),
    ]

    /// The draft as the file a school finishes and `programmes import` reads back: one row a
    /// measure, the school, factor and goal on every row.
    public static func file(_ draft: ProgrammeDraft) -> ReportTable {
        let factor = "\(draft.factor.rawValue). \(draft.factor.russian)"
        return ReportTable(
            columns: fileColumns,
            rows: draft.measures.map { m in
                [
                    .text(draft.schoolCode), .text(factor), .text(draft.goal), Cell(m.direction), Cell(m.number),
                    .text(m.text), .text(m.term), Cell(m.responsible), Cell(m.result), Cell(m.indicator),
                ]
            })
    }

    /// The draft to read and approve (a Word document): the school and factor, the goal, the
    /// tasks, the measures by task.
    public static func document(_ draft: ProgrammeDraft) -> Report {
        let columns = [
            Column("number", "№ п/п"), Column("activity", "Мероприятие"), Column("term", "Сроки"),
            Column("responsible", "Ответственные"), Column("result", "Ожидаемый результат"),
            Column("indicator", "Показатель"),
        ]
        let byTask = draft.tasks.enumerated().map { index, task in
            ReportSection(
                title: "Задача \(index + 1). \(task)",
                blocks: [
                    .table(
                        ReportTable(
                            columns: columns,
                            rows: draft.measures.filter { $0.direction == task }.map { m in
                                [
                                    Cell(m.number), .text(m.text), .text(m.term), Cell(m.responsible), Cell(m.result),
                                    Cell(m.indicator),
                                ]
                            }))
                ])
        }
        return Report(
            title: "Антирисковая программа «\(draft.factor.russian)»",
            subtitle: "\(draft.schoolName) (\(draft.schoolCode)); \(draft.schoolYearText) учебный год; "
                + "фактор риска № \(draft.factor.rawValue)",
            sections: [
                ReportSection(title: "Цель программы", blocks: [.paragraph(draft.goal)]),
                ReportSection(
                    title: "Задачи",
                    blocks: draft.tasks.enumerated().map { .paragraph("\($0.offset + 1). \($0.element)") }),
            ] + byTask)
    }

    /// The programmes with their measures' progress (`programmes list`).
    public static func programmes(_ list: [ProgrammeProgress]) -> ReportTable {
        ReportTable(
            title: "Антирисковые программы",
            columns: [
                Column.schoolCode, Column.school, Column("factor", "Фактор"), Column("factor_name", "Фактор риска"),
                Column("key", "Идентификатор"), Column("period", "Период"), Column("measures", "Мер"),
                Column("done", "Выполнено"), Column("overdue", "Просрочено"), Column("planned", "Запланировано"),
            ],
            rows: list.map { p in
                let line = p.programme
                let period = [line.periodStart?.russian, line.periodEnd?.russian].compactMap { $0 }
                return [
                    .text(line.schoolCode), .text(line.schoolName), .integer(line.factor.rawValue),
                    .text(line.factor.russian), .text(line.key), .text(period.joined(separator: " — ")),
                    .integer(line.measures), .integer(p.done), .integer(p.overdue), .integer(p.planned),
                ]
            },
            emptyMessage: "Антирисковых программ нет: nastavnik programmes import ФАЙЛ.")
    }

    /// The high factors without an anti-risk programme in force (`ProgrammeGap`), each with the
    /// command that drafts its programme.
    public static func gaps(_ gaps: [ProgrammeGap]) -> ReportTable {
        ReportTable(
            title: "Высокий уровень риска без антирисковой программы",
            columns: [
                Column.schoolCode, Column.school, Column("year", "Год профиля"), Column("factor", "Фактор"),
                Column("factor_name", "Фактор риска"), Column("draft", "Проект программы"),
            ],
            rows: gaps.map { g in
                [
                    .text(g.schoolCode), .text(g.schoolName), .integer(g.year), .integer(g.factor.rawValue),
                    .text(g.factor.russian),
                    .text(
                        "nastavnik programmes draft \(g.schoolCode) --factor \(g.factor.rawValue) --output ФАЙЛ.docx"),
                ]
            },
            emptyMessage: "У каждого фактора с высоким уровнем риска есть действующая антирисковая программа.")
    }

    /// A programme's measures, one row a measure, with its terms' statuses (`programmes show`).
    public static func measures(_ occurrences: [OccurrenceRow], title: String = "") -> ReportTable {
        var order: [Int64] = []
        var terms: [Int64: [OccurrenceRow]] = [:]
        for o in occurrences {
            if terms[o.activityID] == nil { order.append(o.activityID) }
            terms[o.activityID, default: []].append(o)
        }
        return ReportTable(
            title: title,
            columns: [
                Column("task", "Задача"), Column("number", "№"), Column("activity", "Мероприятие"),
                Column("term", "Сроки"), Column("responsible", "Ответственные"),
                Column("result", "Ожидаемый результат"), Column("indicator", "Показатель"),
                Column("status", "Статус"),
            ],
            rows: order.map { id in
                let all = terms[id]!
                let first = all[0]
                return [
                    Cell(first.direction), Cell(first.number), .text(first.activity), .text(first.term),
                    Cell(first.responsible), Cell(first.result), Cell(first.indicator), .text(statusText(all)),
                ]
            },
            emptyMessage: "В программе нет мер.")
    }

    /// «выполнено», «просрочено», or «выполнено 1 из 4» for a measure's terms.
    static func statusText(_ terms: [OccurrenceRow]) -> String {
        if terms.count == 1 { return terms[0].status.russian }
        let done = terms.filter { $0.status == .done }.count
        let overdue = terms.filter { $0.status == .overdue }.count
        return "выполнено \(done) из \(terms.count)" + (overdue > 0 ? ", просрочено \(overdue)" : "")
    }

    /// The schools' development documents (`programmes documents`).
    public static func documents(_ list: [SchoolDocumentLine]) -> ReportTable {
        ReportTable(
            title: "Документы развития школ",
            columns: [
                Column.schoolCode, Column.school, Column("kind", "Вид"), Column("title", "Название"),
                Column("number", "Номер"), Column("approved_on", "Утверждён"), Column("period", "Период"),
            ],
            rows: list.map { d in
                [
                    .text(d.schoolCode), .text(d.schoolName), .text(d.kind.russian), .text(d.title), Cell(d.number),
                    .date(d.approvedOn), Cell(d.periodText.isEmpty ? nil : d.periodText),
                ]
            },
            emptyMessage: "Документы не внесены: nastavnik programmes document КОД_ОО --kind … --title … --date ….")
    }
}

extension ProgrammeTables {
    /// The support addressing `factor` at a school (`programmes show`, issue 21): its curator pairs
    /// (a curator's support addresses the school's programmes' factors), then the items of its
    /// teachers' current plans by kind, where the kind addresses `factor` (`SupportFactors`).
    public static func support(
        factor: RiskFactor, pairings: [PairingLine], plans: [PlanLine], settings: SettingValues
    ) -> ReportTable {
        var rows: [[Cell]] = pairings.map { p in
            [
                .text("Школа-куратор"),
                .text([p.curatorSchoolName, p.curatorName].compactMap { $0 }.joined(separator: ", ")), .empty, .empty,
            ]
        }
        let items = plans.flatMap(\.items)
        for kind in PlanItemKind.allCases where SupportFactors.factors(of: kind, in: settings).contains(factor) {
            let ofKind = items.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            rows.append([
                .text("Планы педагогов (ИППР)"), .text(kind.russian), .integer(ofKind.count),
                .integer(ofKind.filter { $0.status == .done }.count),
            ])
        }
        return ReportTable(
            title: "Поддержка по фактору \(factor.rawValue)",
            columns: [
                Column("support", "Поддержка"), Column("detail", "Кто или что"), Column("items", "Пунктов"),
                Column("done", "Выполнено"),
            ], rows: rows, emptyMessage: "Ни куратора, ни пунктов планов педагогов по этому фактору нет.")
    }
}
