/// The rules of mentoring (Целевая модель наставничества; ТК РФ, ст. 351.8): who needs a mentor,
/// who may be one, the cost of a pair, how many mentees a mentor may have, and what a new pair
/// must satisfy.
public enum MentorMatching {
    /// The cost in words, as `mentoring suggest --help` and the web's suggestion page say it.
    public static let explanation =
        "Стоимость пары: 0 в своей школе, 30 в школе-кураторе (другие школы не предлагаются) + 20, если нет общего "
        + "предмета + 0/5/15 за высшую/первую/иную категорию + 10, если наставник не проходил диагностику + 5 за стаж "
        + "менее 10 лет."

    public static let unassignedReason = "наставника со свободным местом нет ни в своей школе, ни в школе-кураторе"

    /// A teacher who is a young specialist or scored at or below a threshold.
    public static func needsMentor(_ p: MentoringPerson) -> Bool {
        p.positionKind == .pedagogical && (p.earlyCareer || p.weakInDiagnostics)
    }

    /// A teacher or leader, not a young specialist nor weak, with 10 years or a first/highest category.
    public static func mayMentor(_ p: MentoringPerson) -> Bool {
        p.positionKind != .other && !p.weakInDiagnostics && !p.earlyCareer
            && ((p.experience ?? 0) >= 10 || p.category == .highest || p.category == .first)
    }

    /// Places a mentor has left: the limit of their category less the pairs already active.
    public static func freePlaces(_ mentor: MentoringPerson, active: Int, limits: MentorLimits) -> Int {
        max(0, limits.limit(mentor.category) - active)
    }

    /// The documented cost of a pair and its reason; `nil` when the mentor is in neither the
    /// mentee's school nor one of its curator schools.
    ///
    ///     0 in the own school, 30 in a curator school
    ///     + 20 without a shared subject + 0/5/15 for highest/first/other category
    ///     + 10 when the mentor took no diagnostics + 5 for less than 10 years of experience
    public static func cost(mentee e: MentoringPerson, mentor m: MentoringPerson, curatorSchools: Set<String>) -> (
        cost: Int, reason: String
    )? {
        var parts: [String] = []
        var cost = 0
        if m.schoolCode == e.schoolCode {
            parts.append("своя школа")
        } else if curatorSchools.contains(m.schoolCode) {
            cost += 30
            parts.append("школа-куратор \(m.schoolCode)")
        } else {
            return nil
        }
        let shared = m.subjects.filter { s in e.subjects.contains { CellValue.fold($0) == CellValue.fold(s) } }
        if shared.isEmpty {
            cost += 20
            parts.append("другой предмет")
        } else {
            parts.append("общий предмет: \(shared.joined(separator: ", "))")
        }
        switch m.category {
        case .highest?: parts.append("высшая категория")
        case .first?:
            cost += 5
            parts.append("первая категория")
        default: cost += 15
        }
        if m.diagnosed {
            parts.append("баллы диагностики выше порогов")
        } else {
            cost += 10
            parts.append("диагностику не проходил(а)")
        }
        if (m.experience ?? 0) < 10 { cost += 5 }
        parts.append("стаж \(Int(m.experience ?? 0)) лет")
        return (cost, parts.joined(separator: "; "))
    }

    /// The least-cost mentors for those who need one (without an active mentor unless
    /// `includeMentored`); a mentor takes no more than their free places.
    ///
    /// - Parameters:
    ///   - activeMentors: per mentee, how many active mentors they have.
    ///   - activeMentees: per mentor, how many active mentees they have.
    ///   - curatorsOf: per school code, its curator schools' codes.
    ///   - activePairs: active pairs as «mentor|mentee», never suggested again.
    public static func suggest(
        staff: [MentoringPerson], activeMentors: [String: Int], activeMentees: [String: Int],
        curatorsOf: [String: Set<String>], limits: MentorLimits, includeMentored: Bool,
        activePairs: Set<String> = []
    ) throws -> [MentorSuggestion] {
        let mentees = staff.filter { needsMentor($0) && (includeMentored || (activeMentors[$0.id] ?? 0) == 0) }
        let menteeIDs = Set(mentees.map(\.id))
        let mentors = staff.filter { mayMentor($0) && !menteeIDs.contains($0.id) }
        var reasons: [[Int: (cost: Int, reason: String)]] = []
        let edges: [[(provider: Int32, cost: Int64)]] = mentees.map { e in
            var list: [(provider: Int32, cost: Int64)] = []
            var why: [Int: (cost: Int, reason: String)] = [:]
            for (j, m) in mentors.enumerated() where !activePairs.contains("\(m.id)|\(e.id)") {
                guard let c = cost(mentee: e, mentor: m, curatorSchools: curatorsOf[e.schoolCode] ?? []) else {
                    continue
                }
                list.append((Int32(j), Int64(c.cost)))
                why[j] = c
            }
            reasons.append(why)
            return list
        }
        let capacities = mentors.map { freePlaces($0, active: activeMentees[$0.id] ?? 0, limits: limits) }
        let solution = try MinCostAssignment(edges: edges, capacities: capacities, unassignedCost: 1000).solve()
        return mentees.indices.map { i in
            let e = mentees[i]
            let need = [
                e.earlyCareer ? "молодой специалист" : nil,
                e.weakInDiagnostics ? "баллы диагностики не выше порога" : nil,
            ].compactMap { $0 }
            guard let j = solution.assignment[i], let c = reasons[i][j] else {
                return MentorSuggestion(mentee: e, need: need, mentor: nil, cost: nil, reason: unassignedReason)
            }
            return MentorSuggestion(mentee: e, need: need, mentor: mentors[j], cost: c.cost, reason: c.reason)
        }
    }

    /// Whether a pair from `start` to `end` and one from `otherStart` to `otherEnd` are ever active
    /// on the same day (`nil` start: since ever; `nil` end: still active). The limit and the one
    /// mentor per mentee count every pair that overlaps the new one, also one that begins later:
    /// counting only those active on the new pair's first day let a mentor take a pair now and go
    /// over the limit when an already recorded pair began.
    public static func overlaps(start: LocalDate?, end: LocalDate?, otherStart: LocalDate?, otherEnd: LocalDate?)
        -> Bool
    {
        let otherBeginsInTime = end.map { e in otherStart.map { $0 <= e } ?? true } ?? true
        let otherLastsLongEnough = otherEnd.map { oe in start.map { oe >= $0 } ?? true } ?? true
        return otherBeginsInTime && otherLastsLongEnough
    }

    /// Why a mentor of `mentorKind` and a mentee of `menteeKind` may not form a pair: mentoring
    /// concerns pedagogical and leading workers (Целевая модель наставничества: «педагог –
    /// педагог», «руководитель – руководитель»); other staff (бухгалтер, завхоз…) are outside
    /// every staff rule (issue #16). `nil` when they may.
    public static func kindProblem(mentorKind: PositionKind, menteeKind: PositionKind) -> String? {
        var parts: [String] = []
        if !mentorKind.isCounted {
            parts.append("наставник — \(mentorKind.russian), а не педагогический или руководящий работник")
        }
        if !menteeKind.isCounted {
            parts.append("наставляемый — \(menteeKind.russian), а не педагогический или руководящий работник")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// A pair ends on or after the day it starts (`assign --end`, `mentoring end --date`, the import).
    public static func endProblem(start: LocalDate?, end: LocalDate?) -> String? {
        guard let start, let end, end < start else { return nil }
        return "дата окончания \(end.russian) раньше даты начала \(start.russian)"
    }

    /// What a new pair breaks, in Russian; empty when it may be recorded.
    ///
    /// - Parameters:
    ///   - mentorActive: the mentor's pairs overlapping the new one (`overlaps`), this one aside.
    ///   - menteeActive: the mentee's pairs overlapping the new one, this one aside.
    ///   - second: the department allows a second mentor (`--second`).
    public static func problems(
        start: LocalDate, end: LocalDate?, consent: LocalDate?, today: LocalDate,
        mentorCategory: QualificationCategory?, mentorActive: Int, menteeActive: Int,
        second: Bool, limits: MentorLimits
    ) -> [String] {
        var list: [String] = []
        if let problem = endProblem(start: start, end: end) { list.append(problem) }
        // Written consent (ТК РФ, ст. 351.8) is given before it is recorded: not in the future.
        if let consent, consent > today { list.append("дата согласия \(consent.russian) ещё не наступила") }
        let limit = limits.limit(mentorCategory)
        if mentorActive >= limit {
            list.append(
                "у наставника уже \(RussianPlural.count(mentorActive, "действующая пара", "действующие пары", "действующих пар")) при пределе \(limit) (\(mentorCategory?.russian ?? "без категории"); настройка mentoring.limit_*)"
            )
        }
        if menteeActive > 0, !second {
            list.append("у наставляемого уже есть действующий наставник; второго закрепляют с --second")
        }
        return list
    }
}
