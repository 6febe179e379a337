import Foundation

/// The rules of personal data (152-ФЗ) that are not the database's: what a pseudonymized
/// report shows instead of a birth date, and the register of people erased with `staff forget`.
public enum PersonalData {
    /// A ten-year age band instead of a birth date, e.g. «30–39» (a pseudonymized report must
    /// not single a person out by their birth date, 152-ФЗ, ст. 3, п. 9).
    public static func ageBand(birth: LocalDate?, asOf date: LocalDate) -> String? {
        guard let birth else { return nil }
        let age = birth.wholeYears(until: date)
        guard age >= 0 else { return nil }
        let low = age / 10 * 10
        return "\(low)–\(low + 9)"
    }
}
