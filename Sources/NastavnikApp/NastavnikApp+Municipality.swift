import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The database's identity (issue 22), or `nil` while it has none.
    public func municipality() async throws -> MunicipalityIdentity? { try database.municipality() }

    /// Sets the identity once (see `NastavnikDatabase.setMunicipality`).
    public func setMunicipality(oktmo: String, name: String, correctName: Bool) async throws
        -> (identity: MunicipalityIdentity, outcome: UpsertOutcome)
    {
        try database.setMunicipality(oktmo: oktmo, name: name, correctName: correctName)
    }
}
