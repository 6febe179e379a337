import Foundation

/// The pairs a department fixes or rules out before curators are matched (`--lock`, `--forbid`),
/// each written ШКОЛА:КУРАТОР.
public struct CuratorConstraints: Sendable, Equatable {
    /// School code → the only curator it may have.
    public var locks: [String: String]
    /// Pairs «school:curator» that may not be made.
    public var forbidden: Set<String>

    /// Why a written pair was refused, in Russian.
    public struct Refusal: Error, LocalizedError, Equatable {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var errorDescription: String? { message }
    }

    /// Reads the pairs: each names two different schools of `known`; a school is locked to one curator.
    /// `lockLabel` and `forbidLabel` name where the pairs were written in a refusal: the command's
    /// options, or a web form's fields.
    public init(
        lock: [String], forbid: [String], known: Set<String>, lockLabel: String = "--lock",
        forbidLabel: String = "--forbid"
    ) throws(Refusal) {
        func pair(_ text: String, option: String) throws(Refusal) -> (school: String, curator: String) {
            let parts = text.split(separator: ":").map { CellValue.trimmed(String($0)) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw Refusal("Пара «\(text)» в \(option) записывается как ШКОЛА:КУРАТОР.")
            }
            for code in parts where !known.contains(code) {
                throw Refusal("Нет школы с кодом «\(code)» (\(option) \(text)).")
            }
            guard parts[0] != parts[1] else {
                throw Refusal("Школа не может курировать сама себя (\(option) \(text)).")
            }
            return (parts[0], parts[1])
        }
        var locks: [String: String] = [:]
        for text in lock {
            let (school, curator) = try pair(text, option: lockLabel)
            if let other = locks[school], other != curator {
                throw Refusal("Школа \(school) закреплена дважды: за \(other) и за \(curator).")
            }
            locks[school] = curator
        }
        var forbidden = Set<String>()
        for text in forbid {
            let p = try pair(text, option: forbidLabel)
            forbidden.insert("\(p.school):\(p.curator)")
        }
        self.locks = locks
        self.forbidden = forbidden
    }

    /// The first locked pair, by school code, that `CuratorMatching.lockRefusal` refuses, with the
    /// reason; `label` names where the locks were written.
    public func lockRefusal(schools: [MatchSchool], allowed: Set<SchoolStatus>, label: String = "--lock") -> Refusal? {
        let byCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0) })
        for (school, curator) in locks.sorted(by: { $0.key < $1.key }) {
            guard let s = byCode[school], let c = byCode[curator] else { continue }
            if let refusal = CuratorMatching.lockRefusal(school: s, curator: c, allowed: allowed) {
                return Refusal("Пару \(school):\(curator) (\(label)) закрепить нельзя: \(refusal).")
            }
        }
        return nil
    }
}
