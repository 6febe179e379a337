/// How a file names a member of staff: by personnel number, or by name (with a school to
/// tell namesakes apart).
public enum StaffReference: Hashable, Sendable {
    case staffID(String)
    case name(String, schoolCode: String?)

    public var display: String {
        switch self {
        case .staffID(let id): id
        case .name(let name, let school): school.map { "\(name) (\($0))" } ?? name
        }
    }
}
