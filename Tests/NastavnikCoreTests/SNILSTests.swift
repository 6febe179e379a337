import PropertyBased
import Testing

@testable import NastavnikCore

@Suite struct SNILSTests {
    /// The check number as the ПФР's algorithm states it, written independently of `SNILS`:
    /// digits left to right weighted 9 down to 1.
    static func oracle(_ nine: [Int]) -> Int {
        let sum = zip(nine, (1...9).reversed()).map { $0 * $1 }.reduce(0, +)
        if sum < 100 { return sum }
        if sum == 100 || sum == 101 { return 0 }
        return sum % 101 == 100 ? 0 : sum % 101
    }

    static func digits(_ number: Int) -> [Int] {
        String(number).leftPadded(to: 9).map { Int(String($0))! }
    }

    @Test func theRegulationsExampleAndItsWritings() throws {
        // The example of the algorithm's text: 1×9 + 1×8 + 2×7 + 2×6 + 3×5 + 3×4 + 4×3 + 4×2 + 5×1 = 95.
        let number = try SNILS.parse("112-233-445 95").get()
        #expect(number.formatted == "112-233-445 95")
        for written in ["11223344595", "112 233 445 95", "112-233-445-95", " 112-233-445\u{A0}95 ", "112–233–445 95"] {
            #expect(try SNILS.parse(written).get() == number, "\(written)")
        }
        #expect(SNILS.parse("112-233-445 96") == .failure(.wrongCheckNumber(expected: 95)))
        #expect(SNILS.parse("112-233-445 9") == .failure(.notElevenDigits))
        #expect(SNILS.parse("112-233-445 955") == .failure(.notElevenDigits))
        #expect(SNILS.parse("112-233-44A 95") == .failure(.notElevenDigits))
        #expect(SNILS.parse("1,12233E+10") == .failure(.notElevenDigits))
        #expect(SNILS.parse("") == .failure(.notElevenDigits))
        #expect(number.masked == "***-***-*45 95")
        #expect(SNILS.Problem.wrongCheckNumber(expected: 5).russian.contains("должно быть 05"))
    }

    @Test func sumsOf100And101GiveZeroAndLargerSumsTheirRemainder() throws {
        // 999 999 999: 9 × 45 = 405 = 4 × 101 + 1 → 01.
        #expect(SNILS.checkNumber(of: 999_999_999) == 1)
        // Numbers whose sums are 100, 101, and larger with a remainder of 100: all give 00.
        var found: [Int: Int] = [:]
        for number in stride(from: 100_000_000, to: 999_999_999, by: 7919) {
            let d = Self.digits(number)
            let sum = zip(d, (1...9).reversed()).map { $0 * $1 }.reduce(0, +)
            if sum == 100 || sum == 101 || (sum > 101 && sum % 101 == 100) {
                found[sum == 100 || sum == 101 ? sum : -1] = number
            }
        }
        #expect(found.count == 3, "\(found)")
        for number in found.values { #expect(SNILS.checkNumber(of: number) == 0) }
    }

    @Test func numbersUpTo001001998HaveNoCheckToVerify() throws {
        #expect(SNILS.checkNumber(of: 1_001_998) == nil)
        #expect(try SNILS.parse("001-001-998 77").get().formatted == "001-001-998 77")
        #expect(SNILS.checkNumber(of: 1_001_999) != nil)
        #expect(SNILS(number: 1_001_999, check: (SNILS.checkNumber(of: 1_001_999)! + 1) % 100) == nil)
    }

    @Test func theCheckNumberFollowsTheAlgorithm() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1_001_999...999_999_999)) { number in
            #expect(SNILS.checkNumber(of: number) == Self.oracle(Self.digits(number)))
        }
    }

    @Test func aValidNumberReadsBackFromAnyWritingAndAWrongCheckIsRefused() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1_001_999...999_999_999), Gen.int(in: 1...99)) {
            number, shift in
            let check = SNILS.checkNumber(of: number)!
            let snils = SNILS(number: number, check: check)!
            let plain = snils.formatted.filter(\.isNumber)
            #expect(plain.count == 11)
            #expect(SNILS.parse(plain) == .success(snils))
            #expect(SNILS.parse(snils.formatted) == .success(snils))
            #expect(snils.masked.filter(\.isNumber) == String(plain.suffix(4)))
            let wrong = (check + shift) % 100
            let written = String(plain.prefix(9)) + (wrong < 10 ? "0\(wrong)" : "\(wrong)")
            #expect(SNILS.parse(written) == .failure(.wrongCheckNumber(expected: check)))
            let bytes = Array(written.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { SNILS.parse(utf8: $0) }
            #expect(fromBytes == .failure(.wrongCheckNumber(expected: check)))
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
