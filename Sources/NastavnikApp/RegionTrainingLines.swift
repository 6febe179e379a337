import NastavnikRegion
import NastavnikStore

/// The trainings' lines of a region's snapshot, made from SQLite's bytes (100,000 rows of a
/// full-size municipality). A training is keyed by its person's key, its course and its start
/// (else its end); one whose key was met before is numbered «#2», «#3»… (and further, should the
/// numbered key be met too), so that every key is unique.
struct RegionTrainingLines {
    var writer: RegionTableWriter
    private var seen = RegionKeyCounts()
    private var person: [UInt8] = []
    private var key: [UInt8] = []

    init(writer: RegionTableWriter) { self.writer = writer }

    /// Writes a training; `personKey` is the key of a person without a personnel number.
    mutating func write(_ row: RegionTrainingRow, personKey: (String) -> String) throws {
        person.removeAll(keepingCapacity: true)
        let known = row.withText(0) { value -> Bool in
            guard let value else { return false }
            // «id:» and the personnel number is the key as it is.
            if value.count >= 3, value[0] == 0x69, value[1] == 0x64, value[2] == 0x3A {
                person.append(contentsOf: value)
            } else {
                person.append(contentsOf: personKey(String(decoding: value, as: UTF8.self)).utf8)
            }
            return true
        }
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: person)
        key.append(0x7C)
        row.withText(1) { if let course = $0 { key.append(contentsOf: course) } }
        key.append(0x7C)
        row.withText(3) { start in
            if let start {
                key.append(contentsOf: start)
            } else {
                row.withText(4) { if let end = $0 { key.append(contentsOf: end) } }
            }
        }
        var n = seen.add(key)
        if n > 1 {
            let base = key
            repeat {
                key = base
                key.append(contentsOf: "#\(n)".utf8)
                n += 1
            } while seen.add(key) > 1
        }
        key.withUnsafeBytes { writer.field($0) }
        if known { person.withUnsafeBytes { writer.field($0) } } else { writer.field(nil as String?) }
        for column: Int32 in 1...5 { row.withText(column) { writer.field($0) } }
        try writer.endRow()
    }
}
