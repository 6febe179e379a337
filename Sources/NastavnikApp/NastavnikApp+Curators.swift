import NastavnikCore
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// The least-cost curator of every school that needs support (`CuratorMatching.suggest`), with
    /// the pairs locked or forbidden as ШКОЛА:КУРАТОР; writes nothing.
    /// - Parameters:
    ///   - years: the years of results (the last three on record by default).
    ///   - capacity: how many schools a curator takes unless its own capacity is stored.
    ///   - labels: where the locks and the forbidden pairs were written, for a refusal to name
    ///     (the command's options by default, `curatorFormLabels` on the web).
    public func suggestCurators(
        years: ClosedRange<Int>?, capacity: Int, lock: [String] = [], forbid: [String] = [],
        labels: (lock: String, forbid: String) = ("--lock", "--forbid")
    )
        async throws
        -> [CuratorSuggestion]
    {
        guard capacity >= 0 else {
            throw AppError("Вместимость (--capacity) не может быть отрицательной: \(capacity).")
        }
        let constraints = try CuratorConstraints(
            lock: lock, forbid: forbid, known: Set(try database.schools().map(\.code)), lockLabel: labels.lock,
            forbidLabel: labels.forbid)
        let schools = try database.matchSchools(years: years, defaultCapacity: capacity)
        let settings = try database.settings()
        let allowed = CuratorMatching.allowedStatuses(settings)
        if let refusal = constraints.lockRefusal(schools: schools, allowed: allowed, label: labels.lock) {
            throw refusal
        }
        let existing = Set(try database.pairings().map { "\($0.schoolCode)|\($0.curatorSchoolCode)" })
        return try CuratorMatching.suggest(
            schools: schools, existing: existing, locks: constraints.locks, forbidden: constraints.forbidden,
            allowed: allowed, cutoffs: CuratorCutoffs(settings))
    }

    /// Stores how many schools a curator school may take; returns the school's code as stored
    /// (trimmed). `expectedVersion`: the `curatorsVersion` a form was opened on (nil checks nothing).
    public func setCuratorCapacity(school: String, capacity: Int, expectedVersion: Int64? = nil) async throws
        -> String
    {
        guard capacity >= 0 else {
            throw AppError("Вместимость школы \(school) не может быть отрицательной: \(capacity).")
        }
        let code = CellValue.trimmed(school)
        try database.setCuratorCapacity(school: code, capacity: capacity, expectedVersion: expectedVersion)
        return code
    }

    /// Where a web form's locks and forbidden pairs are written, as a refusal names them.
    public static let curatorFormLabels = (lock: "поле «Закрепить пары»", forbid: "поле «Запретить пары»")

    /// The refusals of the pairs a form locks and forbids (each ШКОЛА:КУРАТОР), by field
    /// (`lock`, `forbid`): the same reading as `suggestCurators`, each list on its own.
    public func curatorConstraintProblems(lock: [String], forbid: [String]) async throws
        -> [(field: String, message: String)]
    {
        let known = Set(try database.schools().map(\.code))
        let labels = Self.curatorFormLabels
        var problems: [(field: String, message: String)] = []
        for (field, lock, forbid) in [("lock", lock, [String]()), ("forbid", [], forbid)] {
            do {
                _ = try CuratorConstraints(
                    lock: lock, forbid: forbid, known: known, lockLabel: labels.lock, forbidLabel: labels.forbid)
            } catch {
                problems.append((field, error.message))
            }
        }
        return problems
    }

    /// The version the curators' suggestion is opened on (`NastavnikDatabase.curatorsVersion`).
    public func curatorsVersion() async throws -> Int64 { try database.curatorsVersion().id }

    /// How an order is named in the pairs it records: «Приказ от 01.12.2026 № 45».
    public static func curatorOrderReference(number: String, date: LocalDate) -> String {
        "Приказ от \(date.russian) № \(number)"
    }

    /// Records the pairs of one order, all or none, from the order's date
    /// (`NastavnikDatabase.assignCurators`); returns how many were recorded.
    public func assignCurators(
        _ pairs: [(school: String, curator: String)], orderNumber: String, orderDate: LocalDate,
        expectedVersion: Int64? = nil
    ) async throws -> Int {
        try database.assignCurators(
            pairs, orderRef: Self.curatorOrderReference(number: orderNumber, date: orderDate), since: orderDate,
            expectedVersion: expectedVersion)
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
