extension Schema {
    /// v23 (issue 21, anti-risk programmes): a programme is a school's roadmap (`roadmap.school_id`)
    /// linked to the risk factor of the «500+» profile it answers, with its goal; its measures are
    /// the roadmap's activities, each gaining its indicator; the school's development documents
    /// (концепция развития, среднесрочная программа развития) with their dates.
    static let v23RiskProgrammes = """
        ALTER TABLE activity ADD COLUMN indicator TEXT;
        CREATE TABLE risk_programme (
            roadmap_id INTEGER PRIMARY KEY REFERENCES roadmap(id) ON DELETE CASCADE,
            factor INTEGER NOT NULL CHECK (factor BETWEEN 1 AND 10),
            goal TEXT
        );
        CREATE TABLE school_document (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind = 'concept' OR kind = 'programme'),
            title TEXT NOT NULL CHECK (title <> ''),
            number TEXT,
            approved_on TEXT NOT NULL,
            period_start INTEGER CHECK (period_start BETWEEN 1990 AND 2200),
            period_end INTEGER CHECK (period_end BETWEEN 1990 AND 2200),
            UNIQUE (school_id, kind, approved_on)
        );
        """
}
