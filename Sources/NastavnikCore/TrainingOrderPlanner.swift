/// Someone the training order must send.
public struct OrderCandidate: Sendable, Equatable {
    public var id: Int64
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var schoolName: String
    public var subjects: [String]
    public var deficits: [String]
    /// Why: out of the 3-year rule by the end of the year, or a course in the development plan.
    public var reason: String
    /// The course the development plan names.
    public var plannedCourseID: Int64?

    public init(id: Int64, staffID: String?, fullName: String, schoolCode: String, schoolName: String, subjects: [String],
                deficits: [String], reason: String, plannedCourseID: Int64?) {
        self.id = id
        self.staffID = staffID
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.subjects = subjects
        self.deficits = deficits
        self.reason = reason
        self.plannedCourseID = plannedCourseID
    }
}

/// A line of the training order.
public struct OrderAssignment: Sendable, Equatable {
    public var candidate: OrderCandidate
    public var course: PlanCourse?
}

/// Places each person on a course: the plan's course where it has seats; else a catalogue course
/// of the year matching their deficits, then their subjects, then any course of enough hours —
/// state and municipal providers first, the fewest adequate hours, the most seats left. Seats are
/// never exceeded: who finds none is listed without a course.
public struct TrainingOrderPlanner: Sendable {
    public var year: ClosedRange<LocalDate>
    public var minimumHours: Double

    public init(year: ClosedRange<LocalDate>, minimumHours: Double) {
        self.year = year
        self.minimumHours = minimumHours
    }

    public func assign(_ candidates: [OrderCandidate], courses: [PlanCourse]) -> [OrderAssignment] {
        var courses = courses.filter { c in
            c.hours >= minimumHours && (c.start.map { $0 <= year.upperBound } ?? true) && (c.end.map { $0 >= year.lowerBound } ?? true)
        }
        func take(_ index: Int) -> PlanCourse {
            if let seats = courses[index].seatsLeft { courses[index].seatsLeft = seats - 1 }
            return courses[index]
        }
        func hasSeat(_ c: PlanCourse) -> Bool { c.seatsLeft.map { $0 > 0 } ?? true }
        func best(_ matching: (PlanCourse) -> Bool) -> Int? {
            courses.indices.filter { hasSeat(courses[$0]) && matching(courses[$0]) }.min { courses[$0].preference < courses[$1].preference }
        }
        // Those with a planned course first, so that their seats are kept for them.
        let ordered = candidates.sorted { ($0.plannedCourseID == nil ? 1 : 0, $0.schoolCode, $0.fullName) < ($1.plannedCourseID == nil ? 1 : 0, $1.schoolCode, $1.fullName) }
        return ordered.map { candidate in
            let folded = Set(candidate.subjects.map(CellValue.fold))
            let index = candidate.plannedCourseID.flatMap { id in courses.firstIndex { $0.id == id && hasSeat($0) } }
                ?? best { c in candidate.deficits.contains { c.covers($0) } }
                ?? best { c in c.subjects.contains { folded.contains(CellValue.fold($0)) } }
                ?? best { $0.subjects.isEmpty }
            return OrderAssignment(candidate: candidate, course: index.map(take))
        }
    }
}
