import NastavnikCore
import NastavnikStore

/// The СНИЛС of one staff file: who holds each in the database, and which row of the file
/// gave each. A СНИЛС is one person's: a second person with it, in the file or stored, is an
/// error on that row, found here before the database's unique index (dropped during a bulk
/// load) would refuse the row without saying whose number it is.
final class SNILSClaims {
    private let stored: [SNILS: SNILSHolder]
    /// The file's numbers so far: the line that gave each and the key it was given under.
    private var claimed: [SNILS: (line: Int, key: String)] = [:]

    init(stored: [SNILS: SNILSHolder]) { self.stored = stored }

    /// The stored person with `snils`.
    func holder(_ snils: SNILS) -> SNILSHolder? { stored[snils] }

    /// What is wrong with the person keyed `key` having `snils`, in Russian, or `nil`; `nil`
    /// records the claim. The same person twice is the key's repeat, reported by the writer.
    func claim(_ snils: SNILS, key: String, line: Int) -> String? {
        if let problem = problem(snils, isKey: { $0 == key }) { return problem }
        if claimed[snils] == nil { claimed[snils] = (line, key) }
        return nil
    }

    /// Whether `claim` of this key (its UTF-8) would succeed, without recording it.
    func accepts(_ snils: SNILS, key: UnsafeBufferPointer<UInt8>) -> Bool {
        problem(snils, isKey: { $0.utf8.elementsEqual(key) }) == nil
    }

    private func problem(_ snils: SNILS, isKey: (String) -> Bool) -> String? {
        if let first = claimed[snils], !isKey(first.key) {
            return "этот СНИЛС уже указан в строке \(first.line) у другого работника (\(snils.formatted))"
        }
        // A number stored with someone else is theirs: a mistake is corrected with them first
        // (the database holds each number once, at every step of an import).
        if claimed[snils] == nil, let holder = stored[snils], !isKey(holder.personKey) {
            return
                "этот СНИЛС уже записан у работника \(holder.display); если он указан там по ошибке, сначала исправьте его у того работника (\(snils.formatted))"
        }
        return nil
    }
}
