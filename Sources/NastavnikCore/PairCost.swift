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
