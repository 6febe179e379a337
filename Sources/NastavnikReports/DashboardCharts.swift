import NastavnikCore

/// The dashboard's charts, drawn by `SVGChart` like the reports' (and, where a format cannot
/// draw, given as their tables by `Chart.table`).
public enum DashboardCharts {
    /// Every chart of the dashboard, in the order the page shows them.
    public static func all(_ d: Dashboard) -> [Chart] {
        [schoolsByStatus(d), training(d), thresholds(d), deficits(d), coverage(d)]
    }

    /// The schools by official status (a school with two statuses counts in both), and those without one.
    public static func schoolsByStatus(_ d: Dashboard) -> Chart {
        .bars(
            BarChart(
                title: "Школы по статусам", valueTitle: "Школ",
                items: d.schoolsByStatus.map { BarChart.Item(label: shortTitle($0), value: Double($0.count)) },
                percent: false))
    }

    /// Trained within three years, untrained but not yet due, and overdue: the municipality,
    /// then the schools with the most overdue.
    public static func training(_ d: Dashboard) -> Chart {
        let municipality = StackedBarChart.Item(
            label: "Муниципалитет",
            values: [
                Double(d.trained.count), Double((d.trained.total ?? 0) - d.trained.count - d.overdue.count),
                Double(d.overdue.count),
            ])
        let schools = zip(d.overdueBySchool, d.trainedBySchool).map { f, trained in
            StackedBarChart.Item(
                label: f.title, values: [Double(trained), Double((f.total ?? 0) - trained - f.count), Double(f.count)])
        }
        return .stackedBars(
            StackedBarChart(
                title: "Повышение квалификации за 3 года (педагогические и руководящие работники)",
                series: ["прошли КПК", "не прошли, срок не наступил", "просрочили"], items: [municipality] + schools,
                colors: ["#38a169", "#d69e2e", "#e53e3e"]))
    }

    /// The shares above the thresholds: indicator 3.2 (of the НОР schools' workers) and among the diagnosed.
    public static func thresholds(_ d: Dashboard) -> Chart {
        .bars(
            BarChart(
                title: "Диагностика: доли выше пороговых значений", valueTitle: "Доля",
                items: (d.thresholdShares.map { ($0.title + " (от работников школ с НОР)", $0) }
                    + d.diagnosedAbove.map { ($0.title + " (от прошедших диагностику)", $0) })
                    .map { BarChart.Item(label: $0.0, value: $0.1.share ?? 0) }))
    }

    /// The commonest deficits, as shares of the diagnosed.
    public static func deficits(_ d: Dashboard) -> Chart {
        .bars(
            BarChart(
                title: "Самые частые дефициты (доля прошедших диагностику)", valueTitle: "Доля",
                items: d.topDeficits.map { BarChart.Item(label: $0.title, value: $0.share ?? 0) }))
    }

    /// The coverage of the school year against its targets: «охват не менее 30 % (80 %) от
    /// педагогических работников ОО» — seed 004 (Ставрополь, приказ от 27.02.2020 № 146-ОД),
    /// rows 2.1 and 2.7, kept in `CoverageTarget.percent`.
    public static func coverage(_ d: Dashboard) -> Chart {
        .bars(
            BarChart(
                title:
                    "Охват за учебный год \(d.schoolYear.lowerBound.year)/\(String(d.schoolYear.upperBound.year % 100)) и цели 30 % и 80 %",
                valueTitle: "Охват",
                items: d.coverage.map {
                    BarChart.Item(
                        label: "\($0.title) (цель \(Setting.format($0.target ?? 0)) %)", value: $0.share ?? 0,
                        target: $0.target)
                }))
    }

    /// «НОР» of «НОР — школа с …»: the chart's labels are short.
    static func shortTitle(_ f: DashboardFigure) -> String {
        f.title.components(separatedBy: " — ").first ?? f.title
    }
}
