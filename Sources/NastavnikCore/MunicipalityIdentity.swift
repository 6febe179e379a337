import Foundation

/// The permanent identity of a municipal database (issue 22): a UUID made once, and the
/// municipality's ОКТМО code and name, set once. Rows cross to the region under it, by their
/// natural keys, never by SQLite rowids.
public struct MunicipalityIdentity: Sendable, Hashable, Codable {
    /// A UUID in lower case, made when the identity is first set; never changed.
    public var id: String
    /// The ОКТМО code: 8 digits for a municipal formation, 11 for a settlement
    /// (ОК 033-2013, «Общероссийский классификатор территорий муниципальных образований»).
    public var oktmo: String
    public var name: String

    /// A value that cannot be part of the identity, with a Russian message.
    public struct Invalid: Error, Sendable, Equatable {
        public let message: String
        public init(_ message: String) { self.message = message }
    }

    public init(id: String, oktmo: String, name: String) {
        self.id = id
        self.oktmo = oktmo
        self.name = name
    }

    /// The code as written (spaces and dashes between groups dropped), or the Russian reason it
    /// is not an ОКТМО code: 8 or 11 digits, ОК 033-2013.
    public static func oktmo(_ text: String) -> Result<String, Invalid> {
        let code = text.filter { !" \u{00A0}-".contains($0) }
        guard !code.isEmpty else { return .failure(Invalid("Укажите код ОКТМО муниципального образования.")) }
        guard code.allSatisfy(\.isASCIIDigit), [8, 11].contains(code.count) else {
            return .failure(
                Invalid(
                    "«\(text)» — не код ОКТМО: нужно 8 цифр (муниципальное образование) или 11 цифр (населённый пункт), ОК 033-2013."
                ))
        }
        return .success(code)
    }

    /// The name trimmed, or the Russian reason it cannot be one.
    public static func name(_ text: String) -> Result<String, Invalid> {
        let name = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !name.isEmpty else { return .failure(Invalid("Укажите наименование муниципального образования.")) }
        guard name.count <= 300 else {
            return .failure(Invalid("Наименование муниципального образования длиннее 300 знаков."))
        }
        return .success(name)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
