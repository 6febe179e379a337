/// The header row resolved against a kind's columns.
struct ColumnMap {
    let slots: [String: FieldSlot]
    /// The number of fields up to the last non-empty header.
    let width: Int

    subscript(key: String) -> FieldSlot { slots[key] ?? .absent }
    func has(_ key: String) -> Bool { slots[key] != nil }
}
