import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// Records a visited lesson of teacher `staff` (by staff ID); returns whether it was added
    /// (false: the same lesson's record was updated). An unknown teacher is refused.
    public func recordObservation(_ entry: ObservationEntry, staff: String) async throws -> Bool {
        let outcome: Result<Bool, AppError> = try database.importTransaction(dryRun: false) { session in
            switch try session.resolve(.staffID(staff)) {
            case .success(let id): return (true, .success(try session.upsertObservation(entry, staffID: id) == .added))
            case .failure(let error): return (false, .failure(AppError(error.message)))
            }
        }
        return try outcome.get()
    }

    /// Why an observed lesson cannot be dated `date` (a lesson not yet given), or nil.
    public static func observationDateProblem(_ date: LocalDate, today: LocalDate) -> String? {
        date > today ? "Дата урока \(date.russian) ещё не наступила." : nil
    }

    /// The visited lessons (of one teacher, or of one school's, or all).
    public func observations(staff: String?, schoolCode: String?) async throws
        -> [(date: LocalDate, staffID: String?, fullName: String, schoolCode: String, entry: ObservationEntry)]
    {
        try database.observations(staff: staff, schoolCode: schoolCode)
    }
}
