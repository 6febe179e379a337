extension Schema {
    /// v25 (issue 22): the municipal database's identity, one row at most: a UUID made once and
    /// the municipality's ОКТМО code and name, set once (`nastavnik municipality set`).
    static let v25Municipality = """
        CREATE TABLE municipality (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            uuid TEXT NOT NULL CHECK (length(uuid) = 36),
            oktmo TEXT NOT NULL CHECK (length(oktmo) IN (8, 11) AND oktmo NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL CHECK (name <> ''),
            set_at TEXT NOT NULL
        );
        """
}
