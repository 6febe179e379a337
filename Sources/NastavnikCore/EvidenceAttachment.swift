/// An evidence file to attach to a roadmap mark, as the user gave it: its name and its bytes
/// (checked by `EvidenceFileRule` before anything is stored).
public struct EvidenceAttachment: Sendable, Equatable {
    /// The name on the user's computer, without its folders.
    public var fileName: String
    public var bytes: [UInt8]

    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }
}
