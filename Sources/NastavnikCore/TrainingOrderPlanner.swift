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

    /// Who goes on which course, in the order of `TrainingOrderPlanner`'s rules: for each person the
    /// most preferred open course of the first kind that has one. The courses open to someone are
    /// kept in heaps by topic and by subjects, so that a region's 22,000 candidates and 2,000
    /// catalogue courses take milliseconds, not a scan of the catalogue per person.
    public func assign(_ candidates: [OrderCandidate], courses: [PlanCourse]) -> [OrderAssignment] {
        // A course that started before `earliest` or ends after the year never opens again, and seats
        // only go down: the dates are judged once; subjects and seats per person.
        var courses = courses.filter {
            $0.hours >= minimumHours && $0.sessionClosure(earliest: earliest, deadline: year.upperBound) == nil
        }
        var index = CourseIndex(courses)
        // Those with a planned course first, so that their seats are kept for them.
        let ordered = candidates.sorted {
            ($0.plannedCourseID == nil ? 1 : 0, $0.schoolCode, $0.fullName) < (
                $1.plannedCourseID == nil ? 1 : 0, $1.schoolCode, $1.fullName
            )
        }
        let subjectTopic = CellValue.fold(DevelopmentPlanner.topic(for: .subject))
        var fitsBySubjects: [[String]: [Bool]] = [:]
        return ordered.map { candidate in
            let fits =
                fitsBySubjects[candidate.subjects]
                ?? {
                    let fits = index.signatures.map {
                        SchoolSubject.fits(courseSubjects: $0, teacherSubjects: candidate.subjects)
                    }
                    fitsBySubjects[candidate.subjects] = fits
                    return fits
                }()
            func open(_ i: Int) -> Bool {
                (courses[i].seatsLeft.map { $0 > 0 } ?? true) && fits[index.signature(of: i)]
            }
            let needs = Set((candidate.unmetTopics + candidate.deficits).map(CellValue.fold))
            // A need answered by a course's topic, or the subject competences by any course of a subject.
            var answering = needs.compactMap { index.byTopic[$0] }
            if needs.contains(subjectTopic) { answering.append(index.ofSubject) }
            // Someone sent for the plan alone goes on a course answering its needs, not on any course.
            let chosen =
                candidate.plannedCourseID.flatMap { id in index.byID[id]?.first(where: open) }
                ?? index.best(among: answering, courses: courses, fits: fits)
                ?? (candidate.due
                    ? index.best(among: [index.ofSubject], courses: courses, fits: fits)
                        ?? index.best(among: [index.crossSubject], courses: courses, fits: fits) : nil)
            guard let chosen else { return OrderAssignment(candidate: candidate, course: nil) }
            if let seats = courses[chosen].seatsLeft {
                courses[chosen].seatsLeft = seats - 1
                index.reprice(chosen, courses: courses)
            }
            return OrderAssignment(candidate: candidate, course: courses[chosen])
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
