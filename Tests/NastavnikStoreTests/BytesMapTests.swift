import Testing
@testable import NastavnikStore

@Suite struct BytesMapTests {
    /// The map against a `Dictionary` of the same keys, through growth from its smallest size:
    /// keys of every length (empty, shorter and longer than a word), inserts, repeats and updates.
    @Test func agreesWithADictionary() {
        let map = BytesMap()
        var model: [[UInt8]: BytesMap.Entry] = [:]
        var state: UInt64 = 12345
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for step in 0..<20_000 {
            // Few distinct keys at first, so that repeats are common.
            let length = random(20)
            let key = (0..<length).map { _ in UInt8(random(step < 5000 ? 3 : 256)) }
            let entry = BytesMap.Entry(id: Int64(step), line: Int32(random(1000)))
            key.withUnsafeBufferPointer { bytes in
                switch random(3) {
                case 0:
                    let before = model[key]
                    #expect(map.insertIfAbsent(bytes, entry) == before)
                    if before == nil { model[key] = entry }
                case 1:
                    map.set(bytes, entry)
                    model[key] = entry
                default:
                    #expect(map[bytes] == model[key])
                }
            }
        }
        #expect(map.count == model.count)
        for (key, entry) in model {
            #expect(key.withUnsafeBufferPointer { map[$0] } == entry)
        }
        #expect(map["no such key, longer than a word"] == nil)
    }

    /// Keys are their bytes: the two spellings of «й» (one code point, or и with a combining
    /// breve) are equal `String`s but two keys, as they are two values in a unique index.
    @Test func keysAreBytes() {
        let map = BytesMap(capacity: 4)
        map.set("й", BytesMap.Entry(id: 1, line: 0))
        #expect("й" == "и\u{0306}")
        #expect(map["и\u{0306}"] == nil)
        #expect(map["й"]?.id == 1)
    }

    /// Reserving room keeps every key.
    @Test func reservingKeepsTheKeys() {
        let map = BytesMap()
        for n in 0..<100 { map.set("key\(n)", BytesMap.Entry(id: Int64(n), line: 1)) }
        map.reserveCapacity(100_000)
        #expect((0..<100).allSatisfy { map["key\($0)"]?.id == Int64($0) })
        #expect(map.count == 100)
    }
}
