import NastavnikCore

extension FormView {
    /// The date typed in field `name` (labelled `label`) as ДД.ММ.ГГГГ; when it is not one, the
    /// field's error says so (`missing` when it is empty) with `example` as a date to copy.
    mutating func date(_ text: String, field name: String, label: String, missing: String, example: LocalDate)
        -> LocalDate?
    {
        if let date = LocalDate(parsing: text) { return date }
        setError(
            text.isEmpty
                ? "Поле «\(label)»: \(missing)"
                : "Поле «\(label)»: «\(text)» — не дата; укажите ДД.ММ.ГГГГ, например \(example.russian).",
            on: name)
        return nil
    }
}
