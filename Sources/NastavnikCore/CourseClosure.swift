/// Why a course cannot be offered to a teacher.
public enum CourseClosure: Equatable, Sendable {
    /// Its session starts (or, without a start, ends) before the earliest date: already under way or over.
    case started(LocalDate)
    /// Its session ends after the deadline of the plan or the order.
    case endsAfterDeadline(LocalDate)
    /// No seats left.
    case full
    /// Its subjects are none of the teacher's.
    case otherSubject([String])

    public var russian: String {
        switch self {
        case .started(let d): "занятия начались или прошли (\(d.russian))"
        case .endsAfterDeadline(let d): "заканчивается после срока (\(d.russian))"
        case .full: "мест нет"
        case .otherSubject(let s): "программа по другому предмету (\(s.joined(separator: ", ")))"
        }
    }
}
