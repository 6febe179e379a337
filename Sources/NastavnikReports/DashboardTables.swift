import NastavnikCore
import NastavnikStore

/// The dashboard's figures and lists as tables, for the downloads of the page (and any
/// format that shows tables rather than tiles).
public enum DashboardTables {
    /// Figures as rows: what, how many, out of how many, the share and its target.
    public static func figures(_ list: [DashboardFigure], title: String) -> ReportTable {
        ReportTable(
            title: title,
            columns: [
                Column("figure", "Показатель"), Column("count", "Число"), Column("total", "Из"),
                Column("share", "Доля"), Column("target", "Цель"),
            ],
            rows: list.map { f in
                [
                    .text(f.title), .integer(f.count), Cell(f.total), f.share.map { .percent($0) } ?? .empty,
                    f.target.map { .percent($0) } ?? .empty,
                ]
            })
    }

    /// Every block of the dashboard as a table, in the page's order.
    public static func all(_ d: Dashboard) -> [ReportTable] {
        [
            figures([d.schools] + d.schoolsByStatus, title: "Школы по статусам"),
            figures([d.trained, d.overdue], title: "Повышение квалификации за 3 года"),
            figures(d.overdueBySchool, title: "Школы, где больше всего не прошедших КПК"),
            figures([d.diagnosed] + d.thresholdShares + d.diagnosedAbove, title: "Диагностика"),
            figures(d.topDeficits, title: "Самые частые дефициты"),
            figures([d.overdueTerms, d.dueSoon], title: "Дорожные карты"),
            RoadmapTables.occurrences(
                d.firstOverdue, title: "Просроченные мероприятия", emptyMessage: "Просроченных мероприятий нет."),
            RoadmapTables.occurrences(
                d.nextTerms, title: "Мероприятия со сроком в ближайшие дни",
                emptyMessage: "В ближайшие дни сроков нет."),
            figures(d.coverage, title: "Охват за учебный год"),
        ]
    }
}
