/// The change between two campaigns for the teachers who took both: per school and for the
/// municipality, the figures before and after.
public struct DiagnosticDynamics: Sendable, Equatable {
    /// One teacher's scores in the first and in the second campaign.
    public struct Pair: Sendable, Equatable {
        public var key: Int64
        public var schoolCode: String
        public var schoolName: String
        public var before: [Competence: Double]
        public var after: [Competence: Double]

        public init(key: Int64, schoolCode: String, schoolName: String, before: [Competence: Double], after: [Competence: Double]) {
            self.key = key
            self.schoolCode = schoolCode
            self.schoolName = schoolName
            self.before = before
            self.after = after
        }
    }

    /// A school's or the municipality's figures in both campaigns.
    public struct Row: Sendable, Equatable {
        public var scope: DiagnosticScope
        public var teachers: Int
        public var before: DiagnosticFigures
        public var after: DiagnosticFigures

        /// The change of the mean score, when both campaigns have one.
        public func meanChange(_ competence: Competence) -> Double? {
            guard let x = before.mean[competence], let y = after.mean[competence] else { return nil }
            return y - x
        }
    }

    public var rows: [Row]

    /// Schools in order, then the municipality when `withMunicipality`; shares above the second
    /// campaign's `thresholds`.
    public init(_ pairs: [Pair], thresholds: [Competence: Double], withMunicipality: Bool) {
        func figures(_ list: [Pair], _ pick: (Pair) -> [Competence: Double]) -> DiagnosticFigures {
            DiagnosticFigures(list.map { ScoredTeacher(key: $0.key, scores: pick($0), deficits: []) }, thresholds: thresholds)
        }
        rows = DiagnosticScope.grouped(pairs, withMunicipality: withMunicipality) { ($0.schoolCode, $0.schoolName) }.map { group in
            Row(scope: group.scope, teachers: group.items.count, before: figures(group.items, \.before), after: figures(group.items, \.after))
        }
    }
}
