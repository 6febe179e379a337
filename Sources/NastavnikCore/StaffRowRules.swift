/// The checks and derivations of one row of a staff file. The import reads a row in two ways
/// (its cells as strings, or straight from the file's bytes when every cell is plain) and both
/// call these, so a row cannot pass one way and fail the other.
public enum StaffRowRules {
    /// The years of «Педстаж» a row may give.
    public static let experienceYears: ClosedRange<Double> = 0...80

    /// The age before which no one starts pedagogical work.
    public static let earliestTeachingAge = 14

    /// What is wrong with a start of pedagogical work `since` for a person born on `birth`, in
    /// Russian, or `nil`.
    public static func teachingStartProblem(since: LocalDate, birth: LocalDate) -> String? {
        guard since < birth.adding(years: earliestTeachingAge) else { return nil }
        return "начало педагогической деятельности раньше \(earliestTeachingAge) лет от рождения (\(since.russian))"
    }

    /// What is wrong with the date of appointment to the post on the file's date, or `nil`.
    public static func postSinceProblem(_ postSince: LocalDate, asOf date: LocalDate) -> String? {
        postSince > date ? "дата назначения на должность в будущем (\(postSince.russian))" : nil
    }

    /// The start of pedagogical work a row gives: its date, else the years of «Педстаж» as of
    /// the file's date. A staff file carries no date of its own (see the import contract); the
    /// import's `--as-of` stands for it, by default the day of the import.
    public static func teachingStart(since: LocalDate?, experienceYears: Double?, asOf date: LocalDate) -> LocalDate? {
        if let since { return since }
        return experienceYears.map { StaffMember.teachingStart(experienceYears: $0, asOf: date) }
    }

    /// A person's subjects as stored: joined with «; ».
    public static func subjectsText(_ subjects: [String]) -> String {
        // Most people teach one subject: no new string for them.
        subjects.count == 1 ? subjects[0] : subjects.joined(separator: "; ")
    }
}
