import PropertyBased
import Testing

@testable import NastavnikCore

/// A random municipality for the matching rules, built from one seed so a failure replays.
struct RandomMunicipality {
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    var staff: [MentoringPerson] = []
    var activeMentors: [String: Int] = [:]
    var activeMentees: [String: Int] = [:]
    var curatorsOf: [String: Set<String>] = [:]
    var schools: [MatchSchool] = []

    init(seed: Int) {
        var r = LCG(state: UInt64(seed) &+ 1)
        let subjects = ["математика", "русский язык", "история", "физика"]
        let categories: [QualificationCategory?] = [.highest, .first, .fitsPost, QualificationCategory.none, nil]
        let schoolCount = 1 + r.next(5)
        for s in 0..<schoolCount {
            let statuses: [SchoolStatus] = [
                [], [.lowResults], [.highRisk], [.moderateRisk], [.adverseSocial], [.effective],
                [.lowResults, .adverseSocial],
            ][r.next(7)]
            schools.append(
                MatchSchool(
                    id: Int64(s), code: "S\(s)", name: "Школа \(s)", municipality: r.next(2) == 0 ? "М" : nil,
                    latitude: r.next(2) == 0 ? 50 + Double(r.next(100)) / 100 : nil, longitude: 40,
                    relative: [subjects[r.next(4)]: Double(80 + r.next(40)) / 100], deficitShare: [:],
                    capacity: r.next(3), statuses: statuses))
            if s > 0, r.next(3) == 0 { curatorsOf["S\(s)", default: []].insert("S\(r.next(s))") }
        }
        for i in 0..<(r.next(30)) {
            staff.append(
                MentoringPerson(
                    id: "T\(i)", fullName: "Работник \(i)", schoolCode: "S\(r.next(schoolCount))",
                    positionKind: PositionKind.allCases[r.next(PositionKind.allCases.count)],
                    subjects: [subjects[r.next(4)]], category: categories[r.next(categories.count)],
                    experience: Double(r.next(35)), earlyCareer: r.next(3) == 0, weakInDiagnostics: r.next(4) == 0,
                    diagnosed: r.next(2) == 0))
        }
        for _ in 0..<r.next(10) where !staff.isEmpty {
            activeMentees[staff[r.next(staff.count)].id, default: 0] += 1
            activeMentors[staff[r.next(staff.count)].id, default: 0] += 1
        }
    }
}
