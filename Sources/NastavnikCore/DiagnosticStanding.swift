/// Where each person stands after their diagnostics, by the latest result given with consent:
/// weak when a competence is at or below its threshold (a mentee), and strong by how far the
/// scores stand above the thresholds (a mentor's or presenter's strength).
public struct DiagnosticStanding: Sendable, Equatable {
    /// One result: the person's personnel number, the scores and the thresholds of its instrument.
    public struct Result: Sendable, Equatable {
        public var staffID: String
        public var scores: [Competence: Double]
        public var thresholds: [Competence: Double]

        public init(staffID: String, scores: [Competence: Double], thresholds: [Competence: Double]) {
            self.staffID = staffID
            self.scores = scores
            self.thresholds = thresholds
        }
    }

    /// Those whose latest result has a competence at or below its threshold.
    public var weak: Set<String> = []
    /// Per person, the sum over the competences of score ÷ threshold − 1 in the latest result.
    public var strength: [String: Double] = [:]

    /// The standing after `results`, oldest first: a later result replaces an earlier one.
    public init(_ results: [Result]) {
        for r in results {
            var below = false
            var s = 0.0
            // The competences in a fixed order: the sum does not depend on a dictionary's.
            for c in Competence.allCases {
                guard let t = r.thresholds[c], let v = r.scores[c] else { continue }
                if v <= t { below = true }
                s += t > 0 ? v / t - 1 : 0
            }
            if below { weak.insert(r.staffID) } else { weak.remove(r.staffID) }
            strength[r.staffID] = s
        }
    }
}
