import PropertyBased
import Testing

@testable import NastavnikCore

@Suite struct MentorMatchingTests {
    func person(
        _ id: String, school: String = "S", kind: PositionKind = .pedagogical,
        category: QualificationCategory? = .highest,
        experience: Double = 20, early: Bool = false, subjects: [String] = ["математика"]
    ) -> MentoringPerson {
        MentoringPerson(
            id: id, fullName: id, schoolCode: school, positionKind: kind, subjects: subjects, category: category,
            experience: experience, earlyCareer: early, weakInDiagnostics: false, diagnosed: true)
    }

    /// A mentor with a first category and two active pairs has no place left (the old code
    /// gave every mentor their whole limit, whatever they already had).
    @Test func activePairsCountAgainstTheLimit() throws {
        let staff = [person("Y1", category: nil, experience: 1, early: true), person("M1", category: .first)]
        let full = try MentorMatching.suggest(
            staff: staff, activeMentors: [:], activeMentees: ["M1": 2], curatorsOf: [:],
            limits: MentorLimits(), includeMentored: false)
        #expect(full.count == 1 && full[0].mentor == nil)
        #expect(full[0].reason == MentorMatching.unassignedReason)
        let one = try MentorMatching.suggest(
            staff: staff, activeMentors: [:], activeMentees: ["M1": 1], curatorsOf: [:],
            limits: MentorLimits(), includeMentored: false)
        #expect(one[0].mentor?.id == "M1")
        // The limits are settings.
        let wider = MentorLimits(SettingValues(stored: [Settings.mentorLimitFirst.id: "3"]))
        #expect(wider.limit(.first) == 3 && wider.limit(.highest) == 3 && wider.limit(nil) == 1)
        #expect(
            try MentorMatching.suggest(
                staff: staff, activeMentors: [:], activeMentees: ["M1": 2], curatorsOf: [:],
                limits: wider, includeMentored: false)[0].mentor?.id == "M1")
    }

    @Test func aPairBreaksNoRule() {
        let today = LocalDate(year: 2026, month: 11, day: 22)!
        let start = LocalDate(year: 2026, month: 9, day: 1)!
        func problems(
            end: LocalDate? = nil, consent: LocalDate? = nil, mentorActive: Int = 0, menteeActive: Int = 0,
            second: Bool = false
        ) -> [String] {
            MentorMatching.problems(
                start: start, end: end, consent: consent, today: today, mentorCategory: .first,
                mentorActive: mentorActive,
                menteeActive: menteeActive, second: second, limits: MentorLimits())
        }
        #expect(
            problems(end: LocalDate(year: 2027, month: 5, day: 31), consent: LocalDate(year: 2026, month: 8, day: 30))
                .isEmpty)
        #expect(problems(end: LocalDate(year: 2026, month: 8, day: 1)).first?.contains("раньше даты начала") == true)
        #expect(problems(consent: LocalDate(year: 2026, month: 12, day: 1)).first?.contains("ещё не наступила") == true)
        #expect(problems(consent: today).isEmpty)
        #expect(problems(mentorActive: 2).first?.contains("при пределе 2") == true)
        #expect(problems(mentorActive: 1).isEmpty)
        #expect(problems(menteeActive: 1).first?.contains("--second") == true)
        #expect(problems(menteeActive: 1, second: true).isEmpty)
    }

    /// Invariant: on any municipality, no mentor ends up over their limit counting the pairs
    /// already active, every suggested pair is in the own or a curator school, and every mentee
    /// has a mentor or a reason.
    @Test func noMentorIsOverTheLimit() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000)) { seed in
            let m = RandomMunicipality(seed: seed)
            let limits = MentorLimits()
            guard
                let suggestions = try? MentorMatching.suggest(
                    staff: m.staff, activeMentors: m.activeMentors, activeMentees: m.activeMentees,
                    curatorsOf: m.curatorsOf, limits: limits, includeMentored: seed % 2 == 0)
            else {
                Issue.record("не решено: \(seed)")
                return
            }
            var load = m.activeMentees
            for s in suggestions {
                #expect(MentorMatching.needsMentor(s.mentee))
                #expect(!s.reason.isEmpty)
                guard let mentor = s.mentor else { continue }
                #expect(MentorMatching.mayMentor(mentor) && mentor.id != s.mentee.id)
                #expect(
                    mentor.schoolCode == s.mentee.schoolCode
                        || m.curatorsOf[s.mentee.schoolCode]?.contains(mentor.schoolCode) == true)
                load[mentor.id, default: 0] += 1
            }
            for s in suggestions {
                guard let mentor = s.mentor else { continue }
                #expect(load[mentor.id]! <= limits.limit(mentor.category), "seed \(seed): \(mentor.id)")
            }
        }
    }
}

extension MentorMatchingTests {
    /// With `--all`, a mentee's active mentor is not suggested again (it would count twice).
    @Test func anActivePairIsNotSuggestedAgain() throws {
        let staff = [
            person("Y1", category: nil, experience: 1, early: true), person("M1"), person("M2", category: .first),
        ]
        let result = try MentorMatching.suggest(
            staff: staff, activeMentors: ["Y1": 1], activeMentees: ["M1": 1], curatorsOf: [:],
            limits: MentorLimits(), includeMentored: true, activePairs: ["M1|Y1"])
        #expect(result.first?.mentor?.id == "M2")
    }
}

/// Review R1: the overlap of two pairs, the one rule `assign` and `suggest` count by.
@Suite struct MentorPairOverlapTests {
    func d(_ s: String) -> LocalDate { LocalDate(parsing: s)! }

    @Test func pairsOverlapWhenSomeDayIsInBoth() {
        // A later open pair overlaps an open pair beginning now.
        #expect(MentorMatching.overlaps(start: d("2026-09-01"), end: nil, otherStart: d("2027-09-01"), otherEnd: nil))
        // One ending before the other begins does not.
        #expect(
            !MentorMatching.overlaps(
                start: d("2026-09-01"), end: d("2027-05-31"), otherStart: d("2027-09-01"), otherEnd: nil))
        #expect(
            !MentorMatching.overlaps(
                start: d("2026-09-01"), end: nil, otherStart: d("2025-09-01"), otherEnd: d("2026-08-31")))
        // The same day at both ends overlaps; unknown dates stretch without bound.
        #expect(MentorMatching.overlaps(start: d("2026-09-01"), end: nil, otherStart: nil, otherEnd: d("2026-09-01")))
        #expect(MentorMatching.overlaps(start: nil, end: nil, otherStart: nil, otherEnd: nil))
    }

    @Test func onlyPedagogicalAndLeadingWorkersFormPairs() {
        #expect(MentorMatching.kindProblem(mentorKind: .pedagogical, menteeKind: .pedagogical) == nil)
        #expect(MentorMatching.kindProblem(mentorKind: .leading, menteeKind: .leading) == nil)
        #expect(
            MentorMatching.kindProblem(mentorKind: .pedagogical, menteeKind: .other)?.contains("наставляемый") == true)
        #expect(MentorMatching.kindProblem(mentorKind: .other, menteeKind: .pedagogical)?.contains("наставник") == true)
    }
}
