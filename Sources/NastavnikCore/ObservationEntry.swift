/// A lesson observed by a deputy head, a curator or a methodologist.
public struct ObservationEntry: Hashable, Sendable {
    public var date: LocalDate
    public var observer: String
    public var observerRole: String?
    public var className: String?
    public var subject: String?
    public var focus: String?
    /// Criteria and their scores, in the order written.
    public var scores: [String: Double]
    public var deficits: [String]
    public var note: String?

    public init(
        date: LocalDate, observer: String, observerRole: String? = nil, className: String? = nil,
        subject: String? = nil,
        focus: String? = nil, scores: [String: Double] = [:], deficits: [String] = [], note: String? = nil
    ) {
        self.date = date
        self.observer = observer
        self.observerRole = observerRole
        self.className = className
        self.subject = subject
        self.focus = focus
        self.scores = scores
        self.deficits = deficits
        self.note = note
    }

    /// Reads «критерий: балл» or «критерий = балл» items; returns the bad items.
    public static func scores(_ items: [String]) -> (scores: [String: Double], bad: [String]) {
        var scores: [String: Double] = [:]
        var bad: [String] = []
        for item in items {
            let parts = item.split(whereSeparator: { $0 == ":" || $0 == "=" }).map { CellValue.trimmed(String($0)) }
            if parts.count == 2, !parts[0].isEmpty, let v = CellValue.number(parts[1]) {
                scores[parts[0]] = v
            } else {
                bad.append(item)
            }
        }
        return (scores, bad)
    }
}
