import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// Every pedagogical and leading worker's standing with the three-year rule on `date`; with
    /// `nonCompliant`, only those out of it.
    public func trainingStatus(asOf date: LocalDate, schoolCode: String? = nil, nonCompliant: Bool = false) async throws
        -> [TrainingStatusLine]
    {
        try database.trainingStatus(asOf: date, schoolCode: schoolCode, outOfComplianceBy: nonCompliant ? date : nil)
    }

    /// Who will be out of the rule by `until`, counted from `date`.
    public func trainingForecast(until: LocalDate, asOf date: LocalDate, schoolCode: String? = nil) async throws
        -> TrainingForecast
    {
        guard until >= date else {
            throw AppError("Дата --until (\(until.russian)) раньше даты отсчёта (\(date.russian)).")
        }
        let lines = try database.trainingStatus(asOf: date, schoolCode: schoolCode, outOfComplianceBy: until)
        let planned = try database.plannedTrainingEnds(until: until)
        // `lines` are those out of the rule by `until` (their due day, `dueBy`, passed or
        // unknown), already chosen by the store. By the date they fall out (never trained
        // first), then school and name, which `lines` already follow: a stable sort on the
        // day alone keeps that order and moves indexes, not records.
        let days = lines.map { $0.outOfComplianceFrom?.dayNumber ?? Int.min }
        let falling = lines.indices.sorted { (days[$0], $0) < (days[$1], $1) }.map { lines[$0] }
        return TrainingForecast(lines: falling, plannedEnds: planned)
    }

    /// The training order of `year` drawn up on `date`: the store reads the candidates and the
    /// catalogue, `TrainingOrderPlanner` places them.
    public func trainingOrder(year: Int, asOf date: LocalDate) async throws -> TrainingOrder {
        guard (2000...2100).contains(year) else { throw AppError("Год «\(year)» вне допустимых пределов.") }
        let range = LocalDate(year: year, month: 1, day: 1)!...LocalDate(year: year, month: 12, day: 31)!
        let inputs = try database.trainingOrderInputs(year: range, asOf: date)
        let assignments = TrainingOrderPlanner(year: range, minimumHours: inputs.rule.minimumHours, asOf: date)
            .assign(inputs.candidates, courses: inputs.courses)
        return TrainingOrder(
            year: year, assignments: assignments, municipality: try database.schools().compactMap(\.municipality).first)
    }

    /// Enrols a person on a catalogue course; returns the sentence saying so. `expectedVersion`:
    /// the `trainingVersion` a form was opened on (nil checks nothing).
    public func enrol(
        staff: String, course: String, start: LocalDate?, end: LocalDate?, asOf date: LocalDate,
        expectedVersion: Int64? = nil
    ) async throws -> String {
        try database.enrol(
            staff: staff, course: course, start: start, end: end, asOf: date, expectedVersion: expectedVersion)
    }

    /// Records a finished course and closes the plan items it answers.
    public func complete(
        staff: String, course: String, certificate: String, end: LocalDate, today: LocalDate,
        expectedVersion: Int64? = nil
    ) async throws -> (name: String, closedItems: Int) {
        try database.complete(
            staff: staff, course: course, certificate: certificate, end: end, today: today,
            expectedVersion: expectedVersion)
    }

    /// The version a person's training forms are opened on (`NastavnikDatabase.trainingVersion`).
    public func trainingVersion(staff: String) async throws -> Int64 { try database.trainingVersion(staff: staff).id }

    /// The catalogue's courses with a code, by title: what a person may be enrolled on.
    public func catalogueCourses() async throws -> [PlanCourse] { try database.catalogueCourses() }

    /// The rule in force, after storing new minimum hours when given (they must be above zero).
    public func trainingRule(settingMinimumHours minimumHours: Double? = nil) async throws -> TrainingRule {
        if let minimumHours {
            guard minimumHours > 0 else { throw AppError("Минимальный объём должен быть больше нуля.") }
            try database.setSetting(Settings.trainingMinimumHours, String(minimumHours))
        }
        return try database.trainingRule()
    }
}
