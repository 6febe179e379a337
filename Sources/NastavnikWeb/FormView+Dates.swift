import NastavnikCore

extension FormView {
    /// The error of a required date left empty, unless the form words its own.
    static let missingDate = "укажите дату, ДД.ММ.ГГГГ."

    /// The date typed in field `name` (labelled `label`) as ДД.ММ.ГГГГ, or nil with the error
    /// beside the field: `missing` when nothing is typed (nil: the date may be left out), else
    /// that the text is no date, with `today` as an example to copy.
    mutating func date(_ text: String, field name: String, label: String, missing: String?, today: LocalDate)
        -> LocalDate?
    {
        if text.isEmpty {
            if let missing { setError("Поле «\(label)»: \(missing)", on: name) }
            return nil
        }
        guard let date = LocalDate(parsing: text) else {
            setError("Поле «\(label)»: «\(text)» — не дата; укажите ДД.ММ.ГГГГ, например \(today.russian).", on: name)
            return nil
        }
        return date
    }
}
