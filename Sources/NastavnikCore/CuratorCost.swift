import Foundation

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

    /// The cost in words, as `curators suggest --help` and the web's suggestion page say it.
    public static let explanation =
        "Стоимость пары: расстояние в км + 20 за каждый слабый предмет школы, в котором куратор не силён + 10 за "
        + "частый дефицит школы, не реже встречающийся у педагогов куратора + 15 за новую пару."

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
