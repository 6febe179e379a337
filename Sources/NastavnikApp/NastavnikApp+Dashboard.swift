import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// The municipality at a glance on `date`. Every figure is counted in SQL per school (the
    /// statuses and training as `status` counts them; the overdue, the diagnostics, the deficits
    /// and the coverage by the store's count functions, which call NastavnikCore's rules) — no
    /// step holds a line per person — so that it stays quick and small on a country-sized
    /// database; the figures agree with `indicators` (`StaffIndicators`), `training status
    /// --non-compliant`, `diagnostics summary` and `roadmap list`.
    public func dashboard(asOf date: LocalDate, limits: DashboardLimits = DashboardLimits()) async throws
        -> Dashboard
    {
        // The overview without its count of every table's rows (a scan of millions on a country).
        let overview = try database.overview(asOf: date, tableCounts: false)
        let schools = try database.indicatorSchools()
        // Pedagogical and leading workers per school: the population of 3.1, 3.2 and the coverage.
        let base = Dictionary(uniqueKeysWithValues: overview.untrainedBySchool.map { ($0.code, $0.base) })
        let untrained = Dictionary(uniqueKeysWithValues: overview.untrainedBySchool.map { ($0.code, $0.untrained) })
        func population(_ codes: Set<String>) -> Int { codes.reduce(0) { $0 + (base[$1] ?? 0) } }

        var byStatus = overview.statusCounts.map { status, count in
            DashboardFigure(
                title: "\(status.russianShort) — \(status.russianTitle)", count: count, link: .schools(status: status))
        }
        byStatus.append(
            DashboardFigure(
                title: "Без статуса", count: overview.schoolsWithoutStatus, link: .schoolsWithoutStatus))
        let trained = overview.trainingBase - overview.untrained
        // Overdue as `training status --non-compliant` lists them: the due day has passed
        // (a newcomer within their first 3 years is untrained but not overdue), counted per school.
        let overdueCounts = try database.overdueCounts(asOf: date)
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.name) })
        let top = overdueCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limits.schools)
        let overdueBySchool = top.map {
            DashboardFigure(
                title: "\($0.key) \(names[$0.key] ?? "")", count: $0.value, total: base[$0.key],
                link: .staff(schoolCode: $0.key, overdue: true))
        }

        // 3.2 as `StaffIndicators` counts it: each worker's latest result with consent by the
        // date, against the thresholds of the latest campaign's instrument, of the НОР schools' workers.
        let campaigns = try database.campaigns().filter { $0.date <= date }
        let thresholds = try database.thresholds(instrument: campaigns.last?.instrument ?? "*")
        let known = Set(schools.map(\.code))
        // Counted per school in SQL (`diagnosticCounts`), never a line per person.
        let diagnostics = try database.diagnosticCounts(asOf: date, thresholds: thresholds)
            .filter { known.contains($0.schoolCode) }
        let lowResults = Set(schools.filter { $0.statuses.contains(.lowResults) }.map(\.code))
        let lowPopulation = population(lowResults)
        // A count summed over the schools (of `codes` when given).
        func sum(_ count: (SchoolDiagnosticCounts) -> Int?, in codes: Set<String>? = nil) -> Int {
            diagnostics.filter { codes?.contains($0.schoolCode) ?? true }.reduce(0) { $0 + (count($1) ?? 0) }
        }
        let diagnosed = sum { $0.diagnosed }
        let thresholdShares = [Competence.subject, .methodological].map { c in
            DashboardFigure(
                // Indicator 3.2 of seed 001 counts the workers of НОР schools; the threshold is in points.
                title: "3.2 (школы НОР): \(c.russian) компетенции выше "
                    + (thresholds[c].map { "порога \(Setting.format($0)) б." } ?? "порога"),
                count: sum({ $0.above[c] }, in: lowResults), total: lowPopulation, link: .diagnostics())
        }
        let diagnosedAbove = Competence.allCases.compactMap { c -> DashboardFigure? in
            guard let t = thresholds[c] else { return nil }
            return DashboardFigure(
                title:
                    "\(c.russian.prefix(1).uppercased() + c.russian.dropFirst()) компетенции выше порога "
                    + "\(Setting.format(t)) б.",
                count: sum { $0.above[c] }, total: sum { $0.scored[c] }, link: .diagnostics())
        }
        let topDeficits = try database.deficitCounts(asOf: date).sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .prefix(limits.deficits)
            .map {
                DashboardFigure(title: $0.key, count: $0.value, total: diagnosed, link: .staff(deficit: $0.key))
            }

        let overdueTerms = try database.occurrences(OccurrenceFilter(overdueOnly: true), asOf: date)
            .sorted { ($0.end ?? date, $0.id) < ($1.end ?? date, $1.id) }
        let nextTerms = try database.occurrences(OccurrenceFilter(dueWithinDays: limits.days), asOf: date)
            .sorted { ($0.end ?? date, $0.id) < ($1.end ?? date, $1.id) }

        // Coverage as `StaffIndicators` counts it: the school year up to the date, the
        // workers of the schools that need support (all schools when none does).
        let year = StaffIndicators.schoolYear(containing: date)
        let supported = Set(schools.filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code))
        let populationCodes = supported.isEmpty ? known : supported
        let coverage = try CoverageTarget.allCases.map { target in
            let reached = try database.coverageCounts(target: target, period: year.lowerBound...date)
                .filter { populationCodes.contains($0.key) }.values.reduce(0, +)
            return DashboardFigure(
                title: target.russianActivities, count: reached, total: population(populationCodes),
                target: target.percent, link: .seminars(target: target))
        }

        return Dashboard(
            asOf: date,
            schools: DashboardFigure(title: "Школ", count: schools.count, link: .schools(status: nil)),
            schoolsByStatus: byStatus,
            trained: DashboardFigure(
                title: "Прошли КПК за 3 года", count: trained, total: overview.trainingBase, link: .staff()),
            overdue: DashboardFigure(
                title: "Просрочили КПК (срок прошёл)", count: overdueCounts.values.reduce(0, +),
                total: overview.trainingBase,
                link: .staff(overdue: true)),
            overdueBySchool: overdueBySchool,
            trainedBySchool: top.map { (base[$0.key] ?? 0) - (untrained[$0.key] ?? 0) },
            diagnosed: DashboardFigure(
                title: "Прошли диагностику", count: diagnosed, total: overview.trainingBase, link: .diagnostics()),
            thresholdShares: thresholdShares, diagnosedAbove: diagnosedAbove, topDeficits: Array(topDeficits),
            overdueTerms: DashboardFigure(
                title: "Просрочено мероприятий", count: overdueTerms.count, link: .roadmap(overdue: true)),
            firstOverdue: Array(overdueTerms.prefix(limits.terms)),
            dueSoon: DashboardFigure(
                title: "Срок в ближайшие \(limits.days) дн.", count: nextTerms.count,
                link: .roadmap(dueWithinDays: limits.days)),
            nextTerms: Array(nextTerms.prefix(limits.terms)), coverage: coverage, schoolYear: year)
    }
}
