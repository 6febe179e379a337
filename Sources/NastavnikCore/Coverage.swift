public enum Coverage {
    /// Per school, the pedagogical and leading workers and how many of them an activity the
    /// filter accepts reached in the period.
    public static func compute(
        schools: [IndicatorSchool], staff: [IndicatorPerson], participations: [Participation],
        period: ClosedRange<LocalDate>, counts: (Participation.Activity) -> Bool
    ) -> [CoverageLine] {
        var reachedIDs = Set<Int64>()
        for p in participations where reaches(p, period: period, counts: counts) { reachedIDs.insert(p.staffRowID) }
        var lines = Dictionary(
            uniqueKeysWithValues: schools.map {
                ($0.code, CoverageLine(code: $0.code, name: $0.name, population: 0, reached: 0))
            })
        for person in staff where StaffPopulation.counts(person.kind) && lines[person.schoolCode] != nil {
            lines[person.schoolCode]!.population += 1
            if reachedIDs.contains(person.id) { lines[person.schoolCode]!.reached += 1 }
        }
        return lines.values.sorted { $0.code < $1.code }
    }

    /// Whether a participation reaches its worker in the period: an activity the filter accepts
    /// that overlaps the period. The one rule `compute` and the store's coverage counts share.
    public static func reaches(
        _ participation: Participation, period: ClosedRange<LocalDate>, counts: (Participation.Activity) -> Bool
    ) -> Bool {
        counts(participation.activity) && participation.overlaps(period)
    }
}
