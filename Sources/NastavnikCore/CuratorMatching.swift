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

    public init(id: Int64, code: String, name: String, municipality: String?, latitude: Double?, longitude: Double?,
                relative: [String: Double], deficitShare: [String: Double], capacity: Int) {
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
        if let km { parts.append("расстояние \(Int(km.rounded())) км") } else { parts.append(distance == 0 ? "тот же муниципалитет" : "координат нет, другой муниципалитет") }
        if !coveredSubjects.isEmpty { parts.append("сильна в слабых предметах школы: \(coveredSubjects.joined(separator: ", "))") }
        if !uncoveredSubjects.isEmpty { parts.append("не закрывает предметы: \(uncoveredSubjects.joined(separator: ", "))") }
        if !uncoveredDeficits.isEmpty { parts.append("у её педагогов те же дефициты: \(uncoveredDeficits.joined(separator: ", "))") }
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
public enum CuratorCost {
    public static let weakBelow = 0.95
    public static let strongFrom = 1.05
    public static let frequentDeficit = 0.2

    public static func haversineKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0
        let dLat = (lat2 - lat1) * .pi / 180, dLon = (lon2 - lon1) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * .pi / 180) * cos(lat2 * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    public static func cost(school s: MatchSchool, curator c: MatchSchool, existing: Bool) -> PairCost {
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
        return PairCost(distance: distance, uncoveredSubjects: weak.filter { !covered.contains($0) }, coveredSubjects: covered,
                        uncoveredDeficits: uncoveredDeficits, continuity: existing ? 0 : 15, km: km)
    }
}
