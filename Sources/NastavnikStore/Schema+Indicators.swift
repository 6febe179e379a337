extension Schema {
    /// v21 (issue #21): the counts the target indicators read — each grade's and ЕГЭ scores
    /// above 70 in a result; pupils, pupils with ОВЗ, repeaters, leavers and certificates in the
    /// social context — each no more than its whole; and the target indicators: the
    /// municipality's own definitions (the predefined ones are NastavnikCore's
    /// `TargetIndicator.predefined`, not copied here, so that a corrected wording reaches every
    /// database), a baseline each, targets and hand-entered actual values per year, for the
    /// municipality (`school_id` NULL) or one school. ADD COLUMN leaves every row as it was.
    static let v21Indicators = """
        ALTER TABLE assessment_result ADD COLUMN count_2 INTEGER CHECK (count_2 >= 0 AND (participants IS NULL OR count_2 <= participants));
        ALTER TABLE assessment_result ADD COLUMN count_3 INTEGER CHECK (count_3 >= 0 AND (participants IS NULL OR count_3 <= participants));
        ALTER TABLE assessment_result ADD COLUMN count_4 INTEGER CHECK (count_4 >= 0 AND (participants IS NULL OR count_4 <= participants));
        ALTER TABLE assessment_result ADD COLUMN count_5 INTEGER CHECK (count_5 >= 0 AND (participants IS NULL OR count_5 <= participants));
        ALTER TABLE assessment_result ADD COLUMN above_70 INTEGER CHECK (above_70 >= 0 AND (participants IS NULL OR above_70 <= participants));

        ALTER TABLE social_context ADD COLUMN pupils INTEGER CHECK (pupils >= 0);
        ALTER TABLE social_context ADD COLUMN ovz_pupils INTEGER CHECK (ovz_pupils >= 0 AND (pupils IS NULL OR ovz_pupils <= pupils));
        ALTER TABLE social_context ADD COLUMN ovz_adapted INTEGER CHECK (ovz_adapted >= 0 AND (ovz_pupils IS NULL OR ovz_adapted <= ovz_pupils));
        ALTER TABLE social_context ADD COLUMN repeaters INTEGER CHECK (repeaters >= 0 AND (pupils IS NULL OR repeaters <= pupils));
        ALTER TABLE social_context ADD COLUMN leavers_9 INTEGER CHECK (leavers_9 >= 0);
        ALTER TABLE social_context ADD COLUMN certificates_9 INTEGER CHECK (certificates_9 >= 0 AND (leavers_9 IS NULL OR certificates_9 <= leavers_9));
        ALTER TABLE social_context ADD COLUMN leavers_11 INTEGER CHECK (leavers_11 >= 0);
        ALTER TABLE social_context ADD COLUMN certificates_11 INTEGER CHECK (certificates_11 >= 0 AND (leavers_11 IS NULL OR certificates_11 <= leavers_11));

        -- The municipality's own indicators, each entered by hand.
        CREATE TABLE target_indicator (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (code <> ''),
            name TEXT NOT NULL CHECK (name <> ''),
            population TEXT NOT NULL CHECK (population <> ''),
            unit TEXT NOT NULL DEFAULT '%',
            lower_is_better INTEGER NOT NULL DEFAULT 0 CHECK (lower_is_better IN (0, 1))
        );
        -- An indicator's code: a predefined one's or a `target_indicator` row's.
        CREATE TABLE target_indicator_baseline (
            code TEXT PRIMARY KEY CHECK (code <> ''),
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
            value REAL NOT NULL
        ) WITHOUT ROWID;
        \(valueTable("target_indicator_target"))
        \(valueTable("target_indicator_actual"))
        """

    /// A table of an indicator's values by year, for the municipality (`school_id` NULL) or a school:
    /// the targets and the hand-entered actual values have this shape.
    static func valueTable(_ name: String) -> String {
        """
        CREATE TABLE \(name) (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL CHECK (code <> ''),
            school_id INTEGER REFERENCES school(id) ON DELETE CASCADE,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
            value REAL NOT NULL
        );
        CREATE UNIQUE INDEX \(name)_key ON \(name)(code, ifnull(school_id, 0), year);
        """
    }
}
