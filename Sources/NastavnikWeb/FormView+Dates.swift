import NastavnikCore

extension FormView {
    /// The date typed in field `name` (ДД.ММ.ГГГГ), or nil with the error beside it: `missing`
    /// when nothing is typed, else that the text is no date, with `today` as the example.
    mutating func date(_ text: String, field name: String, label: String, missing: String, today: LocalDate)
        -> LocalDate?
    {
        if let date = LocalDate(parsing: text) { return date }
        setError(
            text.isEmpty
                ? "Поле «\(label)»: \(missing)"
                : "Поле «\(label)»: «\(text)» — не дата; укажите ДД.ММ.ГГГГ, например \(today.russian).",
            on: name)
        return nil
    }
}
