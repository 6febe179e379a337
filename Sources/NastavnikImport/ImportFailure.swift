import Foundation

/// An error that stops an import before any row is read.
public struct ImportFailure: Error, LocalizedError {
    public let summary: ImportSummary
    public var errorDescription: String? {
        summary.errors.map { $0.formatted(file: summary.file) }.joined(separator: "\n")
    }
}
