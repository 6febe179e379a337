import NastavnikCore
import NastavnikStore

/// The reports' risk profile section (issue 21): the municipality's matrix of schools ×
/// factors of the latest year recorded, or one school's profile with its years.
extension MunicipalReportBuilder {
    static let riskTitle = "Рисковые профили («500+»)"

    /// The section, or `nil` when no profile is recorded (the report then reads as before).
    static func risks(_ lines: [RiskProfileLine], gaps: [ProgrammeGap], single: Bool) -> Part? {
        guard let year = lines.map(\.year).max() else { return nil }
        if single {
            let current = lines.filter { $0.year == year }
            let high = current.filter { $0.level == .high }.map { String($0.factor.rawValue) }
            return (
                ReportSection(
                    title: riskTitle,
                    blocks: [
                        .paragraph(
                            "Профиль \(year) года: факторов с высоким уровнем — \(high.count)"
                                + (high.isEmpty ? "." : " (№ \(high.joined(separator: ", ")))."))
                    ] + [.table(RiskTables.profile(current))] + [.table(RiskTables.dynamics(lines))]
                        + [.table(ProgrammeTables.gaps(gaps))]),
                []
            )
        }
        let current = lines.filter { $0.year == year }
        let schools = Set(current.map(\.schoolCode))
        let withHigh = Set(current.filter { $0.level == .high }.map(\.schoolCode))
        return (
            ReportSection(
                title: riskTitle,
                blocks: [
                    .paragraph(
                        "Профили \(year) года: школ — \(schools.count), из них с высоким уровнем хотя бы одного фактора — \(withHigh.count)."
                    ), .table(RiskTables.matrix(current)), .table(RiskTables.factorCounts(current)),
                    .table(ProgrammeTables.gaps(gaps)),
                ]),
            []
        )
    }
}
