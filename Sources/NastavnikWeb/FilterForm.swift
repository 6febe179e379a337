/// A filter form over a list (GET, so the list's address can be bookmarked and shared).
struct FilterForm: Sendable {
    var action: String
    var fields: [Field]
    var submit = "Показать"

    /// One field of a filter form: a text box, a select, or a checkbox. (Stored flags: the
    /// templates read stored properties only.)
    struct Field: Sendable {
        let name: String
        let label: String
        let value: String
        let options: [Option]
        let checked: Bool
        /// Shown under the field (what may be typed).
        let hint: String?
        let id: String
        let text: Bool
        let select: Bool
        let checkbox: Bool
        /// A value the page could not take, shown beside the field (the page answers 422).
        var error: String?

        /// A text box.
        static func text(_ name: String, _ label: String, value: String?, hint: String? = nil) -> Field {
            Field(
                name: name, label: label, value: value ?? "", options: [], checkbox: false, checked: false, hint: hint)
        }

        /// A select of `choices` (value, label); the first is usually «все».
        static func select(_ name: String, _ label: String, value: String?, choices: [(String, String)]) -> Field {
            Field(
                name: name, label: label, value: value ?? "",
                options: choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == (value ?? "")) },
                checkbox: false, checked: false, hint: nil)
        }

        /// A checkbox, sent as `1` when ticked.
        static func checkbox(_ name: String, _ label: String, checked: Bool) -> Field {
            Field(name: name, label: label, value: "1", options: [], checkbox: true, checked: checked, hint: nil)
        }

        private init(
            name: String, label: String, value: String, options: [Option], checkbox: Bool, checked: Bool,
            hint: String?
        ) {
            self.name = name
            self.label = label
            self.value = value
            self.options = options
            self.checked = checked
            self.hint = hint
            self.id = "f-" + name
            self.checkbox = checkbox
            self.select = !options.isEmpty
            self.text = options.isEmpty && !checkbox
        }
    }

    /// One option of a select.
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }
}
