extension Schema {
    /// v24 (issue 21): the social context's vacant pedagogical positions of the year, in ставки
    /// to one decimal (REAL), which the «500+» factor 2 reads with the pupils per worker. ADD
    /// COLUMN leaves every row as it was, without a count.
    static let v24SocialVacancies = """
        ALTER TABLE social_context ADD COLUMN vacancies REAL CHECK (vacancies >= 0);
        """
}
