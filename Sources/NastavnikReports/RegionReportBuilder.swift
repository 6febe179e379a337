import Foundation
import NastavnikCore
import NastavnikRegion

/// The region's report (`nastavnik region report`): per municipality and for the region — schools
/// by status, the 3-year rule, the diagnostic thresholds and a deficits heatmap, seminar coverage,
/// the curator pairs and the target indicators.
public struct RegionReportBuilder: Sendable {
    /// How many deficit topics the heatmap shows (the most frequent in the region).
    public var topics: Int

    public init(topics: Int = 12) { self.topics = topics }

    public func build(_ f: RegionFigures) -> Report {
        let day = LocalDate(iso: f.asOf.utf8)?.russian ?? f.asOf
        var report = Report(
            title: "Сводный отчёт региона",
            subtitle:
                "Данные \(f.municipalities.count) "
                + RussianPlural.form(f.municipalities.count, "муниципалитета", "муниципалитетов", "муниципалитетов")
                + " на \(day)")
        guard !f.municipalities.isEmpty else {
            report.sections = [
                .empty("Муниципалитеты", "Ни один муниципалитет ещё не отправил данные (nastavnik region push).")
            ]
            return report
        }
        report.sections = [
            municipalities(f), schools(f), training(f), diagnostics(f), deficits(f), coverage(f), pairs(f),
            indicators(f),
        ]
        return report
    }

    func municipalities(_ f: RegionFigures) -> ReportSection {
        ReportSection(
            title: "Муниципалитеты",
            table: ReportTable(
                title: "Муниципалитеты и их последние отправки",
                columns: [
                    Column("oktmo", "ОКТМО"), Column("municipality", "Муниципалитет"),
                    Column("as_of", "Данные на"), Column("pushed_at", "Отправлены"),
                ],
                rows: f.municipalities.map { m in
                    [
                        .text(m.oktmo), .text(m.name), Cell(m.asOf.flatMap { LocalDate(iso: $0.utf8) }),
                        .text(m.lastPushAt.map(RegionTables.moment) ?? "—"),
                    ]
                }))
    }

    func schools(_ f: RegionFigures) -> ReportSection {
        let statuses = SchoolStatus.allCases
        var total = RegionFigures.Schools(municipality: "Регион", total: 0, byStatus: [:])
        for s in f.schools {
            total.total += s.total
            for (k, v) in s.byStatus { total.byStatus[k, default: 0] += v }
        }
        return ReportSection(
            title: "Школы по статусам",
            table: ReportTable(
                title: "Школы по официальным статусам",
                columns: [Column("municipality", "Муниципалитет"), Column("schools", "Школ")]
                    + statuses.map { Column($0.rawValue, $0.russianShort) },
                rows: (f.schools + [total]).map { s in
                    [.text(s.municipality), .integer(s.total)] + statuses.map { .integer(s.byStatus[$0.rawValue] ?? 0) }
                }))
    }

    func training(_ f: RegionFigures) -> ReportSection {
        func row(_ t: RegionFigures.Training) -> [Cell] {
            [
                .text(t.municipality), .integer(t.counted), .integer(t.trained), share(t.trained, t.counted),
                .integer(t.overdue), share(t.overdue, t.counted),
            ]
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    title: "Повышение квалификации: правило трёх лет",
                    columns: [
                        Column("municipality", "Муниципалитет"), Column("counted", "Педагогических и руководящих"),
                        Column("trained", "Прошли КПК за 3 года"), Column("trained_share", "Доля, %"),
                        Column("overdue", "Срок КПК истёк"), Column("overdue_share", "Доля истёкших, %"),
                    ],
                    rows: f.training.map(row) + [row(f.regionTraining)]))
        ]
        blocks.append(
            .note(
                "Строка «Регион» считает каждого работника один раз: работники разных муниципалитетов связаны по СНИЛС "
                    + "(найдено в нескольких муниципалитетах: \(f.movers)); учитывается их последнее обучение. "
                    + "Срок — 273-ФЗ, ст. 47, ч. 5, п. 2 (не реже одного раза в три года)."))
        return ReportSection(title: "Повышение квалификации", blocks: blocks)
    }

    func diagnostics(_ f: RegionFigures) -> ReportSection {
        let names = Dictionary(uniqueKeysWithValues: Competence.allCases.map { ($0.rawValue, $0.russian) })
        let municipalities = orderedMunicipalities(f.diagnostics.map(\.municipality))
        guard !municipalities.isEmpty else {
            return .empty("Диагностика компетенций", "Результатов диагностики в региональной базе нет.")
        }
        // A competence no municipality measured (no score with a threshold) gets no column of empty
        // cells, which would read as unknown shares: the note names it instead.
        let measured = Set(f.diagnostics.filter { $0.diagnosed > 0 }.map(\.competence))
        let unmeasured = Competence.allCases.filter { !measured.contains($0.rawValue) }
        let competences = Competence.allCases.map(\.rawValue).filter(measured.contains) + ["all"]
        func cell(_ m: String?, _ competence: String) -> Cell {
            let lines = f.diagnostics.filter { $0.competence == competence && (m == nil || $0.municipality == m) }
            return share(lines.reduce(0) { $0 + $1.above }, lines.reduce(0) { $0 + $1.diagnosed })
        }
        return ReportSection(
            title: "Диагностика компетенций",
            blocks: [
                .table(
                    ReportTable(
                        title: "Доля работников выше пороговых значений, %",
                        columns: [Column("municipality", "Муниципалитет"), Column("diagnosed", "Продиагностировано")]
                            + competences.map { Column($0, $0 == "all" ? "По всем компетенциям" : names[$0] ?? $0) },
                        rows: (municipalities.map { Optional($0) } + [nil]).map { m in
                            [
                                .text(m ?? "Регион"),
                                .integer(m.map { f.diagnosed[$0] ?? 0 } ?? f.diagnosed.values.reduce(0, +)),
                            ]
                                + competences.map { cell(m, $0) }
                        })),
                .note(
                    "Выше порога — балл строго больше порогового значения инструмента; по последнему результату работника с согласием."
                        + (unmeasured.isEmpty
                            ? ""
                            : " Не оценивались ни в одном муниципалитете (нет баллов с пороговым значением): "
                                + unmeasured.map(\.russian).joined(separator: ", ") + " компетенции.")
                ),
            ])
    }

    func deficits(_ f: RegionFigures) -> ReportSection {
        var byTopic: [String: (title: String, people: Int)] = [:]
        for d in f.deficits {
            let key = d.topic.lowercased()
            byTopic[key, default: (d.topic, 0)].people += d.people
        }
        let top = byTopic.sorted { ($1.value.people, $0.value.title) < ($0.value.people, $1.value.title) }.prefix(
            topics)
        guard !top.isEmpty else { return .empty("Дефициты", "Дефицитов в результатах диагностики нет.") }
        let municipalities = orderedMunicipalities(f.deficits.map(\.municipality))
        let values: [[Double?]] = municipalities.map { m in
            let diagnosed = f.diagnosed[m] ?? 0
            return top.map { topic in
                guard diagnosed > 0 else { return nil }
                let people =
                    f.deficits.first { $0.municipality == m && $0.topic.lowercased() == topic.key }?.people ?? 0
                return Double(people) * 100 / Double(diagnosed)
            }
        }
        return ReportSection(
            title: "Дефициты",
            blocks: [
                .chart(
                    .heatmap(
                        Heatmap(
                            title: "Дефициты: муниципалитеты × темы", rows: municipalities,
                            columns: top.map(\.value.title), values: values, decimals: 0,
                            legend: "% продиагностированных работников с дефицитом"))),
                .table(
                    ReportTable(
                        title: "Работники с дефицитом по темам",
                        columns: [Column("municipality", "Муниципалитет")]
                            + top.enumerated().map { Column("topic_\($0.offset + 1)", $0.element.value.title) },
                        rows: municipalities.map { m in
                            [.text(m)]
                                + top.map { topic in
                                    .integer(
                                        f.deficits.first { $0.municipality == m && $0.topic.lowercased() == topic.key }?
                                            .people ?? 0)
                                }
                        })),
            ])
    }

    func coverage(_ f: RegionFigures) -> ReportSection {
        guard !f.coverage.isEmpty else {
            return .empty("Охват семинарами", "Работников с дефицитами в региональной базе нет.")
        }
        let total = f.coverage.reduce(
            RegionFigures.Coverage(municipality: "Регион", withDeficit: 0, invited: 0, attended: 0)
        ) {
            .init(
                municipality: $0.municipality, withDeficit: $0.withDeficit + $1.withDeficit,
                invited: $0.invited + $1.invited, attended: $0.attended + $1.attended)
        }
        return ReportSection(
            title: "Охват семинарами",
            blocks: [
                .table(
                    ReportTable(
                        title: "Работники с дефицитом, приглашённые на мероприятие по его теме",
                        columns: [
                            Column("municipality", "Муниципалитет"), Column("with_deficit", "С дефицитом"),
                            Column("invited", "Приглашены"), Column("invited_share", "Доля приглашённых, %"),
                            Column("attended", "Присутствовали"), Column("attended_share", "Доля присутствовавших, %"),
                        ],
                        rows: (f.coverage + [total]).map { c in
                            [
                                .text(c.municipality), .integer(c.withDeficit), .integer(c.invited),
                                share(c.invited, c.withDeficit), .integer(c.attended), share(c.attended, c.withDeficit),
                            ]
                        }))
            ])
    }

    func pairs(_ f: RegionFigures) -> ReportSection {
        guard !f.pairs.isEmpty else { return .empty("Кураторские пары", "Действующих кураторских пар нет.") }
        let other = f.pairs.filter(\.fromOtherMunicipality).count
        return ReportSection(
            title: "Кураторские пары",
            blocks: [
                .paragraph(
                    "Действующих пар: \(f.pairs.count); из них с куратором из другого муниципалитета: \(other)."),
                .table(
                    ReportTable(
                        title: "Кураторские пары",
                        columns: [
                            Column("municipality", "Муниципалитет"), Column("school_code", "Код ОО"),
                            Column("school", "Школа"), Column("curator_school_code", "Код школы-куратора"),
                            Column("curator_school", "Школа-куратор"),
                            Column("curator_municipality", "Муниципалитет куратора"), Column("curator", "Куратор"),
                            Column("since", "С"), Column("order", "Приказ"),
                            Column("other", "Куратор из другого муниципалитета"),
                        ],
                        rows: f.pairs.map { p in
                            [
                                .text(p.municipality), .text(p.schoolCode), Cell(p.schoolName),
                                .text(p.curatorSchoolCode),
                                Cell(p.curatorSchoolName), Cell(p.curatorMunicipality), Cell(p.curatorName),
                                Cell(p.since.flatMap { LocalDate(iso: $0.utf8) }), Cell(p.order),
                                .bool(p.fromOtherMunicipality),
                            ]
                        })),
            ])
    }

    func indicators(_ f: RegionFigures) -> ReportSection {
        guard !f.indicators.isEmpty else {
            return .empty("Целевые показатели", "Муниципалитеты не отправили значений целевых показателей.")
        }
        func number(_ v: Double?) -> Cell { v.map { .number($0, decimals: 1) } ?? .empty }
        return ReportSection(
            title: "Целевые показатели",
            table: ReportTable(
                title: "Целевые показатели муниципалитетов (последний год с фактическим значением)",
                columns: [
                    Column("municipality", "Муниципалитет"), Column("code", "Код"), Column("title", "Показатель"),
                    Column("unit", "Ед."), Column("year", "Год"), Column("baseline", "Базовое"),
                    Column("target", "Целевое"), Column("actual", "Фактическое"),
                    Column("on_track", "Достигается"),
                ],
                rows: f.indicators.map { i in
                    [
                        .text(i.municipality), .text(i.code), .text(i.title), Cell(i.unit), .integer(i.year),
                        number(i.baseline), number(i.target), number(i.actual), i.onTrack.map { .bool($0) } ?? .empty,
                    ]
                }))
    }

    // The municipalities in report order (by name), each once.
    func orderedMunicipalities(_ names: [String]) -> [String] { Array(Set(names)).sorted() }

    // A share in percent, empty where the whole is nothing.
    func share(_ part: Int, _ whole: Int) -> Cell {
        whole > 0 ? .percent(Double(part) * 100 / Double(whole)) : .empty
    }
}
