/// How one table is upserted by an import: the natural key a row is found by, and the values
/// written after it. `ImportSession.upsert(_:_:)` interprets every spec the same way.
struct UpsertSpec: Sendable {
    let table: String
    /// The columns of the natural key's unique index, bound first.
    let key: [String]
    /// The other columns, bound after the key.
    let values: [String]
    /// Whether an update keeps the stored values of the columns the file lacks
    /// (`ImportSession.keptColumns`); a roadmap is always its order's whole table.
    var keepsAbsentColumns = true
    /// Whether the statement returns the row's id, for rows whose children follow.
    var returningID = false

    static let school = UpsertSpec(
        table: "school", key: ["code"],
        values: [
            "name", "municipality", "kind", "internship_site", "students", "latitude", "longitude", "address", "head",
        ],
        returningID: true)
    static let diagnostic = UpsertSpec(
        table: "diagnostic_result", key: ["campaign_id", "staff_id"],
        values: ["consent", "subject_score", "methodological_score", "psychological_score", "communicative_score"],
        returningID: true)
    static let observation = UpsertSpec(
        table: "lesson_observation", key: ["staff_id", "date", "observer"],
        values: ["observer_role", "class_name", "subject", "focus", "scores", "note"], returningID: true)
    static let course = UpsertSpec(
        table: "course", key: ["course_key"],
        values: [
            "code", "title", "provider", "hours", "format", "topics", "subjects", "start_date", "end_date", "seats",
            "external",
        ],
        returningID: true)
    static let training = UpsertSpec(
        table: "training", key: ["training_key"],
        values: ["staff_id", "course_id", "hours", "start_date", "end_date", "status", "certificate"])
    static let result = UpsertSpec(
        table: "assessment_result", key: ["school_id", "year", "assessment", "subject", "grade"],
        values: [
            "participants", "mean_score", "region_mean", "share_fail", "share_top", "count_2", "count_3", "count_4",
            "count_5", "above_70",
        ])
    static let social = UpsertSpec(
        table: "social_context", key: ["school_id", "year"],
        values: [
            "hardship_share", "non_native_share", "registered_share", "higher_ed_parent_share", "single_parent_share",
            "pupils", "ovz_pupils", "ovz_adapted", "repeaters", "leavers_9", "certificates_9", "leavers_11",
            "certificates_11", "vacancies",
        ])
    static let curator = UpsertSpec(
        table: "curator_pairing", key: ["school_id", "curator_school_id"],
        values: ["curator_name", "coordinator", "since", "order_ref"])
    static let mentorship = UpsertSpec(
        table: "mentorship", key: ["mentor_id", "mentee_id"],
        values: ["form", "start_date", "end_date", "goal", "consent_date"])
    static let roadmap = UpsertSpec(
        table: "roadmap", key: ["roadmap_key"],
        values: ["title", "school_id", "period_start", "period_end", "order_ref", "source_file"],
        keepsAbsentColumns: false, returningID: true)
    static let activity = UpsertSpec(
        table: "activity", key: ["roadmap_id", "position"],
        values: [
            "direction_id", "number", "text", "term", "responsible", "result", "school_id", "term_flag", "indicator",
        ],
        keepsAbsentColumns: false)
}
