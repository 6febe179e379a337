import NastavnikCore
import NastavnikStore

/// The overview `demo` prints after loading: what was loaded, the schools by status, who lacks
/// a counting training, and the next commands to try.
public enum DemoOverviewText {
    /// `minimumHours`: the rule in force (setting `training.minimum_hours`), said in the text.
    public static func describe(
        _ o: DatabaseOverview, path: String, asOf date: LocalDate, minimumHours: Double, seconds: Double
    ) -> String {
        var out =
            "Демонстрационная база создана: \(path) (\(Cell.russianNumber(seconds, decimals: 1)) с).\n\nЗагружено:\n"
        let width = o.counts.map { TextTableRenderer.width($0.table) }.max() ?? 0
        for (title, count) in o.counts {
            out += "  " + title + String(repeating: " ", count: width - TextTableRenderer.width(title)) + "  \(count)\n"
        }
        out += "\nШколы по статусам:\n"
        for (status, count) in o.statusCounts {
            out += "  \(status.russianShort) — \(status.russianTitle): \(count)\n"
        }
        out += "  без статуса: \(o.schoolsWithoutStatus)\n"
        let share = o.trainingBase == 0 ? 0 : Double(o.untrained) * 100 / Double(o.trainingBase)
        out +=
            "\nБез повышения квалификации за последние 3 года (на \(date.russian), курсы от \(Cell.russianNumber(minimumHours, decimals: 0)) ч): "
        out +=
            "\(o.untrained) из \(o.trainingBase) педагогических и руководящих работников (\(Cell.russianNumber(share, decimals: 1)) %).\n"
        let worst = o.untrainedBySchool.filter { $0.untrained > 0 }
            .sorted { Double($0.untrained) / Double($0.base) > Double($1.untrained) / Double($1.base) }.prefix(5)
        if !worst.isEmpty {
            out += "Больше всего таких в школах:\n"
            for s in worst {
                out += "  \(s.code) \(s.name): \(s.untrained) из \(s.base)\n"
            }
        }
        out +=
            "\nДальше: nastavnik schools list · nastavnik schools show SV001 · nastavnik staff list --school SV001 · nastavnik staff show SV-0001\n"
        return out
    }
}
