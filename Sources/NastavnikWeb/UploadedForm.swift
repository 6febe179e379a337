/// A `multipart/form-data` form as read by `MultipartReader`: its text fields and its files.
struct UploadedForm: Sendable {
    /// Text fields, field → value (the first value of a field wins, as in `FormBody`).
    var fields: [String: String]
    /// Files by their field's name (a field sent with no file chosen is left out).
    var files: [String: UploadedFile]

    subscript(name: String) -> String? { fields[name] }

    /// The form's text fields as a `FormBody`, for the code that validates plain forms.
    var body: FormBody { FormBody(fields: fields) }
}
