import Testing
@testable import NastavnikCore

@Suite struct EncodingTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// RFC 4231, test cases 1, 2 and 6 (a key longer than the block is hashed first).
    @Test func hmacSHA256KnownVectors() {
        #expect(SHA256.hmac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(SHA256.hmac(key: [UInt8](repeating: 0xaa, count: 131),
                            message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// FIPS 180-4's long vector (a million «a») on both block functions, and random inputs of
    /// every length around the block size, fed in random pieces: the processor's SHA
    /// instructions and the portable code agree. (Where the processor has none, both hashers
    /// run the portable code.)
    @Test func sha256ProcessorInstructionsAgreeWithPortableCode() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for portableOnly in [false, true] {
            var hasher = SHA256(portableOnly: portableOnly)
            hasher.update(million)
            #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        }
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [1023, 1024, 4097, 65_536 + 7] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var fast = SHA256()
            var portable = SHA256(portableOnly: true)
            var rest = bytes[...]
            while !rest.isEmpty {
                let piece = rest.prefix(Int.random(in: 1...300, using: &generator))
                fast.update(piece)
                // A collection without contiguous storage, which the hasher copies first.
                portable.update(piece.lazy.map { $0 })
                rest = rest.dropFirst(piece.count)
            }
            #expect(fast.hexDigest() == portable.hexDigest(), "length \(length)")
        }
    }

    @Test func sha256IsTheSameHowEverTheInputIsCut() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = SHA256.hex(of: bytes)
        for cut in [1, 63, 64, 65, 127, 500] {
            var hasher = SHA256()
            var rest = bytes[...]
            while !rest.isEmpty {
                hasher.update(rest.prefix(cut))
                rest = rest.dropFirst(cut)
            }
            #expect(hasher.hexDigest() == whole)
        }
    }

    @Test func windows1251RoundTripsTheRussianAlphabet() {
        let text = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя №«»—–"
        var lossy = false
        let bytes = Windows1251.encode(text, lossy: &lossy)
        #expect(!lossy)
        #expect(bytes.count == text.count)
        #expect(bytes[0] == 0xC0)
        #expect(Windows1251.decode(bytes) == text)
    }

    @Test func windows1251MarksWhatItCannotEncode() {
        var lossy = false
        #expect(Windows1251.encode("Ⓐ€", lossy: &lossy) == [UInt8(ascii: "?"), 0x88])
        #expect(lossy)
    }

    @Test func delimitedTextQuotesOnlyWhatNeedsIt() {
        #expect(DelimitedText.record(["a", "b;c", "d\"e", "f\ng", "h,i"], delimiter: ";")
            == "a;\"b;c\";\"d\"\"e\";\"f\ng\";h,i\r\n")
    }
}

extension EncodingTests {
    /// Every byte decodes to the same UTF-8 whether through a `String` or straight to bytes.
    @Test func windows1251ToUTF8BytesMatchesDecoding() {
        let all = (0...255).map { UInt8($0) }
        var out: [UInt8] = [0x41]
        all.withUnsafeBufferPointer { Windows1251.appendUTF8($0, to: &out) }
        #expect(out == [0x41] + Array(Windows1251.decode(all).utf8))
    }
}
