/// Everything the municipal (or one school's) report shows, read in one transaction.
public struct MunicipalData: Sendable, Equatable {
    public var schools: [SchoolOverview]
    public var pairings: [PairingLine]
    public var staff: [SchoolStaffFigures]
    public var earlyCareer: [StaffLine]
    public var deficits: [DeficitFigures]
    public var roadmaps: [(title: String, activities: Int)]
    public var occurrences: [OccurrenceLine]

    public static func == (a: Self, b: Self) -> Bool {
        a.schools == b.schools && a.staff == b.staff && a.deficits == b.deficits && a.occurrences == b.occurrences
    }
}
