import Foundation
import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The database's identity, or `nil` before `setMunicipality`.
    public func municipality() throws -> MunicipalityIdentity? {
        try reader.read { db in
            try Row.fetchOne(db, sql: "SELECT uuid, oktmo, name FROM municipality").map {
                MunicipalityIdentity(id: $0["uuid"], oktmo: $0["oktmo"], name: $0["name"])
            }
        }
    }

    /// Sets the identity once: the first call makes the UUID and records the ОКТМО code and the
    /// name; the same values again change nothing. Another ОКТМО code is refused (the region
    /// knows the municipality by it), and so is another name unless `correctName` (a typo put
    /// right; the audit log keeps the old one). One transaction.
    public func setMunicipality(oktmo: String, name: String, correctName: Bool = false, now: Date = Date()) throws
        -> (identity: MunicipalityIdentity, outcome: UpsertOutcome)
    {
        let code: String
        switch MunicipalityIdentity.oktmo(oktmo) {
        case .success(let value): code = value
        case .failure(let error): throw StoreError.invalid("--oktmo: " + error.message)
        }
        let title: String
        switch MunicipalityIdentity.name(name) {
        case .success(let value): title = value
        case .failure(let error): throw StoreError.invalid("--name: " + error.message)
        }
        return try write { db in
            if let stored = try Row.fetchOne(db, sql: "SELECT uuid, oktmo, name FROM municipality") {
                let identity = MunicipalityIdentity(id: stored["uuid"], oktmo: stored["oktmo"], name: stored["name"])
                guard identity.oktmo == code else {
                    throw StoreError.invalid(
                        "У этой базы уже задан ОКТМО \(identity.oktmo) («\(identity.name)»); идентичность муниципалитета постоянна: по ней регион узнаёт его данные. Для другого муниципалитета нужна своя база."
                    )
                }
                if identity.name == title { return (identity, .unchanged) }
                guard correctName else {
                    throw StoreError.invalid(
                        "У этой базы уже задано наименование «\(identity.name)». Чтобы исправить его на «\(title)», добавьте --correct-name."
                    )
                }
                try db.execute(sql: "UPDATE municipality SET name = ?", arguments: [title])
                return (MunicipalityIdentity(id: identity.id, oktmo: code, name: title), .changed)
            }
            let identity = MunicipalityIdentity(id: UUID().uuidString.lowercased(), oktmo: code, name: title)
            try db.execute(
                sql: "INSERT INTO municipality (singleton, uuid, oktmo, name, set_at) VALUES (1, ?, ?, ?, ?)",
                arguments: [identity.id, code, title, ISO8601DateFormatter().string(from: now)])
            return (identity, .added)
        }
    }
}
