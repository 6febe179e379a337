extension PlanCourse {
    /// THE rule of what a plan or the training order may offer a teacher: a course is open when
    /// it has no dates (open enrolment) or a session that starts on or after `earliest` (the
    /// as-of date, or the start of the period if later) and ends by `deadline`; it has seats
    /// left; and it fits the teacher's subjects (`SchoolSubject.fits`). `nil` when open, else why not.
    ///
    /// A session with only an end must not have ended before `earliest`; with only a start, it
    /// must start by `deadline`.
    public func closure(for teacherSubjects: [String], earliest: LocalDate, deadline: LocalDate) -> CourseClosure? {
        if let closed = sessionClosure(earliest: earliest, deadline: deadline) { return closed }
        if let seats = seatsLeft, seats <= 0 { return .full }
        if !SchoolSubject.fits(courseSubjects: subjects, teacherSubjects: teacherSubjects) {
            return .otherSubject(subjects)
        }
        return nil
    }

    /// The part of `closure` that is the session's dates alone: nil when they allow the course.
    public func sessionClosure(earliest: LocalDate, deadline: LocalDate) -> CourseClosure? {
        switch (start, end) {
        case (let s?, let e?):
            if s < earliest { return .started(s) }
            if e > deadline { return .endsAfterDeadline(e) }
        case (let s?, nil):
            if s < earliest { return .started(s) }
            if s > deadline { return .endsAfterDeadline(s) }
        case (nil, let e?):
            if e < earliest { return .started(e) }
            if e > deadline { return .endsAfterDeadline(e) }
        case (nil, nil):
            break
        }
        return nil
    }

    public func isOpen(for teacherSubjects: [String], earliest: LocalDate, deadline: LocalDate) -> Bool {
        closure(for: teacherSubjects, earliest: earliest, deadline: deadline) == nil
    }

    /// Whether the course answers a need: its topics cover it, or the need is the subject
    /// competences and the course is one of a subject (offered only to that subject's teachers).
    public func answers(_ topic: String) -> Bool {
        covers(topic)
            || (!subjects.isEmpty && CellValue.fold(topic) == CellValue.fold(DevelopmentPlanner.topic(for: .subject)))
    }
}
