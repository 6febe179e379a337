/// The forms an item of a development plan takes.
public enum PlanItemKind: String, Codable, Sendable, CaseIterable {
    case course, seminar, mentoring, openLesson, selfStudy

    public var russian: String {
        switch self {
        case .course: "курсы повышения квалификации"
        case .seminar: "семинар, мастер-класс"
        case .mentoring: "наставничество"
        case .openLesson: "посещение открытых уроков"
        case .selfStudy: "самообразование"
        }
    }
}
