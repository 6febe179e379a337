/// A form that changes something (POST, with the session's CSRF token): its fields with the
/// values the user gave and, after a refusal, each error beside its field.
struct FormView: Sendable {
    var action: String
    /// The form's heading (its `legend`).
    var title: String
    var fields: [Field]
    /// Hidden fields (the CSRF token first, the record's version), as name and value.
    var hidden: [(name: String, value: String)]
    var submit: String
    /// A refusal that concerns the whole form (the record changed since it was opened).
    var problem: String?

    /// How a field is typed.
    enum Kind: Sendable, Equatable {
        case text
        /// A date typed ДД.ММ.ГГГГ (a text box: a browser's date picker would send ГГГГ-ММ-ДД
        /// and show the date in its own locale).
        case date
        case textarea
        /// A select of (value, label).
        case select([Option])
        /// A file to send, of the types `accept` names (`.csv,.xlsx`); the form is then sent as
        /// `multipart/form-data` and read by `MultipartReader`.
        case file(accept: String)
        /// A new password: never shown back (a refused form asks for it again).
        case password
        /// A box ticked or not: sends `1` when ticked; `value` «1» shows it ticked.
        case checkbox
    }

    /// One option of a select.
    struct Option: Sendable, Equatable {
        var value: String
        var label: String
    }

    /// One field: its kind, label, value as typed, a hint and the error beside it.
    struct Field: Sendable {
        var name: String
        var label: String
        var kind: Kind
        var value: String
        var hint: String?
        var error: String?
        var required = false

        var id: String { "f-" + name }
        var errorID: String { id + "-error" }
        var hintID: String { id + "-hint" }
    }

    /// The field named `name`'s error set to `message`.
    mutating func setError(_ message: String, on name: String) {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].error = message
        } else {
            problem = message
        }
    }

    /// Whether the form sends a file (and so is `multipart/form-data`).
    var sendsFile: Bool {
        fields.contains {
            if case .file = $0.kind { return true }
            return false
        }
    }

    /// Whether any field or the form has an error.
    var hasErrors: Bool { problem != nil || fields.contains { $0.error != nil } }
}
