/// How a numeric cell is shown, as far as reading its value needs: a date is stored as a
/// serial and means the date, a percentage as a fraction and means the per cent.
enum CellFormat: Equatable, Sendable {
    case general
    case date
    case dateTime
    case time
    case percent
    case text

    /// The format of built-in number format `id` (ECMA-376 part 1, §18.8.30; 27–36 and 50–58
    /// are the East Asian locales' dates).
    static func builtIn(_ id: Int) -> CellFormat {
        switch id {
        case 9, 10: .percent
        case 14...17, 27...36, 50...58: .date
        case 22: .dateTime
        case 18...21, 45...47: .time
        case 49: .text
        default: .general
        }
    }

    /// The format a custom format code describes: `DD.MM.YYYY` (LibreOffice), `dd/mm/yyyy`,
    /// `[$-419]d mmmm yyyy`, `0.0%`. Only the first section (for positive numbers) counts; quoted
    /// text, escaped characters and bracketed locales and colours are not format letters.
    static func custom(_ code: String) -> CellFormat {
        var letters: [Character] = []
        var quoted = false
        var bracketed = false
        var escaped = false
        var elapsed = false
        var bracket = ""
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            if quoted {
                if character == "\"" { quoted = false }
                continue
            }
            if bracketed {
                if character == "]" {
                    bracketed = false
                    // [h], [mm], [ss]: elapsed time.
                    if bracket.allSatisfy({ "hms".contains($0) }) && !bracket.isEmpty { elapsed = true }
                    bracket = ""
                } else {
                    bracket.append(Character(character.lowercased()))
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[": bracketed = true
            case ";": break
            default: letters.append(Character(character.lowercased()))
            }
            if character == ";" { break }
        }
        if elapsed { return .time }
        if letters == ["@"] { return .text }
        let hasDate = letters.contains("y") || letters.contains("d")
        let hasTime = letters.contains("h") || letters.contains("s")
        if hasDate { return hasTime ? .dateTime : .date }
        if hasTime { return .time }
        if letters.contains("m") { return .date }
        if letters.contains("%") { return .percent }
        return .general
    }
}
