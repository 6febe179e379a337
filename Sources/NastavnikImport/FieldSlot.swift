/// A column of the file as found in its header: the key it maps to and the header as written.
struct FieldSlot: Sendable {
    /// Every field index whose header maps to the key (a file may repeat a column, or name a
    /// course by both its code and its title).
    let indices: [Int]
    /// The headers as written, one per index.
    let headers: [String]
    var header: String { headers.first ?? "" }
    var isPresent: Bool { !indices.isEmpty }
    static let absent = FieldSlot(indices: [], headers: [])
}
