/// The change between two campaigns for the teachers who took both: per school and for the
/// municipality, the figures before and after.
public struct DiagnosticDynamics: Sendable, Equatable {
    /// A school's or the municipality's figures in both campaigns.
    public struct Row: Sendable, Equatable {
        public var scope: DiagnosticScope
        public var teachers: Int
        public var before, after: DiagnosticFigures

        /// The change of the mean score, when both campaigns have one.
        public func meanChange(_ competence: Competence) -> Double? {
            guard let x = before.mean[competence], let y = after.mean[competence] else { return nil }
            return y - x
        }
    }

    public var rows: [Row]

    /// `pairs`: each teacher's scores in the first and in the second campaign, grouped by the
    /// second's school. Schools in order, then the municipality when `withMunicipality`; shares
    /// above the second campaign's `thresholds`; deficits are not compared here.
    public init(
        _ pairs: [(before: ScoredTeacher, after: ScoredTeacher)], thresholds: [Competence: Double],
        withMunicipality: Bool
    ) {
        rows = DiagnosticScope.grouped(pairs, withMunicipality: withMunicipality) {
            ($0.after.schoolCode, $0.after.schoolName)
        }.map { group in
            Row(
                scope: group.scope, teachers: group.items.count,
                before: DiagnosticFigures(group.items.map(\.before), thresholds: thresholds),
                after: DiagnosticFigures(group.items.map(\.after), thresholds: thresholds))
        }
    }
}
