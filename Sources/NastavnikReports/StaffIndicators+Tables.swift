import NastavnikCore

/// How the staff indicators (computed in NastavnikCore) are shown: by `indicators` and the municipal report.
extension StaffIndicators {
    /// Per school (and the municipality): each share over the school's pedagogical and leading workers.
    public func table(includeTotal: Bool) -> ReportTable {
        func pct(_ n: Int, _ base: Int) -> Cell { base > 0 ? .percent(Double(n) * 100 / Double(base)) : .empty }
        func t(_ c: Competence) -> String { thresholds[c].map { " (>\(Cell.russianNumber($0, decimals: 0)))" } ?? "" }
        let totals =
            includeTotal
            ? [total] + (lines.contains(where: \.lowResults) ? [lowResultsTotal] : [])
                + (lines.contains(where: \.supported) ? [supportedTotal] : []) : []
        let rows = (lines + totals).map { l -> [Cell] in
            // 3.2 is over the НОР schools' staff only: other schools are outside its population.
            let in32 = l.lowResults
            return [
                .text(l.code), .text(l.name), l.code.isEmpty ? .empty : .bool(l.lowResults), .integer(l.staff),
                pct(l.trained, l.staff), .integer(l.diagnosed),
                in32 ? pct(l.aboveSubject, l.staff) : .empty, in32 ? pct(l.aboveMethodological, l.staff) : .empty,
            ]
                + CoverageTarget.allCases.map { pct(l.reached[$0] ?? 0, l.staff) }
        }
        return ReportTable(
            title: "По школам: доли от педагогических и руководящих работников школы",
            columns: [
                .schoolCode, .school, Column("low_results", "НОР"),
                Column("staff", "Педагогических и руководящих работников"),
                Column("trained_share", "3.1 Прошли КПК за 3 года"),
                Column("diagnosed", "Прошли диагностику (с согласием)"),
                Column("above_subject_share", "3.2 Предметные выше порога\(t(.subject)) (школы с НОР)"),
                Column("above_methodological_share", "3.2 Методические выше порога\(t(.methodological)) (школы с НОР)"),
                Column(
                    "coverage_30_share",
                    "Охват: мастер-классы, лаборатории, консультации, семинары, наставничество (цель 30 %)"),
                Column("coverage_80_share", "Охват: методические объединения (цель 80 %)"),
            ],
            rows: rows)
    }

    /// Each indicator with its population, numerator and denominator.
    public func figuresTable() -> ReportTable {
        ReportTable(
            title: "Показатели: совокупность и знаменатель",
            columns: [
                Column("number", "№"), Column("indicator", "Показатель"),
                Column("population", "Совокупность (знаменатель)"),
                Column("numerator", "Числитель"), Column("denominator", "Знаменатель"), Column("share", "Значение"),
                Column("target", "Цель"), Column("met", "Достигнута"),
            ],
            rows: figures.map { f in
                [
                    .text(f.number), .text(f.title), .text(f.population), .integer(f.numerator),
                    .integer(f.denominator),
                    f.share.map { .percent($0) } ?? .empty, f.target.map { .percent($0) } ?? .empty,
                    f.target.map { target in f.share.map { .bool($0 >= target) } ?? .empty } ?? .empty,
                ]
            })
    }

    /// The coverage of the school year by school, one chart per target, drawn against the target:
    /// the schools with НОР, ЗПР, ЗУР and ШНСУ (none when no such school has staff).
    public func coverageCharts() -> [Chart] {
        let supported = lines.filter { $0.supported && $0.staff > 0 }
        guard !supported.isEmpty else { return [] }
        return CoverageTarget.allCases.map { target in
            .bars(
                BarChart(
                    title:
                        "Охват за учебный год: \(target.russianActivities), школы с НОР, ЗПР, ЗУР и ШНСУ (цель \(Setting.format(target.percent)) %)",
                    valueTitle: "Охват",
                    items: supported.map { l in
                        BarChart.Item(
                            label: "\(l.code) \(l.name)", value: Double(l.reached[target] ?? 0) * 100 / Double(l.staff))
                    },
                    target: target.percent))
        }
    }
}
