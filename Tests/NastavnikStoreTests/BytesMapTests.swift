import Foundation
import Testing

@testable import NastavnikStore

@Suite struct BytesMapTests {
    /// The map against a `Dictionary` of the same keys, through growth from its smallest size:
    /// keys of every length (empty, shorter and longer than a word), inserts, repeats and updates.
    @Test func agreesWithADictionary() {
        let map = BytesMap()
        // The model's keys as the map holds them: UTF-8 in composed form, other bytes as they are.
        var model: [[UInt8]: BytesMap.Entry] = [:]
        func form(_ key: [UInt8]) -> [UInt8] {
            String(validating: key, as: UTF8.self).map { Array($0.precomposedStringWithCanonicalMapping.utf8) } ?? key
        }
        var state: UInt64 = 12345
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for step in 0..<20_000 {
            // Few distinct keys at first, so that repeats are common.
            let length = random(20)
            let bytes = (0..<length).map { _ in UInt8(random(step < 5000 ? 3 : 256)) }
            let key = form(bytes)
            let entry = BytesMap.Entry(id: Int64(step), line: Int32(random(1000)))
            bytes.withUnsafeBufferPointer { bytes in
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

    /// Keys equal as text are one key: «й» as one code point, and «и» with a combining breve,
    /// whichever is stored first and whichever form is looked up, as bytes or as a string.
    @Test func keysEqualAsTextAreOneKey() {
        let map = BytesMap(capacity: 4)
        map.set("и\u{0306}1", BytesMap.Entry(id: 1, line: 0))
        #expect(map["й1"]?.id == 1)
        #expect(Array("й1".utf8).withUnsafeBufferPointer { map[$0] }?.id == 1)
        map.set("й1", BytesMap.Entry(id: 2, line: 0))
        #expect(map.count == 1)
        #expect(map["и\u{0306}1"]?.id == 2)
        // Bytes that are not UTF-8 are keys as they are.
        [UInt8]([0xFF, 0xFE]).withUnsafeBufferPointer { map.set($0, BytesMap.Entry(id: 3, line: 0)) }
        #expect([UInt8]([0xFF, 0xFE]).withUnsafeBufferPointer { map[$0] }?.id == 3)
        #expect([UInt8]([0xFF, 0xFD]).withUnsafeBufferPointer { map[$0] } == nil)
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
