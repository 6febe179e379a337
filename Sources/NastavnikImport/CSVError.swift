/// Errors that stop reading a file altogether.
public enum CSVError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case utf16(path: String)
    case unterminatedQuote(line: Int)
}
