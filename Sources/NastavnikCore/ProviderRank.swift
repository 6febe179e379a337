/// Who provides a course: state and municipal providers come first in a plan.
public enum ProviderRank: Int, Comparable, Sendable {
    case state = 0
    case municipal = 1
    case other = 2

    public static func < (a: ProviderRank, b: ProviderRank) -> Bool { a.rawValue < b.rawValue }

    /// Reads the provider's name as Russian organisations write it.
    public init(provider: String) {
        let p = CellValue.fold(provider)
        let stateMarks = [
            "гау", "гбу", "гаоу", "гбоу", "фгаоу", "фгбоу", "фгбу", "огау", "огбу", "государств",
            "академия минпросвещения",
            "институт развития образования", "иро", "цнппм", "министерств", "краев", "област", "республик",
        ]
        let municipalMarks = [
            "мку", "мбу", "мау", "мбоу", "маоу", "имк", "гимц", "муниципальн", "методический центр",
            "управление образования",
        ]
        let words = Set(p.split(whereSeparator: { !$0.isLetter }).map(String.init))
        func has(_ mark: String) -> Bool { mark.count <= 5 ? words.contains(mark) : p.contains(mark) }
        if stateMarks.contains(where: has) {
            self = .state
        } else if municipalMarks.contains(where: has) {
            self = .municipal
        } else {
            self = .other
        }
    }
}
