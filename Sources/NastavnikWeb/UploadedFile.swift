import Foundation

/// A file a form sent, as it was written to disk while it arrived (`MultipartReader`).
struct UploadedFile: Sendable, Equatable {
    /// The form's field that carried it.
    var field: String
    /// The file's name on the user's computer, without its folders (as a browser sends it).
    var fileName: String
    /// The type the browser named (a hint only: a file's content says what it is).
    var contentType: String?
    /// Where it was written.
    var url: URL
    /// Its size in bytes.
    var size: Int
}
