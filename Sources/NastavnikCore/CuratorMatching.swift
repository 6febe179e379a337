import Foundation

/// A school as curator matching weighs it.
public struct MatchSchool: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var municipality: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Relative score (school mean ÷ region mean) per subject, averaged over the years.
    public var relative: [String: Double]
    /// Share (0–1) of the school's diagnosed teachers with each deficit topic (folded).
    public var deficitShare: [String: Double]
    public var capacity: Int
    /// Official statuses from the regional lists.
    public var statuses: [SchoolStatus]

    public init(
        id: Int64, code: String, name: String, municipality: String?, latitude: Double?, longitude: Double?,
        relative: [String: Double], deficitShare: [String: Double], capacity: Int, statuses: [SchoolStatus] = []
    ) {
        self.statuses = statuses
        self.id = id
        self.code = code
        self.name = name
        self.municipality = municipality
        self.latitude = latitude
        self.longitude = longitude
        self.relative = relative
        self.deficitShare = deficitShare
        self.capacity = capacity
    }
}

/// The cost of one pair, term by term, and why.
public struct PairCost: Sendable, Equatable {
    public var distance: Int
    public var uncoveredSubjects: [String]
    public var coveredSubjects: [String]
    public var uncoveredDeficits: [String]
    public var continuity: Int
    public var km: Double?

    public var total: Int { distance + 20 * uncoveredSubjects.count + 10 * uncoveredDeficits.count + continuity }

    public var reason: String {
        var parts: [String] = []
        if let km {
            parts.append("расстояние \(Int(km.rounded())) км")
        } else {
            parts.append(distance == 0 ? "тот же муниципалитет" : "координат нет, другой муниципалитет")
        }
        if !coveredSubjects.isEmpty {
            parts.append("сильна в слабых предметах школы: \(coveredSubjects.joined(separator: ", "))")
        }
        if !uncoveredSubjects.isEmpty {
            parts.append("не закрывает предметы: \(uncoveredSubjects.joined(separator: ", "))")
        }
        if !uncoveredDeficits.isEmpty {
            parts.append("у её педагогов те же дефициты: \(uncoveredDeficits.joined(separator: ", "))")
        }
        parts.append(continuity == 0 ? "пара уже действует" : "новая пара")
        return parts.joined(separator: "; ")
    }
}

/// Builds the documented cost of pairing a supported school with a curator school:
///
///     cost = distance in km (haversine; without coordinates 0 for the same municipality, 50 otherwise)
///          + 20 × weak subjects of the school (relative score < 0.95) the curator is not strong in (≥ 1.05)
///          + 10 × the school's frequent deficits (≥ 20 % of its teachers) as frequent among the curator's
///          + 15 for a new pair (0 when the pairing already exists: continuity)
///
/// The three cut-offs are judgements (no seed gives them): settings `curators.weak_subject_below`,
/// `curators.strong_subject_from` and `curators.frequent_deficit` (`CuratorCutoffs`).
public enum CuratorCost {
    public static let weakBelow = 0.95
    public static let strongFrom = 1.05
    public static let frequentDeficit = 0.2

    public static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0
        let dLat = (lat2 - lat1) * .pi / 180
        let dLon = (lon2 - lon1) * .pi / 180
        let a =
            sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * .pi / 180) * cos(lat2 * .pi / 180) * sin(dLon / 2)
            * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    public static func cost(
        school s: MatchSchool, curator c: MatchSchool, existing: Bool,
        cutoffs: CuratorCutoffs = CuratorCutoffs()
    ) -> PairCost {
        let weakBelow = cutoffs.weakBelow
        let strongFrom = cutoffs.strongFrom
        let frequentDeficit = cutoffs.frequentDeficit
        var km: Double?
        let distance: Int
        if let a = s.latitude, let b = s.longitude, let x = c.latitude, let y = c.longitude {
            km = haversineKm(a, b, x, y)
            distance = Int(km!.rounded())
        } else {
            distance = s.municipality != nil && s.municipality == c.municipality ? 0 : 50
        }
        let weak = s.relative.filter { $0.value < weakBelow }.keys.sorted()
        let covered = weak.filter { (c.relative[$0] ?? 0) >= strongFrom }
        let frequent = s.deficitShare.filter { $0.value >= frequentDeficit }.keys.sorted()
        let uncoveredDeficits = frequent.filter { (c.deficitShare[$0] ?? 0) >= s.deficitShare[$0]! }
        return PairCost(
            distance: distance, uncoveredSubjects: weak.filter { !covered.contains($0) }, coveredSubjects: covered,
            uncoveredDeficits: uncoveredDeficits, continuity: existing ? 0 : 15, km: km)
    }
}

/// The cut-offs of the curator cost, from the settings in force (defaults: `CuratorCost`).
public struct CuratorCutoffs: Sendable, Equatable {
    /// A subject of the school is weak below this relative score.
    public var weakBelow: Double
    /// The curator is strong in a subject from this relative score.
    public var strongFrom: Double
    /// A deficit is frequent from this share (0–1) of the school's diagnosed teachers.
    public var frequentDeficit: Double

    public init(
        weakBelow: Double = CuratorCost.weakBelow, strongFrom: Double = CuratorCost.strongFrom,
        frequentDeficit: Double = CuratorCost.frequentDeficit
    ) {
        self.weakBelow = weakBelow
        self.strongFrom = strongFrom
        self.frequentDeficit = frequentDeficit
    }

    public init(_ settings: SettingValues) {
        self.init(
            weakBelow: settings.number(Settings.curatorWeakSubjectBelow),
            strongFrom: settings.number(Settings.curatorStrongSubjectFrom),
            frequentDeficit: settings.number(Settings.curatorFrequentDeficit) / 100)
    }
}

/// A supported school's suggested curator, or the reason there is none.
public struct CuratorSuggestion: Sendable, Equatable {
    public var school: MatchSchool
    public var curator: MatchSchool?
    public var cost: PairCost?
    /// Why this curator (the cost's terms), or why none.
    public var reason: String
}

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
