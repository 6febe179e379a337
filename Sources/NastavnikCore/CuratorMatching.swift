/// Which schools are curated, which may curate, and the least-cost pairing of the two.
public enum CuratorMatching {
    /// Every school with a status that needs support gets a curator: НОР, ЗПР, ЗУР and ШНСУ
    /// (Ставрополь: методическая поддержка школ с низкими результатами и школ, функционирующих
    /// в неблагоприятных социальных условиях).
    public static func needsSupport(_ school: MatchSchool) -> Bool { school.statuses.contains { $0.needsSupport } }

    /// The statuses a curator may carry, from the setting `curators.statuses`.
    public static func allowedStatuses(_ settings: SettingValues) -> Set<SchoolStatus> {
        Set(settings.list(Settings.curatorStatuses).compactMap { SchoolStatus(russian: $0) })
    }

    /// Why `school` may not curate, in Russian; `nil` when it may: it carries an allowed status
    /// and no status outside them that needs support itself.
    public static func refusal(curator school: MatchSchool, allowed: Set<SchoolStatus>) -> String? {
        let names = allowed.sorted().map(\.russianShort).joined(separator: ", ")
        guard school.statuses.contains(where: allowed.contains) else {
            let own =
                school.statuses.isEmpty
                ? "статуса нет" : "статус " + school.statuses.map(\.russianShort).joined(separator: ", ")
            return
                "школа \(school.code) не может быть куратором: \(own), а куратором может быть школа со статусом \(names.isEmpty ? "(список пуст)" : names) (настройка curators.statuses)"
        }
        let needing = school.statuses.filter { $0.needsSupport && !allowed.contains($0) }
        if !needing.isEmpty {
            return
                "школа \(school.code) сама нуждается в поддержке (\(needing.map(\.russianShort).joined(separator: ", "))) и не может быть куратором"
        }
        return nil
    }

    /// Why the pair «school → curator» may not be locked, or `nil`.
    public static func lockRefusal(school: MatchSchool, curator: MatchSchool, allowed: Set<SchoolStatus>) -> String? {
        if school.code == curator.code { return "школа не может курировать сама себя" }
        if !needsSupport(school) {
            return "школа \(school.code) не нуждается в кураторе: у неё нет статуса НОР, ЗПР, ЗУР или ШНСУ"
        }
        return refusal(curator: curator, allowed: allowed)
    }

    /// The least-cost curators for every school that needs support; a school left without
    /// one gets the reason.
    ///
    /// - Parameters:
    ///   - existing: active pairs as «school|curator».
    ///   - locks: school code → the only curator it may have.
    ///   - forbidden: pairs «school:curator» that may not be made.
    public static func suggest(
        schools: [MatchSchool], existing: Set<String>, locks: [String: String], forbidden: Set<String>,
        allowed: Set<SchoolStatus>, cutoffs: CuratorCutoffs = CuratorCutoffs()
    ) throws -> [CuratorSuggestion] {
        let supported = schools.filter(needsSupport)
        let curators = schools.filter { refusal(curator: $0, allowed: allowed) == nil }
        var costs: [[Int: PairCost]] = []
        let edges: [[(provider: Int32, cost: Int64)]] = supported.map { s in
            var row: [Int: PairCost] = [:]
            var list: [(provider: Int32, cost: Int64)] = []
            for (j, c) in curators.enumerated() {
                guard s.code != c.code, !forbidden.contains("\(s.code):\(c.code)"),
                    locks[s.code].map({ $0 == c.code }) ?? true
                else { continue }
                let cost = CuratorCost.cost(
                    school: s, curator: c, existing: existing.contains("\(s.code)|\(c.code)"), cutoffs: cutoffs)
                row[j] = cost
                list.append((Int32(j), Int64(cost.total)))
            }
            costs.append(row)
            return list
        }
        let solution = try MinCostAssignment(
            edges: edges, capacities: curators.map { max(0, $0.capacity) }, unassignedCost: 100_000
        ).solve()
        let allowedNames = allowed.sorted().map(\.russianShort).joined(separator: ", ")
        return supported.indices.map { i in
            let s = supported[i]
            if let j = solution.assignment[i], let cost = costs[i][j] {
                return CuratorSuggestion(school: s, curator: curators[j], cost: cost, reason: cost.reason)
            }
            let reason: String
            if curators.isEmpty {
                reason =
                    "нет ни одной школы, которая может быть куратором (статусы: \(allowedNames.isEmpty ? "список пуст" : allowedNames); настройка curators.statuses)"
            } else if let lock = locks[s.code] {
                reason =
                    "закреплённый куратор \(lock) без свободного места: увеличьте его вместимость (nastavnik curators capacity \(lock) N)"
            } else if edges[i].isEmpty {
                reason = "все школы, которые могут быть кураторами, для неё запрещены (--forbid)"
            } else {
                reason =
                    "у всех возможных кураторов нет свободного места: увеличьте вместимость (--capacity или nastavnik curators capacity КОД N) или снимите запреты"
            }
            return CuratorSuggestion(school: s, curator: nil, cost: nil, reason: reason)
        }
    }
}
