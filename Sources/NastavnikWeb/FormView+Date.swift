import NastavnikCore

extension FormView {
    /// The date typed in the field `field` (labelled `label`), or `nil` with a Russian error
    /// beside the field when it is not a date ДД.ММ.ГГГГ, or missing and `required`.
    mutating func date(_ text: String, field: String, label: String, required: Bool, today: LocalDate) -> LocalDate? {
        if text.isEmpty {
            if required { setError("Поле «\(label)»: укажите дату, ДД.ММ.ГГГГ.", on: field) }
            return nil
        }
        guard let date = LocalDate(parsing: text) else {
            setError("Поле «\(label)»: «\(text)» — не дата; укажите ДД.ММ.ГГГГ, например \(today.russian).", on: field)
            return nil
        }
        return date
    }
}
