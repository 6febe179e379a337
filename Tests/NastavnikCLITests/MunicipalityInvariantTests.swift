import Foundation
import GRDB
import NastavnikCore
import NastavnikStore
import PropertyBased
import Testing

/// Invariants of the rules, checked on random municipalities imported through the real files
/// into real SQLite files and asked through the real commands (issue #16's «Proof»): each run
/// builds a new municipality from a seed, so a failure names the seed that reproduces it.
@Suite struct MunicipalityInvariantTests {
    /// A municipality imported into a fresh database.
    struct Loaded {
        let sandbox: CLISandbox
        let db: String
        let town: RandomMunicipality
    }

    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    static func load(seed: UInt64, asOf: LocalDate = asOf) async throws -> Loaded {
        let sandbox = try CLISandbox()
        let db = sandbox.path("m.sqlite")
        let town = RandomMunicipality(seed: seed, asOf: asOf)
        for file in town.files {
            let path = sandbox.write(file.name, file.text)
            let result = await run(["import", file.kind, path, "--db", db, "--as-of", asOf.russian])
            #expect(result.status == 0, "seed \(seed): import \(file.kind): \(result.err)")
        }
        return Loaded(sandbox: sandbox, db: db, town: town)
    }

    static func date(_ value: Any?) -> LocalDate? { (value as? String).flatMap { LocalDate(parsing: $0) } }

    /// Every pedagogical and leading worker, and no one else, has a training status; its due day
    /// and overdue flag are those of 273-ФЗ ст. 47 ч. 5 п. 2 worked out here from what was written
    /// (the last training of 16 hours or more, or the start of pedagogical work if later, + 3 years).
    @Test func everyPedagogicalAndLeadingWorkerHasTheRightTrainingStatus() async {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            do {
                let loaded = try await Self.load(seed: UInt64(seed))
                let result = await run([
                    "training", "status", "--db", loaded.db, "--as-of", Self.asOf.russian, "--format", "json",
                ])
                #expect(result.status == 0, "\(result.err)")
                let lines = try jsonArray(result.out)
                let listed = Set(lines.compactMap { $0["staff_id"] as? String })
                let expected = Set(loaded.town.people.filter { $0.kind != .other }.map(\.id))
                #expect(
                    listed == expected,
                    "seed \(seed): missing \(expected.subtracting(listed).sorted()), extra \(listed.subtracting(expected).sorted())"
                )
                for line in lines {
                    guard let id = line["staff_id"] as? String,
                        let person = loaded.town.people.first(where: { $0.id == id })
                    else { continue }
                    let last = loaded.town.trainings.filter { $0.person == id && $0.hours >= 16 && $0.end <= Self.asOf }
                        .map(\.end).max()
                    let start = [last, person.teachingSince].compactMap { $0 }.max()
                    let due = start?.adding(years: 3)
                    #expect(
                        Self.date(line["due_by"]) == due,
                        "seed \(seed): \(id) due \(String(describing: line["due_by"])) ≠ \(String(describing: due))")
                    #expect(
                        line["overdue"] as? Bool == (due.map { $0 < Self.asOf } ?? true), "seed \(seed): \(id) overdue")
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    /// No plan item or order line names a course session that has begun before the as-of date,
    /// ends after the deadline, is full, or is another subject's; every pedagogical and leading
    /// worker of a НОР, ЗПР or ЗУР school has a plan.
    @Test func noPlanItemOrOrderLineNamesAClosedSession() async {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            do { try await Self.checkPlansAndOrder(seed: UInt64(seed)) } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static func checkPlansAndOrder(seed: UInt64) async throws {
        let loaded = try await load(seed: seed)
        let town = loaded.town
        let db = loaded.db
        let generated = await run(["plans", "generate", "--year", "2026/27", "--as-of", asOf.russian, "--db", db])
        #expect(generated.status == 0, "seed \(seed): \(generated.err)")
        let queue = try DatabaseQueue(path: db)
        let yearEnd = LocalDate(year: 2027, month: 8, day: 31)!
        @Sendable func subjects(_ text: String?) -> [String] {
            (text ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        try await queue.read { d in
            var taken: [String: Int] = [:]
            for row in try Row.fetchAll(
                d,
                sql: """
                    SELECT st.staff_id, st.subjects, c.code, c.start_date, c.end_date, c.seats, c.subjects
                    FROM plan_item i JOIN development_plan p ON p.id = i.plan_id AND p.superseded_by IS NULL
                    JOIN staff st ON st.id = p.staff_id JOIN course c ON c.id = i.course_id
                    """)
            {
                let code: String = row[2]
                taken[code, default: 0] += 1
                if let start = date(row[3] as String?) {
                    #expect(start >= asOf, "seed \(seed): \(row[0] as String) — \(code) began \(start.russian)")
                }
                if let end = date(row[4] as String?) {
                    #expect(end <= yearEnd, "seed \(seed): \(code) ends \(end.russian)")
                }
                if let seats: Int = row[5] { #expect(taken[code]! <= seats, "seed \(seed): \(code) over its seats") }
                let course = subjects(row[6])
                let mine = subjects(row[1])
                #expect(
                    course.isEmpty || course.contains { c in mine.contains { town.sameSubject(c, $0) } },
                    "seed \(seed): \(row[0] as String) (\(mine)) — \(code) for \(course)")
            }
            let planned = Set(
                try String.fetchAll(
                    d, sql: "SELECT st.staff_id FROM development_plan p JOIN staff st ON st.id = p.staff_id"))
            let allStaff = Set(town.schools.filter { ["НОР", "ЗПР", "ЗУР"].contains($0.status) }.map(\.code))
            for person in town.people where person.kind != .other && allStaff.contains(person.school) {
                #expect(
                    planned.contains(person.id),
                    "seed \(seed): \(person.id) (\(person.position), \(person.school)) has no plan")
            }
        }
        let order = await run([
            "training", "order", "--year", "2027", "--as-of", asOf.russian, "--db", db, "--format", "json",
        ])
        #expect(order.status == 0, "seed \(seed): \(order.err)")
        let lines = try #require(try jsonObject(order.out)["assignments"] as? [[String: Any]])
        let courses = Dictionary(uniqueKeysWithValues: town.courses.map { ($0.code, $0) })
        var seats: [String: Int] = [:]
        for line in lines {
            let code = try #require(line["course_code"] as? String)
            let staff = try #require(line["staff_id"] as? String)
            guard let course = courses[code] else { continue }  // the external course has no dates
            seats[code, default: 0] += 1
            if let start = course.start {
                #expect(
                    start >= max(asOf, LocalDate(year: 2027, month: 1, day: 1)!),
                    "seed \(seed): order \(staff) — \(code) from \(start.russian)")
            }
            if let end = course.end {
                #expect(
                    end <= LocalDate(year: 2027, month: 12, day: 31)!, "seed \(seed): order \(code) to \(end.russian)")
            }
            if let limit = course.seats { #expect(seats[code]! <= limit, "seed \(seed): order \(code) over its seats") }
            let mine = town.people.first { $0.id == staff }?.subjects ?? []
            #expect(
                course.subjects.isEmpty || course.subjects.contains { c in mine.contains { town.sameSubject(c, $0) } },
                "seed \(seed): order \(staff) (\(mine)) — \(code) for \(course.subjects)")
        }
    }

    /// The mentors `suggest` gives can all be recorded with `assign` (one rule for both), and
    /// afterwards no mentor has more active mentees than their limit.
    @Test func suggestedMentorsCanBeAssignedAndNoMentorIsOverTheLimit() async {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            do {
                let loaded = try await Self.load(seed: UInt64(seed))
                let database = try NastavnikDatabase(path: loaded.db, access: .read)
                let input = try database.mentoringInputs(asOf: Self.asOf)
                let suggestions = try MentorMatching.suggest(
                    staff: input.staff, activeMentors: input.activeMentors, activeMentees: input.activeMentees,
                    curatorsOf: input.curatorsOf, limits: input.limits, includeMentored: false,
                    activePairs: input.activePairs)
                for s in suggestions {
                    guard let mentor = s.mentor else { continue }
                    do {
                        try database.assignMentor(
                            mentor: mentor.id, mentee: s.mentee.id, form: nil, start: Self.asOf, end: nil, goal: nil,
                            consent: Self.asOf, today: Self.asOf)
                    } catch {
                        Issue.record("seed \(seed): \(mentor.id) → \(s.mentee.id): \(error)")
                    }
                }
                let after = try database.mentoringInputs(asOf: Self.asOf)
                for person in after.staff {
                    #expect(
                        after.activeMentees[person.id, default: 0] <= after.limits.limit(person.category),
                        "seed \(seed): \(person.id)")
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    /// Every school that needs support (НОР, ЗПР, ЗУР, ШНСУ) is offered a curator or told why
    /// not, and every curator offered has a status that may curate (by default «эффективная»).
    @Test func everySchoolNeedingSupportHasACuratorOrAReason() async {
        await propertyCheck(count: 8, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            do {
                let loaded = try await Self.load(seed: UInt64(seed))
                let result = await run(["curators", "suggest", "--db", loaded.db, "--format", "json"])
                #expect(result.status == 0, "seed \(seed): \(result.err)")
                let lines = try jsonArray(result.out)
                let status = Dictionary(uniqueKeysWithValues: loaded.town.schools.map { ($0.code, $0.status) })
                let needing = Set(
                    loaded.town.schools.filter { ["НОР", "ЗПР", "ЗУР", "ШНСУ"].contains($0.status) }.map(\.code))
                #expect(Set(lines.compactMap { $0["school_code"] as? String }) == needing, "seed \(seed)")
                for line in lines {
                    if let curator = line["curator_code"] as? String {
                        #expect(
                            status[curator] == "эффективная",
                            "seed \(seed): curator \(curator) is \(status[curator] ?? "?")")
                        #expect(curator != line["school_code"] as? String)
                    } else {
                        #expect(
                            !((line["reason"] as? String) ?? "").isEmpty,
                            "seed \(seed): \(line["school_code"] ?? "") without a curator or a reason")
                    }
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
