/// Russian number agreement: 1 ошибка, 2 ошибки, 5 ошибок, 21 ошибка, 11 ошибок.
public enum RussianPlural {
    /// The form for `n`: `one` for 1, 21, 31…; `few` for 2–4, 22–24…; `many` otherwise
    /// (0, 5–20, 25–30…, and 11–14 always).
    public static func form(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let last = abs(n) % 10
        let lastTwo = abs(n) % 100
        if (11...14).contains(lastTwo) { return many }
        switch last {
        case 1: return one
        case 2...4: return few
        default: return many
        }
    }

    /// The number and its agreeing word: `count(3, "ошибка", "ошибки", "ошибок")` is «3 ошибки».
    public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) \(form(n, one, few, many))"
    }
}
