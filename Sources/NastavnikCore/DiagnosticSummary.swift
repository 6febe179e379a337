/// A campaign's summary: the figures of each school and, unless one school is asked for, of the
/// municipality, plus the municipality-wide (or the school's) total the deficit frequencies use.
public struct DiagnosticSummary: Sendable, Equatable {
    /// One row: a school or the municipality, and its figures.
    public struct Row: Sendable, Equatable {
        public var scope: DiagnosticScope
        public var figures: DiagnosticFigures
    }

    /// Schools in order, then the municipality when `withMunicipality`.
    public var rows: [Row]
    /// The figures of every teacher summarized.
    public var total: DiagnosticFigures

    /// Summarizes `teachers` against `thresholds` («above» means strictly above).
    public init(_ teachers: [ScoredTeacher], thresholds: [Competence: Double], withMunicipality: Bool) {
        total = DiagnosticFigures(teachers, thresholds: thresholds)
        let total = total
        rows = DiagnosticScope.grouped(teachers, withMunicipality: withMunicipality) { ($0.schoolCode, $0.schoolName) }
            .map { group in
                Row(
                    scope: group.scope,
                    figures: group.scope == .municipality
                        ? total : DiagnosticFigures(group.items, thresholds: thresholds))
            }
    }
}
