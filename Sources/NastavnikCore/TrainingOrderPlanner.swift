/// Places each person on a course open to them (`PlanCourse.closure`: not started before the
/// as-of date or the year's start, ending by the year's end, seats left, their subject or none):
/// the plan's course where it still is; else a course of enough hours matching their deficits or
/// the plan's needs without a programme, then one of their subject, then a cross-subject one —
/// state and municipal providers first, the fewest adequate hours, the most seats left. Seats are
/// never exceeded: who finds none is listed without a course, and their needs grouped by topic.
public struct TrainingOrderPlanner: Sendable {
    public var year: ClosedRange<LocalDate>
    public var minimumHours: Double
    /// The date the order is made on: no course that has started by then is offered.
    public var asOf: LocalDate

    public init(year: ClosedRange<LocalDate>, minimumHours: Double, asOf: LocalDate? = nil) {
        self.year = year
        self.minimumHours = minimumHours
        self.asOf = asOf ?? year.lowerBound
    }

    /// The earliest start of a session the order may name.
    public var earliest: LocalDate { max(asOf, year.lowerBound) }

    /// Whether someone must be trained under the year's order: their 3-year term ends by the
    /// year's end, or nothing is known of it (`dueBy` nil).
    public static func mustTrain(dueBy: LocalDate?, year: ClosedRange<LocalDate>) -> Bool {
        dueBy.map { $0 <= year.upperBound } ?? true
    }

    public func assign(_ candidates: [OrderCandidate], courses: [PlanCourse]) -> [OrderAssignment] {
        var courses = courses.filter { $0.hours >= minimumHours }
        func take(_ index: Int) -> PlanCourse {
            if let seats = courses[index].seatsLeft { courses[index].seatsLeft = seats - 1 }
            return courses[index]
        }
        // Those with a planned course first, so that their seats are kept for them.
        let ordered = candidates.sorted {
            ($0.plannedCourseID == nil ? 1 : 0, $0.schoolCode, $0.fullName) < (
                $1.plannedCourseID == nil ? 1 : 0, $1.schoolCode, $1.fullName
            )
        }
        return ordered.map { candidate in
            func open(_ c: PlanCourse) -> Bool {
                c.isOpen(for: candidate.subjects, earliest: earliest, deadline: year.upperBound)
            }
            func best(_ matching: (PlanCourse) -> Bool) -> Int? {
                courses.indices.filter { open(courses[$0]) && matching(courses[$0]) }.min {
                    courses[$0].preference < courses[$1].preference
                }
            }
            let needs = candidate.unmetTopics + candidate.deficits
            // Someone sent for the plan alone goes on a course answering its needs, not on any course.
            let anyCourse = candidate.due
            let index =
                candidate.plannedCourseID.flatMap { id in courses.firstIndex { $0.id == id && open($0) } }
                ?? best { c in needs.contains { c.answers($0) } }
                ?? (anyCourse ? best { !$0.subjects.isEmpty } ?? best { $0.subjects.isEmpty } : nil)
            return OrderAssignment(candidate: candidate, course: index.map(take))
        }
    }

    /// The topic of the need of someone left without a course and without deficits.
    public static func subjectTopic(_ subject: String) -> String { "по предмету «\(SchoolSubject.canonical(subject))»" }
    public static let generalTopic = "общая программа повышения квалификации"

    /// The needs no course of the order answers, by topic: the plan's topics without a programme
    /// that the assigned course (if any) does not cover; and for those left without a course, their
    /// deficits too, or without any, their subjects, or without subjects, a general programme.
    /// Sorted by the number of people, then the topic.
    public static func needs(_ assignments: [OrderAssignment]) -> [TrainingNeed] {
        var byTopic: [String: (topic: String, people: [OrderCandidate])] = [:]
        for a in assignments {
            var topics = a.candidate.unmetTopics.filter { topic in !(a.course?.answers(topic) ?? false) }
            if a.course == nil {
                topics += a.candidate.deficits
                if topics.isEmpty { topics = a.candidate.subjects.map(subjectTopic) }
                if topics.isEmpty { topics = [generalTopic] }
            }
            var seen = Set<String>()
            for t in topics where seen.insert(CellValue.fold(t)).inserted {
                byTopic[CellValue.fold(t), default: (t, [])].people.append(a.candidate)
            }
        }
        return byTopic.values.map { TrainingNeed(topic: $0.topic, candidates: $0.people) }
            .sorted { ($1.candidates.count, $0.topic) < ($0.candidates.count, $1.topic) }
    }
}
