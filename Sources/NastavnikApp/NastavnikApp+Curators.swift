import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// The least-cost curator of every school that needs support (`CuratorMatching.suggest`), with
    /// the pairs locked or forbidden as ШКОЛА:КУРАТОР; writes nothing.
    /// - Parameters:
    ///   - years: the years of results (the last three on record by default).
    ///   - capacity: how many schools a curator takes unless its own capacity is stored.
    public func suggestCurators(years: ClosedRange<Int>?, capacity: Int, lock: [String] = [], forbid: [String] = [])
        async throws
        -> [CuratorSuggestion]
    {
        guard capacity >= 0 else {
            throw AppError("Вместимость (--capacity) не может быть отрицательной: \(capacity).")
        }
        let constraints = try CuratorConstraints(
            lock: lock, forbid: forbid, known: Set(try database.schools().map(\.code)))
        let schools = try database.matchSchools(years: years, defaultCapacity: capacity)
        let settings = try database.settings()
        let allowed = CuratorMatching.allowedStatuses(settings)
        if let refusal = constraints.lockRefusal(schools: schools, allowed: allowed) { throw refusal }
        let existing = Set(try database.pairings().map { "\($0.schoolCode)|\($0.curatorSchoolCode)" })
        return try CuratorMatching.suggest(
            schools: schools, existing: existing, locks: constraints.locks, forbidden: constraints.forbidden,
            allowed: allowed, cutoffs: CuratorCutoffs(settings))
    }

    /// Stores how many schools a curator school may take; returns the school's code as stored (trimmed).
    public func setCuratorCapacity(school: String, capacity: Int) async throws -> String {
        guard capacity >= 0 else {
            throw AppError("Вместимость школы \(school) не может быть отрицательной: \(capacity).")
        }
        let code = CellValue.trimmed(school)
        try database.setCuratorCapacity(school: code, capacity: capacity)
        return code
    }

    /// Records a pairing decision (`NastavnikDatabase.assignCurator`).
    public func assignCurator(
        school: String, curator: String, curatorName: String?, coordinator: String?, orderRef: String?,
        since: LocalDate
    ) async throws {
        try database.assignCurator(
            school: school, curator: curator, curatorName: curatorName, coordinator: coordinator,
            orderRef: orderRef, since: since)
    }

    /// The active pairs «school — curator».
    public func curatorPairings() async throws -> [PairingLine] {
        try database.pairings()
    }

    /// The draft order appointing the curator schools (`CuratorReports.order`); refused without pairs.
    public func curatorOrder(date: LocalDate?, number: String?) async throws -> Document {
        let pairs = try database.pairings()
        guard !pairs.isEmpty else { throw AppError("Пар «школа — куратор» нет: сначала curators assign.") }
        return CuratorReports.order(
            pairs, date: date, number: number, municipality: try database.schools().compactMap(\.municipality).first)
    }
}
