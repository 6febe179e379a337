extension Schema {
    /// v26 (issue 22): the pushes the region acknowledged, one row each, written only after the
    /// region's receipt (a lost answer leaves no row, and the next push is sent as the same
    /// batch). The region is named by its address without the password.
    static let v26RegionPush = """
        CREATE TABLE region_push (
            id INTEGER PRIMARY KEY,
            region TEXT NOT NULL CHECK (region <> ''),
            batch TEXT NOT NULL CHECK (batch <> ''),
            pushed_at TEXT NOT NULL,
            as_of TEXT NOT NULL,
            personal_data INTEGER NOT NULL CHECK (personal_data = 0 OR personal_data = 1),
            added INTEGER NOT NULL CHECK (added >= 0),
            changed INTEGER NOT NULL CHECK (changed >= 0),
            deleted INTEGER NOT NULL CHECK (deleted >= 0),
            unchanged INTEGER NOT NULL CHECK (unchanged >= 0),
            UNIQUE (region, batch)
        );
        """
}
