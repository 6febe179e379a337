/// Decides the development plans of a school year from `PlanGenerationInputs`: who gets a plan
/// (`DevelopmentPlanner.needsPlan`), its topics (the latest diagnostic's deficits, the
/// competences at or below their thresholds, the deficits observed in lessons) and its items
/// (`DevelopmentPlanner.draft`, with the earlier plan's open items carried over once).
public enum PlanGenerator {
    /// The competences in the order their topics are added.
    static let competences: [Competence] = [.subject, .methodological, .psychological, .communicative]

    /// A plan's topics, first seen first, each once (case and spelling folded).
    public static func topics(
        diagnostic: PlanGenerationInputs.Diagnostic?, observed: [String],
        threshold: (String, Competence) -> Double?
    ) -> [String] {
        var topics: [String] = []
        var seen = Set<String>()
        func add(_ topic: String) { if seen.insert(CellValue.fold(topic)).inserted { topics.append(topic) } }
        if let d = diagnostic {
            d.deficits.forEach(add)
            for c in competences {
                if let v = d.scores[c], let t = threshold(d.instrument, c), v <= t {
                    add(DevelopmentPlanner.topic(for: c))
                }
            }
        }
        observed.forEach(add)
        return topics
    }

    /// A colleague's strength as a mentor or presenter: how far the subject and methodological
    /// scores stand above their thresholds, summed (0 when not diagnosed).
    public static func strength(
        _ diagnostic: PlanGenerationInputs.Diagnostic?, threshold: (String, Competence) -> Double?
    ) -> Double {
        guard let d = diagnostic else { return 0 }
        var strength = 0.0
        for c in [Competence.subject, .methodological] {
            if let v = d.scores[c], let t = threshold(d.instrument, c), t > 0 { strength += v / t - 1 }
        }
        return strength
    }

    /// The plans to write, in the teachers' order; a teacher who needs no plan is left out.
    public static func decide(_ inputs: PlanGenerationInputs) -> [PlanDecision] {
        let threshold = { (instrument: String, c: Competence) in inputs.threshold(instrument: instrument, c) }
        let colleagues = inputs.colleagues.map { c in
            PlanColleague(
                id: c.id, name: c.name, schoolID: c.schoolID, subjects: c.subjects, category: c.category,
                deficits: Set((c.diagnostic?.deficits ?? []).map(CellValue.fold)),
                strength: strength(c.diagnostic, threshold: threshold),
                diagnosed: c.diagnostic != nil)
        }
        let planner = DevelopmentPlanner(year: inputs.year, minimumHours: inputs.minimumHours, asOf: inputs.asOf)
        var courses = inputs.courses
        var decisions: [PlanDecision] = []
        for t in inputs.teachers {
            let topics = topics(diagnostic: t.diagnostic, observed: t.observed, threshold: threshold)
            let teacher = PlanTeacher(
                id: t.id, name: t.name, schoolID: t.schoolID, subjects: t.subjects, topics: topics,
                mentorID: t.mentorID,
                leading: t.leading, allStaffSchool: !t.schoolStatuses.isDisjoint(with: inputs.allStaffStatuses),
                dueForTraining: TrainingOrderPlanner.mustTrain(dueBy: t.dueBy, year: inputs.year))
            let earlier = t.earlier
            guard
                DevelopmentPlanner.needsPlan(
                    schoolStatuses: t.schoolStatuses, allStaffStatuses: inputs.allStaffStatuses,
                    hasDeficits: !topics.isEmpty, hasOpenItems: !(earlier?.items.isEmpty ?? true))
            else { continue }
            var drafts = planner.draft(
                for: teacher, courses: &courses, events: inputs.events, colleagues: colleagues,
                curatorSchools: inputs.curators[t.schoolID] ?? [])
            var carried: [Int64] = []
            // Open items of last year's plan move into this one, once.
            if let earlier, !earlier.items.isEmpty {
                drafts = planner.carryOver(
                    earlier.items.map(\.draft), from: earlier.label, into: drafts, teacher: teacher,
                    courses: &courses, events: inputs.events)
                carried = earlier.items.filter { !$0.carried }.map(\.id)
            }
            decisions.append(PlanDecision(teacherID: t.id, drafts: drafts, carriedItemIDs: carried))
        }
        return decisions
    }
}
