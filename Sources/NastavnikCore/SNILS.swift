/// A person's insurance number (СНИЛС, страховой номер индивидуального лицевого счёта,
/// Федеральный закон от 01.04.1996 № 27-ФЗ): nine digits and a two-digit check number, written
/// «123-456-789 01». It is the person's national identity, and personal data (152-ФЗ).
public struct SNILS: Hashable, Sendable, Codable, Comparable {
    /// The nine digits before the check number, as one integer (0…999 999 999).
    public let number: Int
    /// The two-digit check number (0…99).
    public let check: Int

    /// A number made of its parts; `nil` when they are out of range or the check number is wrong.
    public init?(number: Int, check: Int) {
        guard (0...999_999_999).contains(number), (0...99).contains(check),
            Self.checkNumber(of: number).map({ $0 == check }) ?? true
        else { return nil }
        self.number = number
        self.check = check
    }

    /// The check number of the nine digits `number`, or `nil` for the numbers up to
    /// 001-001-998, which have none to verify.
    ///
    /// Постановление Правления ПФР от 31.07.2006 № 192п, инструкция по заполнению форм
    /// индивидуального учёта, «Алгоритм формирования контрольного числа Страхового номера»:
    /// each of the nine digits times its position counted from the end (9 down to 1), summed; a
    /// sum under 100 is the check number, 100 and 101 give 00, a larger sum is taken modulo 101,
    /// where a remainder of 100 gives 00 again. The check is made only for numbers above
    /// 001-001-998.
    public static func checkNumber(of number: Int) -> Int? {
        guard number > lastUnchecked else { return nil }
        var rest = number
        var sum = 0
        for weight in 1...9 {
            sum += rest % 10 * weight
            rest /= 10
        }
        if sum < 100 { return sum }
        if sum <= 101 { return 0 }
        let remainder = sum % 101
        return remainder == 100 ? 0 : remainder
    }

    /// 001-001-998: numbers up to it carry no check number to verify.
    public static let lastUnchecked = 1_001_998

    /// What is wrong with a written number, in Russian.
    public enum Problem: Error, Equatable, Sendable {
        /// Not eleven digits (with separators allowed between them).
        case notElevenDigits
        /// The check number is not the one the nine digits give.
        case wrongCheckNumber(expected: Int)

        public var russian: String {
            switch self {
            case .notElevenDigits:
                "СНИЛС — 11 цифр, записанных как 123-456-789 01 (дефисы и пробелы необязательны)"
            case .wrongCheckNumber(let expected):
                "неверное контрольное число СНИЛС (по первым девяти цифрам должно быть \(Self.twoDigits(expected)))"
            }
        }

        static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    }

    /// Reads a number as people write it: «123-456-789 01», «12345678901», «123 456 789 01»,
    /// «123-456-789-01», with spaces, no-break spaces, hyphens or dashes between the digits.
    public static func parse(_ text: String) -> Result<SNILS, Problem> {
        var digits: [Int] = []
        digits.reserveCapacity(11)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                guard digits.count < 11 else { return .failure(.notElevenDigits) }
                digits.append(Int(scalar.value) - 48)
            case " ", "\t", "\u{A0}", "\u{202F}", "\u{2009}", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}",
                "\u{2014}", "\u{2212}":
                continue
            default:
                return .failure(.notElevenDigits)
            }
        }
        return parse(digits: digits)
    }

    /// `parse` of a cell given as its UTF-8 bytes, for the staff import's fast path: the same
    /// verdicts on ASCII text; anything else is `nil`, for the general path to read.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result<SNILS, Problem>? {
        var digits: [Int] = []
        digits.reserveCapacity(11)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits.count < 11 else { return .failure(.notElevenDigits) }
                digits.append(Int(byte) - 48)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"): continue
            default: return nil
            }
        }
        return parse(digits: digits)
    }

    private static func parse(digits: [Int]) -> Result<SNILS, Problem> {
        guard digits.count == 11 else { return .failure(.notElevenDigits) }
        let number = digits[0..<9].reduce(0) { $0 * 10 + $1 }
        let check = digits[9] * 10 + digits[10]
        if let expected = checkNumber(of: number), expected != check {
            return .failure(.wrongCheckNumber(expected: expected))
        }
        return .success(SNILS(unchecked: number, check: check))
    }

    private init(unchecked number: Int, check: Int) {
        self.number = number
        self.check = check
    }

    /// The number as it is written and stored: «123-456-789 01».
    public var formatted: String {
        let nine = String(number)
        let padded = String(repeating: "0", count: 9 - nine.count) + nine
        let d = Array(padded)
        return "\(String(d[0..<3]))-\(String(d[3..<6]))-\(String(d[6..<9])) \(Problem.twoDigits(check))"
    }

    /// The number with all but its last four digits hidden, «***-***-*89 01», as the audit
    /// log keeps it.
    public var masked: String { Self.masked(formatted) }

    /// A stored number (`formatted`) with all but its last four digits hidden.
    public static func masked(_ formatted: String) -> String {
        "***-***-*" + String(formatted.suffix(5))
    }

    public static func < (a: SNILS, b: SNILS) -> Bool { (a.number, a.check) < (b.number, b.check) }
}
