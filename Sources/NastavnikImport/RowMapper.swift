import Foundation
import GRDB
import NastavnikCore
import NastavnikStore

/// Turns validated rows of one kind into domain values and hands them to the import session.
class RowMapper {
    let map: ColumnMap
    let session: ImportSession
    let options: ImportOptions
    let fileName: String
    var warnings: [ImportIssue] = []
    /// Natural keys seen in this file, with the line that first had each.
    private var seen: [String: Int] = [:]

    required init(map: ColumnMap, session: ImportSession, options: ImportOptions, fileName: String) {
        self.map = map
        self.session = session
        self.options = options
        self.fileName = fileName
    }

    static func make(
        kind: ImportKind, map: ColumnMap, session: ImportSession, options: ImportOptions,
        fileName: String
    ) -> RowMapper {
        let type: RowMapper.Type =
            switch kind {
            case .schools: SchoolRows.self
            case .staff: StaffRows.self
            case .diagnostics: DiagnosticRows.self
            case .courses: CourseRows.self
            case .trainings: TrainingRows.self
            case .results: ResultRows.self
            case .social: SocialRows.self
            case .roadmap: RoadmapRows.self
            case .curators: CuratorRows.self
            case .mentoring: MentoringRows.self
            case .observations: ObservationRows.self
            }
        // A column the file does not have leaves the stored value alone: a list of schools with
        // their statuses only must not erase their addresses and coordinates, nor a list of
        // trainings without certificates the certificates already entered. A roadmap is
        // always its order's whole table.
        if kind != .roadmap {
            var absent = Set(kind.columns.map(\.key)).subtracting(map.slots.keys)
            // A training's status has a default the contract gives from its end date: with that
            // date in the file, a file without statuses gets the default, not the stored status.
            if kind == .trainings, map.slots["end"] != nil { absent.remove("status") }
            // «Педстаж, лет» is stored as the start of pedagogical work (`StaffRows`).
            if kind == .staff, map.slots["experience_years"] != nil { absent.remove("teaching_since") }
            session.keepStoredValues(absent: absent)
        }
        return type.init(map: map, session: session, options: options, fileName: fileName)
    }

    /// Validates and writes one row; `nil` when the row wrote nothing by itself (a section row).
    func handle(_ row: inout RowReader) throws -> UpsertOutcome? { nil }

    /// What `handleRaw` did with a row.
    enum RawHandling {
        /// The row needs the general path: `handle` on its cells as strings.
        case fullCheck
        /// The row was checked and written; `nil` when it is counted later.
        case handled(UpsertOutcome?)
    }

    /// Checks and writes a row straight from its bytes when that gives exactly what `handle`
    /// would; anything else (an error, an unusual cell) is left to `handle`, having changed
    /// nothing. Called only for a row without field issues.
    func handleRaw(_ raw: RawRecord) throws -> RawHandling { .fullCheck }

    /// Writes what needs the whole file (a roadmap); returns the counts it adds.
    func finish() throws -> [(UpsertOutcome, Int)] { [] }

    /// When the file had errors, instead of `finish()`: the whole-file checks that write nothing.
    func checkWithoutWriting() {}

    /// Records a natural key; a second row with the same key in one file is an error.
    func claim(_ key: String, display: String, row: inout RowReader, slot: FieldSlot?) -> Bool {
        if let first = seen[key] {
            row.error(slot, "повтор: запись с тем же ключом уже есть в строке \(first) (\(display))")
            return false
        }
        seen[key] = row.line
        return true
    }

    /// The id of the school with `code`, or an error on the row.
    func school(_ code: String?, _ slot: FieldSlot, row: inout RowReader) -> Int64? {
        guard let code else { return nil }
        if let id = session.schoolID(code: code) { return id }
        row.error(slot, "нет школы с таким кодом; сначала импортируйте список школ (\(code))")
        return nil
    }

    /// The staff member a row names through `staff_id`, or `full_name` with `school_code`.
    func staffMember(_ row: inout RowReader) throws -> Int64? {
        let idSlot = map["staff_id"]
        let nameSlot = map["full_name"]
        let schoolSlot = map["school_code"]
        let reference: StaffReference
        let slot: FieldSlot
        if let id = row.identifier(idSlot) {
            reference = .staffID(id)
            slot = idSlot
        } else if let name = row.raw(nameSlot) {
            let code = row.raw(schoolSlot)
            if code == nil && !idSlot.isPresent {
                row.error(schoolSlot, "не указан код школы работника «\(name)»")
                return nil
            }
            reference = .name(name, schoolCode: code)
            // A school that does not exist is the school column's fault, not the name's.
            if let code, session.schoolID(code: code) == nil { slot = schoolSlot } else { slot = nameSlot }
        } else {
            row.error(idSlot.isPresent ? idSlot : nameSlot, "не указан работник: заполните табельный номер или ФИО")
            return nil
        }
        switch try guarded({ try session.resolve(reference) }) {
        case .success(let id): return id
        case .failure(let error):
            row.error(slot, error.message)
            return nil
        }
    }

    /// Topics as written (abbreviations such as ГИА and ФГОС keep their case), without repeats
    /// that differ only in case or `ё`.
    static func distinctTopics(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert(CellValue.fold($0)).inserted }
    }

    /// The topics of the course catalogue: a deficit is matched to courses by them.
    fileprivate lazy var knownTopics: [String] = {
        let lists = (try? session.catalogueTopicLists()) ?? []
        return RowMapper.distinctTopics(lists.flatMap(CellValue.list))
    }()
    /// Unknown topics already warned about: one warning per topic, at its first line.
    fileprivate var warned = Set<String>()

    /// A deficit outside the catalogue's topics is a warning naming the nearest known ones:
    /// most often a spelling the planner cannot match to a course.
    func checkTopics(_ topics: [String], line: Int) {
        guard !knownTopics.isEmpty else { return }
        for topic in topics where warned.insert(CellValue.fold(topic)).inserted {
            let nearest = Plausibility.nearestTopics(topic, known: knownTopics)
            guard !nearest.isEmpty else { continue }
            warnings.append(
                ImportIssue(
                    line: line, column: map["deficits"].header,
                    message:
                        "дефицит «\(topic)» не встречается в темах программ повышения квалификации; ближайшие известные: \(nearest.map { "«\($0)»" }.joined(separator: ", "))"
                ))
        }
    }

    /// Runs a database call, turning a refusal of the database into an error on the row.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if let aborted = TransactionAborted(error, transactionLost: !session.db.isInsideTransaction) {
                throw aborted
            }
            throw DatabaseRowError(message: "база данных отклонила строку: \(error.message ?? error.description)")
        }
    }
}

final class SchoolRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let codeSlot = map["code"]
        // A school code is a key: Excel's 1,23457E+11 is refused as personnel numbers are.
        let code = row.text(codeSlot, required: true).flatMap { _ in row.identifier(codeSlot) }
        let name = row.text(map["name"], required: true)
        var statuses: [SchoolStatus] = []
        for item in row.list(map["status"]) {
            if let status = SchoolStatus(russian: item) {
                if !statuses.contains(status) { statuses.append(status) }
            } else {
                row.error(map["status"], "неизвестный статус; допустимы НОР, ЗПР, ЗУР, ШНСУ, эффективная (\(item))")
            }
        }
        if let contradiction = Plausibility.contradiction(in: statuses) {
            row.error(map["status"], "\(contradiction) (\(row.raw(map["status"]) ?? ""))")
        }
        let internship = row.boolean(map["internship_site"]) ?? false
        let students = row.integer(map["students"], range: 0...100_000)
        let latitude = row.number(map["latitude"], range: -90...90)
        let longitude = row.number(map["longitude"], range: -180...180)
        if (latitude == nil) != (longitude == nil), row.issues.isEmpty {
            let given =
                latitude != nil
                ? "широта " + (row.raw(map["latitude"]) ?? "") : "долгота " + (row.raw(map["longitude"]) ?? "")
            row.error(
                map[latitude == nil ? "latitude" : "longitude"],
                "координаты заданы не полностью: нужны широта и долгота (\(given))")
        }
        guard let code, let name, claim(code, display: code, row: &row, slot: codeSlot), row.issues.isEmpty else {
            return nil
        }
        let school = School(
            code: code, name: name, municipality: row.raw(map["municipality"]), kind: row.raw(map["kind"]),
            statuses: statuses.sorted(), internshipSite: internship, students: students,
            latitude: latitude, longitude: longitude, address: row.raw(map["address"]),
            head: row.raw(map["head"]))
        return try guarded { try session.upsertSchool(school) }
    }
}

final class DiagnosticRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let date = row.date(map["date"], required: true)
        let instrument = row.raw(map["instrument"]) ?? ""
        var scores: [Competence: Double] = [:]
        let scoreKeys: [(Competence, String)] = [
            (.subject, "subject_score"), (.methodological, "methodological_score"),
            (.psychological, "psych_score"), (.communicative, "communicative_score"),
        ]
        for (competence, key) in scoreKeys {
            if let value = row.number(map[key], range: 0...1000) { scores[competence] = value }
        }
        let consent = row.boolean(map["consent"]) ?? true
        let deficits = Self.distinctTopics(row.list(map["deficits"]))
        let staffID = try staffMember(&row)
        guard let date, let staffID else { return nil }
        guard
            claim(
                "\(staffID)|\(date.iso)|\(instrument)",
                display: row.raw(map["staff_id"]) ?? row.raw(map["full_name"]) ?? "",
                row: &row, slot: nil), row.issues.isEmpty
        else { return nil }
        checkTopics(deficits, line: row.line)
        let entry = DiagnosticEntry(
            staff: .staffID(""), date: date, instrument: instrument, scores: scores,
            deficits: deficits, consent: consent)
        return try guarded { try session.upsertDiagnostic(entry, staffID: staffID) }
    }
}

final class ObservationRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let date = row.date(map["date"], required: true)
        let observer = row.text(map["observer"], required: true)
        let (scores, bad) = ObservationEntry.scores(row.list(map["scores"]))
        for item in bad {
            row.error(map["scores"], "оценка по критерию записывается как «критерий: балл» (\(item))")
        }
        if let date, date > options.today {
            row.error(map["date"], "урок ещё не состоялся: дата в будущем (\(date.russian))")
        }
        let staffID = try staffMember(&row)
        guard let date, let observer, let staffID else { return nil }
        guard
            claim(
                "\(staffID)|\(date.iso)|\(CellValue.fold(observer))", display: "\(date.russian), \(observer)",
                row: &row, slot: nil),
            row.issues.isEmpty
        else { return nil }
        checkTopics(Self.distinctTopics(row.list(map["deficits"])), line: row.line)
        let entry = ObservationEntry(
            date: date, observer: observer, observerRole: row.raw(map["observer_role"]),
            className: row.raw(map["class_name"]), subject: row.raw(map["subject"]), focus: row.raw(map["focus"]),
            scores: scores, deficits: Self.distinctTopics(row.list(map["deficits"])), note: row.raw(map["note"]))
        return try guarded { try session.upsertObservation(entry, staffID: staffID) }
    }
}

final class CourseRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        // A programme's code is a key: Excel's 1,23457E+11 is refused.
        let code = row.identifier(map["code"])
        let title = row.text(map["title"], required: true)
        let provider = row.text(map["provider"], required: true)
        let hours = row.number(map["hours"], required: true, range: 0...10_000)
        let start = row.date(map["start"])
        let end = row.date(map["end"])
        if let start, let end, end < start {
            row.error(map["end"], "дата окончания раньше даты начала (\(end.russian))")
        }
        let seats = row.integer(map["seats"], range: 0...100_000)
        guard let title, let provider, let hours else { return nil }
        let course = Course(
            code: code, title: title, provider: provider, hours: hours, format: row.raw(map["format"]),
            topics: Self.distinctTopics(row.list(map["topics"])), subjects: row.list(map["subjects"]),
            start: start, end: end, seats: seats)
        guard
            claim(course.courseKey, display: code ?? title, row: &row, slot: code != nil ? map["code"] : map["title"]),
            row.issues.isEmpty
        else { return nil }
        return try guarded { try session.upsertCourse(course) }
    }
}

final class TrainingRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let courseSlot = map["course"]
        let courseValue = row.text(courseSlot, required: true)
        let provider = row.raw(map["provider"])
        let hours = row.number(map["hours"], range: 0...10_000)
        let start = row.date(map["start"])
        let end = row.date(map["end"])
        if let start, let end, end < start {
            row.error(map["end"], "дата окончания раньше даты начала (\(end.russian))")
        }
        var status: TrainingStatus?
        if let value = row.raw(map["status"]) {
            status = TrainingStatus(russian: value)
            if status == nil {
                row.error(
                    map["status"], "неизвестный статус; допустимы заявка, обучается, завершено, не завершено (\(value))"
                )
            }
        }
        if status == .completed, end == nil {
            row.error(map["end"], "у завершённого обучения нужна дата окончания")
        }
        let staffID = try staffMember(&row)
        guard let courseValue else { return nil }
        // A row may name the course by code, by title, or by both (two columns).
        let named = row.values(courseSlot)
        let codeValue = named.first { ImportKind.normalizeHeader($0.header) == "код программы" }?.value
        let titleValue = named.first { ImportKind.normalizeHeader($0.header) != "код программы" }?.value
        var courseID: Int64?
        var failure: ReferenceError?
        for candidate in [codeValue, titleValue].compactMap({ $0 }) where courseID == nil {
            switch try guarded({ try session.resolveCourse(candidate, provider: provider) }) {
            case .success(let id)?: courseID = id
            case .failure(let error)?: failure = failure ?? error
            case nil: break
            }
        }
        if courseID == nil {
            if let failure {
                row.error(courseSlot, failure.message)
            } else if let provider, let hours {
                if row.issues.isEmpty {
                    courseID = try guarded {
                        try session.addExternalCourse(
                            code: titleValue == nil ? nil : codeValue,
                            title: titleValue ?? courseValue, provider: provider, hours: hours)
                    }
                }
            } else {
                row.error(
                    courseSlot,
                    "программы нет в каталоге; для курса вне каталога укажите организатора и часы (\(courseValue))")
            }
        }
        let certificate = row.identifier(map["certificate"])
        guard let staffID, let courseID else { return nil }
        let dateKey = start?.iso ?? end?.iso ?? ""
        guard
            claim(
                "\(staffID)|\(courseID)|\(dateKey)", display: "\(courseValue) \(dateKey)", row: &row, slot: courseSlot),
            row.issues.isEmpty
        else { return nil }
        let entry = TrainingEntry(
            staff: .staffID(""), course: courseValue, provider: provider, hours: hours, start: start,
            end: end, status: status ?? .implied(start: start, end: end, today: options.today),
            certificate: certificate)
        return try guarded { try session.upsertTraining(entry, staffID: staffID, courseID: courseID) }
    }
}

final class ResultRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let code = row.text(schoolSlot, required: true)
        let year = row.integer(map["year"], required: true, range: 1990...2200)
        let assessment = row.text(map["assessment"], required: true)
        let subject = row.text(map["subject"], required: true)
        let grade = AssessmentResult.grade(row.raw(map["grade"]) ?? "")
        let participants = row.integer(map["participants"], range: 0...1_000_000)
        let mean = row.number(map["mean_score"], required: true, range: 0...1000)
        let regionMean = row.number(map["region_mean"], range: 0...1000)
        let fail = row.share(map["share_fail"])
        let top = row.share(map["share_top"])
        let schoolID = school(code, schoolSlot, row: &row)
        guard let code, let year, let assessment, let subject, let mean, let schoolID else { return nil }
        guard
            claim(
                "\(code)|\(year)|\(CellValue.fold(assessment))|\(CellValue.fold(subject))|\(grade)",
                display: "\(code), \(year), \(assessment), \(subject)\(grade.isEmpty ? "" : ", \(grade)")",
                row: &row, slot: nil), row.issues.isEmpty
        else { return nil }
        let result = AssessmentResult(
            schoolCode: code, year: year, assessment: assessment, subject: subject, grade: grade,
            participants: participants, meanScore: mean, regionMean: regionMean,
            shareFail: fail, shareTop: top)
        return try guarded { try session.upsertResult(result, schoolID: schoolID) }
    }
}

final class SocialRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let code = row.text(schoolSlot, required: true)
        let year = row.integer(map["year"], required: true, range: 1990...2200)
        let context = SocialContext(
            schoolCode: code ?? "", year: year ?? 0, hardshipShare: row.share(map["hardship_share"]),
            nonNativeShare: row.share(map["non_native_share"]), registeredShare: row.share(map["registered_share"]),
            higherEdParentShare: row.share(map["higher_ed_parent_share"]),
            singleParentShare: row.share(map["single_parent_share"]))
        let schoolID = school(code, schoolSlot, row: &row)
        guard let code, let year, let schoolID else { return nil }
        guard claim("\(code)|\(year)", display: "\(code), \(year)", row: &row, slot: nil), row.issues.isEmpty else {
            return nil
        }
        return try guarded { try session.upsertSocial(context, schoolID: schoolID) }
    }
}

final class CuratorRows: RowMapper {
    /// Official statuses by school code and the statuses a curator may have, read once.
    private lazy var rules: (statuses: [String: [SchoolStatus]], allowed: Set<SchoolStatus>) = {
        let statuses = (try? session.officialStatusesByCode()) ?? [:]
        return (
            statuses, CuratorMatching.allowedStatuses((try? NastavnikDatabase.settings(session.db)) ?? SettingValues())
        )
    }()

    /// A pairing the rules would not suggest (`CuratorMatching.lockRefusal`) is a warning: the
    /// department's order stands, but it hears that the curator may not curate.
    private func checkRules(school: String, curator: String, line: Int) {
        func plain(_ code: String) -> MatchSchool {
            MatchSchool(
                id: 0, code: code, name: code, municipality: nil, latitude: nil, longitude: nil, relative: [:],
                deficitShare: [:],
                capacity: 0, statuses: rules.statuses[code] ?? [])
        }
        if let refusal = CuratorMatching.lockRefusal(
            school: plain(school), curator: plain(curator), allowed: rules.allowed)
        {
            warnings.append(
                ImportIssue(
                    line: line, column: map["curator_school_code"].header,
                    message: "пара \(school) ← \(curator): \(refusal)"))
        }
    }

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let curatorSlot = map["curator_school_code"]
        let code = row.text(schoolSlot, required: true)
        let curatorCode = row.text(curatorSlot, required: true)
        let since = row.date(map["since"])
        let schoolID = school(code, schoolSlot, row: &row)
        let curatorID = school(curatorCode, curatorSlot, row: &row)
        guard let code, let curatorCode, let schoolID, let curatorID else { return nil }
        if code == curatorCode {
            row.error(curatorSlot, "школа не может курировать сама себя (\(curatorCode))")
        }
        guard claim("\(code)|\(curatorCode)", display: "\(code) ← \(curatorCode)", row: &row, slot: nil),
            row.issues.isEmpty
        else { return nil }
        checkRules(school: code, curator: curatorCode, line: row.line)
        let pairing = CuratorPairing(
            schoolCode: code, curatorSchoolCode: curatorCode, curatorName: row.raw(map["curator_name"]),
            coordinator: row.raw(map["coordinator"]), since: since, orderRef: row.raw(map["order_ref"]))
        return try guarded { try session.upsertCurator(pairing, schoolID: schoolID, curatorSchoolID: curatorID) }
    }
}

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

/// A roadmap file is one document: rows are gathered, their terms read within the roadmap's
/// period, then written in order at the end.
final class RoadmapRows: RowMapper {
    private var entries: [(entry: RoadmapEntry, line: Int, termHeader: String)] = []
    private var direction: String?

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let fields = row.record.fields.map { CellValue.trimmed($0) }
        let filled = fields.indices.filter { !fields[$0].isEmpty }
        if filled.count == 1, filled[0] <= 1 {
            direction = fields[filled[0]]
            return nil
        }
        let text = row.text(map["activity"], required: true)
        let term = row.text(map["term"], required: true)
        let schoolCode = row.raw(map["school_code"])
        if schoolCode != nil { _ = school(schoolCode, map["school_code"], row: &row) }
        guard let text, let term, row.issues.isEmpty else { return nil }
        entries.append(
            (
                RoadmapEntry(
                    number: row.raw(map["number"]), direction: row.raw(map["direction"]) ?? direction,
                    text: text, term: term, responsible: row.raw(map["responsible"]),
                    result: row.raw(map["result"]), schoolCode: schoolCode), row.line, map["term"].header
            ))
        return nil
    }

    /// The roadmap's period: as given, else the calendar years its terms name.
    func period() -> ClosedRange<LocalDate>? {
        let road = options.roadmap
        if let start = road.periodStart, let end = road.periodEnd { return start...end }
        let undated = TermParser(period: nil)
        var years: [Int] = []
        for item in entries {
            for occurrence in undated.parse(item.entry.term).occurrences where occurrence.recurrence == nil {
                years += [occurrence.start.year, occurrence.end.year]
            }
        }
        guard let low = years.min(), let high = years.max() else { return nil }
        return LocalDate(year: low, month: 1, day: 1)!...LocalDate(year: high, month: 12, day: 31)!
    }

    /// The entries with their terms read in the period; an unread term is a warning.
    private func readTerms(period: ClosedRange<LocalDate>?) -> [RoadmapEntry] {
        let signed = options.roadmap.orderRef.flatMap(OrderText.date)
        let parser = TermParser(period: period.map { TermParser.inForce(period: $0, signed: signed) })
        var written: [RoadmapEntry] = []
        // Яковлевский lists «Сентябрь – октябрь 2020» under 2020, 2021 and 2022 for item 1: a row
        // repeating another's activity and term adds nothing but a second copy of its dates.
        var seen: [String: Int] = [:]
        for (entry, line, header) in entries {
            var entry = entry
            let key = [entry.number ?? "", entry.text, entry.term].map(CellValue.fold).joined(separator: "\u{1F}")
            if let first = seen[key] {
                warnings.append(
                    ImportIssue(
                        line: line, column: header,
                        message: "строка повторяет строку \(first): то же мероприятие "
                            + "с тем же сроком «\(entry.term)» — проверьте срок"))
            } else {
                seen[key] = line
            }
            entry.parsed = parser.parse(entry.term)
            if entry.parsed.flag == .unreadable {
                let impossible = TermParser.impossibleDates(in: entry.term)
                let reason =
                    impossible.isEmpty
                    ? ""
                    : " (" + (impossible.count == 1 ? "даты " : "дат ")
                        + impossible.joined(separator: ", ") + " нет в календаре)"
                warnings.append(
                    ImportIssue(
                        line: line, column: header,
                        message: "срок не распознан\(reason) и сохранён как текст, без дат (\(entry.term))"))
            }
            // A term over before the order approved the roadmap is a slip of the document (Яковлевский
            // приказ от 22.09.2020 № 803 lists «Июнь-август 2020»): kept as written, but said, not silently overdue.
            // Without an order, the period's start is the limit (Минусинск: «Апрель, май 2019» in a roadmap for 2020–2021).
            if let limit = signed ?? period?.lowerBound {
                let early = TermParser.occurrences(of: entry.parsed, endingBefore: limit)
                if !early.isEmpty {
                    let dates = early.map {
                        $0.start == $0.end ? $0.end.russian : "\($0.start.russian)–\($0.end.russian)"
                    }
                    let before =
                        signed.map { "до утверждения дорожной карты приказом от \($0.russian)" }
                        ?? "до начала периода дорожной карты (\(limit.russian))"
                    warnings.append(
                        ImportIssue(
                            line: line, column: header,
                            message: "срок «\(entry.term)» закончился \(before): "
                                + "\(dates.joined(separator: ", ")) — проверьте срок"))
                }
            }
            written.append(entry)
        }
        return written
    }

    // A file with errors is not written, but its terms are still worth a word: the user fixes
    // everything in one go.
    override func checkWithoutWriting() {
        _ = readTerms(period: period())
    }

    override func finish() throws -> [(UpsertOutcome, Int)] {
        let road = options.roadmap
        let key = road.key ?? ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        var schoolID: Int64?
        if let code = road.schoolCode {
            guard let id = session.schoolID(code: code) else {
                throw DatabaseRowError(message: "нет школы с кодом «\(code)» для дорожной карты")
            }
            schoolID = id
        }
        let period = self.period()
        let written = readTerms(period: period)
        return try guarded {
            let (_, roadmapID) = try session.upsertRoadmap(
                key: key, title: road.title ?? key, schoolID: schoolID, periodStart: period?.lowerBound,
                periodEnd: period?.upperBound, orderRef: road.orderRef,
                sourceFile: (fileName as NSString).lastPathComponent)
            let outcomes = try session.replaceActivities(roadmapID: roadmapID, entries: written)
            return [UpsertOutcome.added, .changed, .unchanged].map { kind in
                (kind, outcomes.filter { $0 == kind }.count)
            }
        }
    }
}
