import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

/// The dashboard on the demonstration municipality: every figure agrees with the command
/// that lists it (`indicators`, `training status --non-compliant`, `schools list --status`,
/// `diagnostics summary`, `roadmap list`).
@Suite struct NastavnikAppDashboardTests {
    let asOf = LocalDate(year: 2026, month: 11, day: 22)!

    func demo() async throws -> AppSandbox {
        let sandbox = try AppSandbox()
        let outcome = try await sandbox.app.loadDemo(seeds: AppSandbox.seeds, asOf: asOf)
        guard case .loaded = outcome else { throw AppError("the demo did not load") }
        return sandbox
    }

    @Test func figuresAgreeWithTheIndicatorsAndTheLists() async throws {
        let sandbox = try await demo()
        let app = sandbox.app
        let d = try await app.dashboard(asOf: asOf)
        let indicators = try await app.staffIndicators(asOf: asOf, schoolCode: nil)

        // Schools by status: what `schools list --status` lists.
        let schools = try await app.schools(status: nil)
        #expect(d.schools.count == schools.count)
        #expect(d.schoolsByStatus.count == SchoolStatus.allCases.count + 1)
        for (status, figure) in zip(SchoolStatus.allCases, d.schoolsByStatus) {
            #expect(figure.count == (try await app.schools(status: status)).count)
            #expect(figure.link == .schools(status: status))
        }
        #expect(d.schoolsByStatus.last?.count == schools.filter { $0.statuses.isEmpty }.count)
        #expect(d.schoolsByStatus.contains { $0.count > 0 })

        // 3.1 as `indicators` counts it.
        #expect(d.trained.count == indicators.total.trained)
        #expect(d.trained.total == indicators.total.staff)
        #expect(d.trained.count > 0 && d.trained.count < indicators.total.staff)
        #expect(d.trained.share == indicators.figures[0].share)

        // Overdue as `training status --non-compliant` lists them, by school most first.
        let overdue = try await app.trainingStatus(asOf: asOf, nonCompliant: true)
        #expect(d.overdue.count == overdue.count)
        #expect(d.overdue.count > 0)
        #expect(d.overdue.link == .staff(overdue: true))
        #expect(!d.overdueBySchool.isEmpty && d.overdueBySchool.count <= DashboardLimits().schools)
        #expect(d.overdueBySchool.map(\.count) == d.overdueBySchool.map(\.count).sorted(by: >))
        for (figure, trained) in zip(d.overdueBySchool, d.trainedBySchool) {
            guard case .staff(let code?, true, nil) = figure.link else {
                Issue.record("a school's overdue figure links \(figure.link)")
                continue
            }
            #expect(figure.count == overdue.filter { $0.schoolCode == code }.count)
            let line = indicators.lines.first { $0.code == code }
            #expect(figure.total == line?.staff)
            #expect(trained == line?.trained)
        }

        // 3.2 and the diagnosed as `indicators` counts them.
        #expect(
            d.thresholdShares.map(\.count) == [
                indicators.lowResultsTotal.aboveSubject, indicators.lowResultsTotal.aboveMethodological,
            ])
        #expect(d.thresholdShares.allSatisfy { $0.total == indicators.lowResultsTotal.staff })
        #expect(d.thresholdShares.map(\.share) == [indicators.figures[1].share, indicators.figures[2].share])
        #expect(d.diagnosed.count == indicators.total.diagnosed)
        #expect(d.diagnosed.count > 0)

        // The commonest deficits: the municipality's row of `diagnostics summary`'s deficit table.
        let summary = try await app.diagnosticsSummary(schoolCode: nil, campaign: nil)
        #expect(!d.topDeficits.isEmpty)
        for figure in d.topDeficits {
            let row = summary.deficits.rows.first { $0.contains(.text(figure.title)) }
            #expect(row?.contains(.integer(figure.count)) == true, "\(figure.title): \(String(describing: row))")
            #expect(figure.link == .staff(deficit: figure.title))
        }
        #expect(d.topDeficits.map(\.count) == d.topDeficits.map(\.count).sorted(by: >))

        // The roadmap: `roadmap list --overdue` and `--due-within 30`.
        let overdueTerms = try await app.occurrences(OccurrenceFilter(overdueOnly: true), asOf: asOf)
        let dueSoon = try await app.occurrences(OccurrenceFilter(dueWithinDays: 30), asOf: asOf)
        #expect(d.overdueTerms.count == overdueTerms.count)
        #expect(d.overdueTerms.count > 0)
        #expect(d.firstOverdue.count == min(overdueTerms.count, DashboardLimits().terms))
        #expect(d.firstOverdue.allSatisfy { $0.status == .overdue })
        #expect(d.dueSoon.count == dueSoon.count)
        #expect(Set(d.nextTerms.map(\.id)).isSubset(of: Set(dueSoon.map(\.id))))
        #expect(d.nextTerms.compactMap(\.end) == d.nextTerms.compactMap(\.end).sorted())
        #expect(d.dueSoon.link == .roadmap(dueWithinDays: 30))

        // Coverage against Ставрополь's 30 % and 80 % as `indicators` counts it.
        #expect(d.coverage.map(\.target) == [30, 80])
        for (target, figure) in zip(CoverageTarget.allCases, d.coverage) {
            #expect(figure.count == indicators.supportedTotal.reached[target])
            #expect(figure.total == indicators.supportedTotal.staff)
            #expect(figure.link == .seminars(target: target))
        }
        #expect(d.schoolYear == indicators.schoolYear)
    }

    @Test func theLimitsBoundTheListsNotTheCounts() async throws {
        let sandbox = try await demo()
        let limits = DashboardLimits(days: 365, deficits: 1, schools: 1, terms: 2)
        let d = try await sandbox.app.dashboard(asOf: asOf, limits: limits)
        let whole = try await sandbox.app.dashboard(asOf: asOf)
        #expect(d.topDeficits.count == 1 && d.topDeficits.first == whole.topDeficits.first)
        #expect(d.overdueBySchool.count == 1 && d.trainedBySchool.count == 1)
        #expect(d.firstOverdue.count == 2 && d.overdueTerms == whole.overdueTerms)
        let year = try await sandbox.app.occurrences(OccurrenceFilter(dueWithinDays: 365), asOf: asOf)
        #expect(d.dueSoon.count == year.count && d.dueSoon.count >= whole.dueSoon.count)
        #expect(d.dueSoon.link == .roadmap(dueWithinDays: 365))
    }

    /// Before the latest training's end the counts read the trainings, not the kept last end:
    /// the figures agree all the same.
    @Test func theTrainedShareAgreesBeforeTheLatestTrainingToo() async throws {
        let sandbox = try await demo()
        for date in [LocalDate(year: 2026, month: 6, day: 1)!, LocalDate(year: 2024, month: 1, day: 15)!] {
            let d = try await sandbox.app.dashboard(asOf: date)
            let indicators = try await sandbox.app.staffIndicators(asOf: date, schoolCode: nil)
            #expect(d.trained.count == indicators.total.trained && d.trained.total == indicators.total.staff)
            #expect(d.overdue.count == (try await sandbox.app.trainingStatus(asOf: date, nonCompliant: true)).count)
            let school = try await sandbox.app.school(code: "SV010", asOf: date)
            let line = indicators.lines.first { $0.code == "SV010" }
            #expect(school.trainedCount == line?.trained && school.trainedBase == line?.staff)
        }
    }

    @Test func anEmptyDatabaseGivesZeroesNotErrors() async throws {
        let sandbox = try AppSandbox()
        let d = try await sandbox.app.dashboard(asOf: asOf)
        #expect(d.schools.count == 0 && d.trained.count == 0 && d.trained.share == nil)
        #expect(d.topDeficits.isEmpty && d.firstOverdue.isEmpty && d.overdueBySchool.isEmpty)
        #expect(d.coverage.allSatisfy { $0.count == 0 && $0.share == nil })
        #expect(DashboardCharts.all(d).count == 5)
    }
}
