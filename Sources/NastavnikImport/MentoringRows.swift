import NastavnikCore
import NastavnikStore

final class MentoringRows: RowMapper {
    /// Mentors and mentees of the file's rows, with the first line naming each.
    private var mentorLines: [Int64: Int] = [:]
    private var menteeLines: [Int64: Int] = [:]

    /// After the rows: a mentor over the limit of their category counting every pair active on
    /// the import date (settings `mentoring.limit_*`), and a mentee with two active mentors, are
    /// warnings. The file records pairs the schools have already formed by their own orders; the
    /// limit is the department's judgement, which `mentoring suggest` and `mentoring assign`
    /// enforce, so a department's records are kept and the excess is named.
    override func finish() throws -> [(UpsertOutcome, Int)] {
        let limits = MentorLimits(try NastavnikDatabase.settings(session.db))
        for load in try session.mentoringLoads(.mentor, activeOn: options.today) {
            guard let line = mentorLines[load.id] else { continue }
            let category = load.category
            let count = load.pairs
            if count > limits.limit(category) {
                warnings.append(
                    ImportIssue(
                        line: line, column: map["mentor"].header,
                        message:
                            "у наставника \(load.label) \(RussianPlural.count(count, "действующая пара", "действующие пары", "действующих пар")) при пределе \(limits.limit(category)) (\(category?.russian ?? "без категории"); настройки mentoring.limit_*)"
                    ))
            }
        }
        for load in try session.mentoringLoads(.mentee, activeOn: options.today) {
            guard let line = menteeLines[load.id] else { continue }
            warnings.append(
                ImportIssue(
                    line: line, column: map["mentee"].header,
                    message:
                        "у наставляемого \(load.label) \(RussianPlural.count(load.pairs, "действующий наставник", "действующих наставника", "действующих наставников")): обычно наставник один"
                ))
        }
        return []
    }

    /// A cell naming a person: a personnel number when one matches, else a full name.
    private func person(_ slot: FieldSlot, schoolSlot: FieldSlot, row: inout RowReader) throws -> Int64? {
        guard let value = row.text(slot, required: true) else { return nil }
        if case .success(let id) = try guarded({ try session.resolve(.staffID(value)) }) { return id }
        let school = row.raw(schoolSlot)
        switch try guarded({ try session.resolve(.name(value, schoolCode: school)) }) {
        case .success(let id): return id
        case .failure(let error):
            row.error(slot, error.message)
            return nil
        }
    }

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let mentor = try person(map["mentor"], schoolSlot: map["mentor_school_code"], row: &row)
        let mentee = try person(map["mentee"], schoolSlot: map["mentee_school_code"], row: &row)
        let start = row.date(map["start"])
        let end = row.date(map["end"])
        if let problem = MentorMatching.endProblem(start: start, end: end) {
            row.error(map["end"], problem)
        }
        let consent = row.date(map["consent_date"])
        // Consent (ТК РФ, ст. 351.8) is given before it is recorded.
        if let consent, consent > options.today {
            row.error(
                map["consent_date"],
                "дата согласия \(consent.russian) ещё не наступила (дата загрузки \(options.today.russian))")
        }
        guard let mentor, let mentee else { return nil }
        if mentor == mentee {
            row.error(map["mentee"], "наставник и наставляемый — один человек (\(row.raw(map["mentee"]) ?? ""))")
        }
        if mentorLines[mentor] == nil { mentorLines[mentor] = row.line }
        if menteeLines[mentee] == nil { menteeLines[mentee] = row.line }
        // Other staff are outside every staff rule (`mentoring assign` refuses them); a school's
        // record is kept, the kind named, as a title's kind may be the one to correct.
        let kinds = try session.positionKinds(of: [mentor, mentee])
        func kind(_ id: Int64) -> PositionKind { kinds[id] ?? .other }
        if let problem = MentorMatching.kindProblem(mentorKind: kind(mentor), menteeKind: kind(mentee)) {
            warnings.append(
                ImportIssue(
                    line: row.line, column: map[kind(mentor).isCounted ? "mentee" : "mentor"].header,
                    message: "\(problem); если вид должности неверен — nastavnik staff positions --set"))
        }
        guard
            claim(
                "\(mentor)|\(mentee)", display: "\(row.raw(map["mentor"]) ?? "") → \(row.raw(map["mentee"]) ?? "")",
                row: &row, slot: nil), row.issues.isEmpty
        else { return nil }
        let entry = MentorshipEntry(
            mentor: .staffID(""), mentee: .staffID(""), form: row.raw(map["form"]), start: start,
            end: end, goal: row.raw(map["goal"]), consent: consent)
        return try guarded { try session.upsertMentorship(entry, mentorID: mentor, menteeID: mentee) }
    }
}
