import NastavnikCore
import NastavnikStore

/// An anti-risk programme with the state of its measures on a date: a measure is overdue when
/// one of its terms is, done when every term is done or cancelled (at least one done), and
/// planned otherwise (in work, to come, or without dates).
public struct ProgrammeProgress: Sendable, Equatable {
    public var programme: ProgrammeLine
    public var done: Int
    public var overdue: Int
    public var planned: Int

    public init(programme: ProgrammeLine, done: Int, overdue: Int, planned: Int) {
        (self.programme, self.done, self.overdue, self.planned) = (programme, done, overdue, planned)
    }

    /// The progress of each programme from the occurrences of every roadmap (their statuses on the
    /// date they were read for); occurrences of other roadmaps are passed over.
    public static func of(_ programmes: [ProgrammeLine], occurrences: [OccurrenceRow]) -> [ProgrammeProgress] {
        let byRoadmap = Dictionary(grouping: occurrences, by: \.roadmapKey)
        return programmes.map { programme in
            let measures = Dictionary(grouping: byRoadmap[programme.key] ?? [], by: \.activityID)
            var (done, overdue) = (0, 0)
            for terms in measures.values {
                if terms.contains(where: { $0.status == .overdue }) {
                    overdue += 1
                } else if terms.allSatisfy({ $0.status == .done || $0.status == .cancelled }),
                    terms.contains(where: { $0.status == .done })
                {
                    done += 1
                }
            }
            return ProgrammeProgress(
                programme: programme, done: done, overdue: overdue, planned: programme.measures - done - overdue)
        }
    }
}
