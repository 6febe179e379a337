/// Attestation rules: attestation for fitness for the post every 5 years; a category granted
/// before 01.09.2023 keeps its 5-year term, one granted on or after it has none (the order of
/// the Ministry of Education of 24.03.2023 № 196).
public enum Attestation {
    public static let indefiniteFrom = LocalDate(year: 2023, month: 9, day: 1)!

    public enum Due: Sendable, Equatable {
        /// Attestation for fitness for the post is due on the date (nil: no date on record).
        case fitnessForPost(LocalDate?)
        /// The category's term ends on the date.
        case categoryExpires(LocalDate)
    }

    /// What is due for a person with this category granted on this date; `nil` when nothing is.
    public static func due(category: QualificationCategory?, since date: LocalDate?) -> Due? {
        switch category {
        case .highest?, .first?:
            guard let date else { return nil }
            return date < indefiniteFrom ? .categoryExpires(date.adding(years: 5)) : nil
        case .fitsPost?:
            return .fitnessForPost(date.map { $0.adding(years: 5) })
        case .none?, nil:
            return .fitnessForPost(date.map { $0.adding(years: 5) })
        }
    }
}
