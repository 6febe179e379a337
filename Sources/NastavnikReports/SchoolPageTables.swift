import NastavnikCore
import NastavnikStore

/// The blocks of a school's page as tables and charts, for the web page and `schools show
/// --full` alike.
public enum SchoolPageTables {
    /// The whole page as one card: the fields of `SchoolTables.card` with the proposed
    /// statuses and the date of the last change, then every block's table.
    public static func card(_ page: SchoolPage) -> Card {
        var card = SchoolTables.card(page.detail)
        card.fields.append(("status_since", "Статус установлен", Cell(page.statusHistory.last?.date)))
        card.fields.append(
            ("proposed_statuses", "Предложенный статус", .list(page.proposedStatuses.map(\.russianShort))))
        card.fields.append(("proposed_reason", "Основание предложения", Cell(page.proposedReason)))
        card.more = [
            ("status_history", statusHistory(page)), ("staff_by_kind", staffByKind(page)),
            ("staff_by_category", staffByCategory(page)), ("staff_by_experience", staffByExperience(page)),
            ("deficits", deficits(page)), ("plans", plans(page)), ("mentoring", mentoring(page)),
            ("roadmap", roadmap(page)), ("roadmap_concerning", concerning(page)),
        ]
        return card
    }

    /// The changes of the official statuses, oldest first.
    public static func statusHistory(_ page: SchoolPage) -> ReportTable {
        ReportTable(
            title: "История статуса",
            columns: [
                Column("date", "Дата"), Column("added", "Присвоен"), Column("removed", "Снят"),
                Column("statuses", "Статус после изменения"), Column("actor", "Кто"), Column("command", "Как"),
            ],
            rows: page.statusHistory.map { c in
                [
                    .date(c.date), .list(c.added.map(\.russianShort)), .list(c.removed.map(\.russianShort)),
                    .list(c.statuses.map(\.russianShort)), .text(c.actor), Cell(c.command),
                ]
            },
            emptyMessage:
                "Изменений статуса в журнале нет: статус присвоен до ведения журнала или вне программы.")
    }

    /// Workers by kind.
    public static func staffByKind(_ page: SchoolPage) -> ReportTable {
        counts(
            "Работники по категориям должностей", "Категория должности",
            PositionKind.allCases.map { ($0.russian, page.staff.byKind[$0] ?? 0) } + [("всего", page.staff.total)])
    }

    /// Workers by qualification category, as the municipal report counts them.
    public static func staffByCategory(_ page: SchoolPage) -> ReportTable {
        counts(
            "Работники по квалификационным категориям", "Квалификационная категория",
            byCategory(page))
    }

    /// Workers by years of experience (`SchoolStaffFigures.experienceBands`), and the early-career ones.
    public static func staffByExperience(_ page: SchoolPage) -> ReportTable {
        counts(
            "Работники по стажу", "Стаж",
            byExperience(page) + [("молодые специалисты", page.staff.earlyCareer)])
    }

    /// Workers per deficit topic in each of the school's campaigns (topics of the latest
    /// campaign first, most frequent first).
    public static func deficits(_ page: SchoolPage) -> ReportTable {
        let topics = topics(page)
        return ReportTable(
            title: "Профессиональные дефициты по кампаниям диагностики (педагогов)",
            columns: [Column("topic", "Дефицит")]
                + page.deficits.enumerated().map { Column("c\($0.offset)", $0.element.date.russian) },
            rows: [[.text("Прошли диагностику")] + page.deficits.map { .integer($0.diagnosed) }]
                + topics.map { t in [.text(t)] + page.deficits.map { .integer($0.byTopic[t] ?? 0) } },
            emptyMessage: "Диагностика профессиональных дефицитов в школе не проводилась или не загружена.")
    }

    /// The current development plans.
    public static func plans(_ page: SchoolPage) -> ReportTable {
        var table = PlanReports.list(page.plans)
        table.title = "Планы профессионального развития"
        return table
    }

    /// The mentoring pairs of the school.
    public static func mentoring(_ page: SchoolPage) -> ReportTable {
        var table = MentoringReports.list(page.mentorships)
        table.title = "Наставнические пары"
        return table
    }

    /// The roadmap terms of the school's activities.
    public static func roadmap(_ page: SchoolPage) -> ReportTable {
        RoadmapTables.occurrences(
            page.roadmap, title: "Мероприятия дорожных карт школы",
            emptyMessage: "Мероприятий, где ответственный работает в школе, нет.")
    }

    /// The open terms of the activities that name the schools as responsible.
    public static func concerning(_ page: SchoolPage) -> ReportTable {
        RoadmapTables.occurrences(
            page.concerning, title: "Открытые мероприятия, где ответственны руководители ОО (все школы)",
            emptyMessage: "Открытых мероприятий для всех школ нет.")
    }

    /// The page's charts: categories, experience, the deficit heatmap and the 3-year share.
    public static func charts(_ page: SchoolPage) -> [Chart] {
        var charts: [Chart] = [
            .bars(
                BarChart(
                    title: "Квалификационные категории", valueTitle: "Работников",
                    items: byCategory(page).map(item), percent: false)),
            .bars(
                BarChart(
                    title: "Стаж работников", valueTitle: "Работников",
                    items: byExperience(page).map(item), percent: false)),
        ]
        let topics = topics(page)
        if !topics.isEmpty {
            charts.append(
                .heatmap(
                    Heatmap(
                        title: "Дефициты по кампаниям диагностики", rows: topics,
                        columns: page.deficits.map(\.date.russian),
                        values: topics.map { t in
                            page.deficits.map { c in
                                c.diagnosed > 0 ? Double(c.byTopic[t] ?? 0) * 100 / Double(c.diagnosed) : nil
                            }
                        }, legend: "% педагогов с дефицитом")))
        }
        if page.detail.trainedBase > 0 {
            // The norm: each worker trained at least once in 3 years (273-ФЗ, ст. 47, ч. 5, п. 2).
            charts.append(
                .bars(
                    BarChart(
                        title: "Доля прошедших КПК за 3 года", valueTitle: "Доля",
                        items: [
                            BarChart.Item(
                                label: "\(page.detail.school.code) \(page.detail.school.name)",
                                value: Double(page.detail.trainedCount) * 100 / Double(page.detail.trainedBase))
                        ], target: 100)))
        }
        return charts
    }

    /// Every topic of the school's campaigns: the latest campaign's most frequent first.
    static func topics(_ page: SchoolPage) -> [String] {
        let all = Set(page.deficits.flatMap(\.byTopic.keys))
        // Each topic's counts from the latest campaign back, compared in that order.
        let weight = Dictionary(
            uniqueKeysWithValues: all.map { t in (t, page.deficits.reversed().map { $0.byTopic[t] ?? 0 }) })
        return weight.keys.sorted { a, b in
            let (wa, wb) = (weight[a]!, weight[b]!)
            return wa != wb ? wb.lexicographicallyPrecedes(wa) : a < b
        }
    }

    static func counts(_ title: String, _ what: String, _ rows: [(String, Int)]) -> ReportTable {
        ReportTable(
            title: title, columns: [Column("group", what), Column("staff", "Работников")],
            rows: rows.map { [.text($0.0), .integer($0.1)] })
    }

    static func byCategory(_ page: SchoolPage) -> [(String, Int)] {
        zip(MunicipalReportBuilder.categoryNames, MunicipalReportBuilder.categories).map {
            ($0, page.staff.byCategory[$1] ?? 0)
        }
    }

    static func byExperience(_ page: SchoolPage) -> [(String, Int)] {
        Array(zip(SchoolStaffFigures.experienceBands, page.staff.byExperience))
    }

    static func item(_ pair: (String, Int)) -> BarChart.Item { BarChart.Item(label: pair.0, value: Double(pair.1)) }
}
