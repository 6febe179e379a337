/// The kinds of file a roadmap mark's evidence may be (issue 20: «PDF, DOCX, XLSX, JPG или PNG»),
/// each known by its content (`EvidenceFileRule.kind(of:)`), never by the name or the type a
/// browser gives.
public enum EvidenceFileKind: String, Sendable, CaseIterable, Equatable {
    case pdf, docx, xlsx, jpeg, png

    /// The content type it is stored and served with.
    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// The name a user knows it by.
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx: "DOCX"
        case .xlsx: "XLSX"
        case .jpeg: "JPG"
        case .png: "PNG"
        }
    }

    /// The extensions a file input offers (`accept`).
    public static let accept = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
}
