import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

/// The demo's target indicators: baselines and targets from `demo/indicators.json`, actual values
/// computed from its results and social counts, and the municipal report's section.
@Suite struct NastavnikAppTargetIndicatorsTests {
    let asOf = LocalDate(year: 2026, month: 11, day: 22)!

    @Test func theDemoHasBaselinesTargetsAndTheReportsSection() async throws {
        let sandbox = try AppSandbox()
        _ = try await sandbox.app.loadDemo(seeds: AppSandbox.seeds, asOf: asOf)
        let records = try await sandbox.app.targetIndicators()
        // Every predefined indicator has a baseline of 2023 and a target for 2024–2026, but 3.2:
        // no one was diagnosed before the campaign of 14.03.2025, so 2023 has no figure (not
        // 0 %); its baseline is 2025's and its target 2026's.
        #expect(Set(records.baselines.map(\.code)) == Set(TargetIndicator.predefined.map(\.code)))
        #expect(records.baselines.allSatisfy { $0.year == ($0.code == "3.2" ? 2025 : 2023) })
        #expect(records.targets.count == (TargetIndicator.predefined.count - 1) * 3 + 1)
        let early = try await sandbox.app.indicatorReport(year: 2024)
        #expect(early.first { $0.indicator.code == "3.2" && $0.schoolCode == nil }?.actual == nil)
        // The baseline is the computed value of 2023, rounded to a tenth.
        let lines2023 = try await sandbox.app.indicatorReport(year: 2023)
        let fail2023 = try #require(lines2023.first { $0.indicator.code == "1.2" && $0.schoolCode == nil })
        let baseline = try #require(records.baselines.first { $0.code == "1.2" })
        #expect(abs(baseline.value - (fail2023.actual! * 10).rounded() / 10) < 1e-9)
        // The 2025 figures come from counts (no share × participants in the demo's ВПР).
        let lines = try await sandbox.app.indicatorReport(year: 2025)
        for code in ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "СТ1", "СТ2", "СТ4"] {
            let line = try #require(lines.first { $0.indicator.code == code && $0.schoolCode == nil }, "\(code)")
            #expect(line.actual != nil && line.handEntered == false && line.figure?.fromShares == false, "\(code)")
            #expect(line.onTrack != nil, "\(code)")
        }
        // The municipal report as of 22.11.2026: the indicators of 2025, the latest year with data.
        let report = try await sandbox.app.municipalReport(asOf: asOf)
        let section = try #require(report.sections.first { $0.title == "Целевые показатели дорожной карты" })
        #expect(
            section.blocks.contains {
                if case .paragraph(let p) = $0 { p.hasPrefix("Показатели за 2025 год") } else { false }
            })
        let charts = section.blocks.filter { if case .chart = $0 { true } else { false } }
        #expect(charts.count == TargetIndicator.predefined.count)
    }
}
