import Testing

@testable import NastavnikCore

@Suite struct EncodingTests {
    /// FIPS 180-4's vectors, the long one (a million «a») included: `HexDigest` gives swift-crypto's
    /// digest as the lower-case hex the import log has always stored.
    @Test func sha256KnownVectors() {
        #expect(HexDigest.sha256(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            HexDigest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            HexDigest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            HexDigest.sha256([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// RFC 4231, test cases 1, 2 and 6 (a key longer than the block is hashed first): the
    /// pseudonyms stay what the hand-written HMAC made them.
    @Test func hmacSHA256KnownVectors() {
        #expect(
            HexDigest.hmacSHA256(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(
            HexDigest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(
            HexDigest.hmacSHA256(
                key: [UInt8](repeating: 0xaa, count: 131),
                message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The keyed states give swift-crypto's HMAC for keys shorter than, as long as and longer
    /// than SHA-256's block.
    @Test(arguments: [0, 1, 32, 63, 64, 65, 130])
    func aKeyedHMACIsTheHMACOfEveryKeyLength(length: Int) {
        let key = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for message in ["", "id:P0000001", String(repeating: "Ёж ", count: 50)] {
            #expect(
                HexDigest.KeyedHMAC(key: key).hex(message)
                    == HexDigest.hmacSHA256(key: key, message: Array(message.utf8)))
        }
    }

    /// One key's state reused for many messages gives each message's own HMAC, whatever came before.
    @Test func aKeyedHMACGivesEachMessageItsOwnCode() {
        let jefe = HexDigest.KeyedHMAC(key: Array("Jefe".utf8))
        #expect(
            jefe.hex("what do ya want for nothing?")
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let long = HexDigest.KeyedHMAC(key: [UInt8](repeating: 0xaa, count: 131))
        for message in ["", "Test Using Larger Than Block-Size Key - Hash Key First", "snils:11223344595", "Школа № 1"]
        {
            #expect(
                long.hex(message)
                    == HexDigest.hmacSHA256(key: [UInt8](repeating: 0xaa, count: 131), message: Array(message.utf8)))
        }
        #expect(
            jefe.hex("what do ya want for nothing?")
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
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
        #expect(
            DelimitedText.record(["a", "b;c", "d\"e", "f\ng", "h,i"], delimiter: ";")
                == "a;\"b;c\";\"d\"\"e\";\"f\ng\";h,i\r\n")
    }
}
