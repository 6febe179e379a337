import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

extension CSVRenderer.Encoding: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "cp1251", "windows-1251", "1251": self = .cp1251
        default: return nil
        }
    }
}

/// `--years 2022-2024` (or one year) as a range of years.
func yearRange(_ text: String?) throws -> ClosedRange<Int>? {
    guard let text else { return nil }
    guard let period = PeriodText.parse(text) else {
        throw UserError("Годы «\(text)» не распознаны: укажите, например, 2022-2024.")
    }
    return period.start.year...period.end.year
}

extension Result where Failure == StoreError {
    /// The value, or the store's Russian message as the user's error.
    func orUserError() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw UserError(error.errorDescription ?? "\(error)")
        }
    }
}
