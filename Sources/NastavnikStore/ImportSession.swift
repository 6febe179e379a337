import Foundation
import GRDB
import GRDBSQLite
import NastavnikCore

/// Writes imported rows inside one transaction. Statements are prepared once per session;
/// lookups of schools, staff and courses are cached, since a file names the same ones often.
///
/// Each kind's rows go through one generic upsert driven by its table's `UpsertSpec`; staff
/// rows go to `StaffBulkLoad` (the key map, the writer's thread, the bulk load); roadmaps are
/// in `ImportSession+Roadmap.swift`.
public final class ImportSession {
    public let db: Database
    /// The schools by code: the database's, and those written in this session.
    private let schoolIDs = BytesMap()
    private var staffByID: [String: Int64]?
    private var staffByName: [String: [(id: Int64, schoolID: Int64)]]?
    /// `staffBulkLoad.writes` when the caches of staff above were read.
    private var staffWritesRead = 0
    private var courseByCode: [String: Int64] = [:]
    private var coursesByTitle: [String: [(id: Int64, provider: String)]]?
    private var campaignIDs: [String: Int64] = [:]
    private var upserts: [String: Upsert] = [:]
    /// Staff by folded full name and by surname with initials, for a roadmap's «Ответственные».
    var staffNameIndex: [String: [Int64]]?
    /// Columns the file being imported does not have: updates keep their stored values (new
    /// rows get none, or the kind's default). Applies to every kind but roadmaps.
    private(set) var keptColumns: Set<String> = [] {
        didSet { staffBulkLoad.keptColumns = keptColumns }
    }
    /// The staff writer: the map of person keys, the writer's thread and the bulk load.
    @_spi(StaffBulkLoad) public let staffBulkLoad: StaffBulkLoad

    /// Before the first row: the import's column keys the file lacks. Keys are the tables'
    /// column names but for dates and one score; `status` stands for a school's statuses and
    /// `deficits` for the deficits of a diagnostic or an observation.
    public func keepStoredValues(absent keys: Set<String>) {
        let columns = ["start": "start_date", "end": "end_date", "psych_score": "psychological_score"]
        keptColumns = Set(keys.map { columns[$0] ?? $0 })
    }

    /// Position titles' kinds: the built-in list under the department's corrections, read once
    /// per import.
    public let positions: PositionClassifier

    init(db: Database) throws {
        self.db = db
        positions = try NastavnikDatabase.positionClassifier(db)
        staffBulkLoad = StaffBulkLoad(db: db, schoolIDs: schoolIDs)
        // A region's tens of thousands of schools, read on every import: GRDB rows of them took
        // a few hundredths of a second.
        try Bind.forEachRow(db.makeStatement(sql: "SELECT code, id FROM school")) { row in
            schoolIDs.set(Bind.columnText(row, 0), BytesMap.Entry(id: sqlite3_column_int64(row, 1), line: 0))
        }
        for row in try Row.fetchAll(db, sql: "SELECT code, id FROM course WHERE code IS NOT NULL") {
            courseByCode[row[0]] = row[1]
        }
    }

    /// Writes one row of `spec`'s table: the key's values, then the others, in the spec's order.
    /// The statement is prepared once per session.
    @discardableResult
    func upsert(_ spec: UpsertSpec, _ values: [SQLValue]) throws -> (outcome: UpsertOutcome, id: Int64?) {
        let statement: Upsert
        if let prepared = upserts[spec.table] {
            statement = prepared
        } else {
            statement = try Upsert(
                db, table: spec.table, columns: spec.key + spec.values, conflict: spec.key,
                keep: spec.keepsAbsentColumns ? keptColumns : [], returningID: spec.returningID)
            upserts[spec.table] = statement
        }
        return try statement.run(values)
    }

    private static func joined(_ list: [String]) -> String { StaffRowRules.subjectsText(list) }

    // MARK: Schools

    /// The id of the school with this code, if it exists (in the database or earlier in this session).
    public func schoolID(code: String) -> Int64? { schoolIDs[code]?.id }

    public func upsertSchool(_ school: School) throws -> UpsertOutcome {
        var (outcome, id) = try upsert(
            .school,
            [
                .text(school.code), .text(school.name), SQLValue(school.municipality), SQLValue(school.kind),
                SQLValue(school.internshipSite), SQLValue(school.students), SQLValue(school.latitude),
                SQLValue(school.longitude), SQLValue(school.address), SQLValue(school.head),
            ])
        let schoolID: Int64
        if let id {
            schoolID = id
        } else {
            schoolID = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE code = ?", arguments: [school.code])!
        }
        schoolIDs.set(school.code, BytesMap.Entry(id: schoolID, line: 0))
        // A file without statuses keeps the stored ones: nothing to read or write.
        guard !keptColumns.contains("status") else { return outcome }
        let existing = Set(
            try String.fetchAll(
                db, sql: "SELECT status FROM school_status WHERE school_id = ? AND source = 'official'",
                arguments: [schoolID]))
        let wanted = Set(school.statuses.map(\.rawValue))
        if existing != wanted {
            try db.execute(
                sql: "DELETE FROM school_status WHERE school_id = ? AND source = 'official'", arguments: [schoolID])
            for status in wanted.sorted() {
                try db.execute(
                    sql: "INSERT INTO school_status (school_id, status, source) VALUES (?, ?, 'official')",
                    arguments: [schoolID, status])
            }
            if outcome == .unchanged { outcome = .changed }
        }
        return outcome
    }

    // MARK: Staff

    /// People stored with a personnel number: by folded name and birth date, and by folded
    /// name and school, for all of them and for those without a birth date.
    private var numbered:
        (byBirth: [String: [String]], bySchool: [String: [String]], bySchoolUndated: [String: [String]])?

    /// The personnel number of the one stored person a row without one describes: the same
    /// name and birth date (or a stored person of that name at that school with no birth
    /// date), or, when the row has no birth date, the same name and school. A file without
    /// personnel numbers then updates that person instead of adding a second copy of them.
    public func storedStaffID(fullName: String, birthDate: LocalDate?, schoolID: Int64) throws -> String? {
        if numbered == nil {
            // The writer's thread may be using the connection: it finishes first.
            staffBulkLoad.drain()
            var byBirth: [String: [String]] = [:]
            var bySchool: [String: [String]] = [:]
            var bySchoolUndated: [String: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT staff_id, full_name, birth_date, school_id FROM staff WHERE staff_id IS NOT NULL")
            {
                let id: String = row[0]
                let name = CellValue.fold(row[1])
                let school = name + "|" + String(row[3] as Int64)
                if let birth: String = row[2] {
                    byBirth[name + "|" + birth, default: []].append(id)
                } else {
                    bySchoolUndated[school, default: []].append(id)
                }
                bySchool[school, default: []].append(id)
            }
            numbered = (byBirth, bySchool, bySchoolUndated)
        }
        // No one stored with a number (a first load of a file without them): nothing to fold.
        if numbered!.bySchool.isEmpty { return nil }
        let name = CellValue.fold(fullName)
        let school = name + "|" + String(schoolID)
        let found =
            birthDate.map { numbered!.byBirth[name + "|" + $0.iso] ?? numbered!.bySchoolUndated[school] }
            ?? numbered!.bySchool[school]
        guard let found, found.count == 1 else { return nil }
        return found[0]
    }

    /// Writes a staff member; `.duplicate` when this import already wrote the same person.
    ///
    /// With background writes started, the row is only planned here and written on the
    /// writer's thread: an insert reports `.written(.added)`, an update `.pending`; `fields`
    /// are the row's cells, for the rejects file should the database refuse it.
    ///
    /// `key` is the stored person's key when the row was matched to them by another natural key
    /// (СНИЛС); by default the member's own `personKey`.
    public func writeStaff(
        _ member: StaffMember, key: String? = nil, schoolID: Int64, line: Int, fields: [String] = []
    ) throws -> KeyedWrite.Result {
        try staffBulkLoad.write(
            member, key: key ?? member.personKey, kind: positions.classify(member.position).kind, schoolID: schoolID,
            line: line, fields: fields)
    }

    /// Who holds each stored СНИЛС: their key and how a message names them (personnel number,
    /// else name and school). Read once per import of a file with СНИЛС.
    public func storedSNILSHolders() throws -> [SNILS: SNILSHolder] {
        // The writer's thread may be using the connection: it finishes first.
        staffBulkLoad.drain()
        var holders: [SNILS: SNILSHolder] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT st.snils, st.person_key, coalesce(st.staff_id, st.full_name || ' (' || s.code || ')')
                FROM staff st JOIN school s ON s.id = st.school_id WHERE st.snils IS NOT NULL
                """)
        {
            guard let snils = try? SNILS.parse(row[0] as String).get() else { continue }
            holders[snils] = SNILSHolder(personKey: row[1], display: row[2])
        }
        return holders
    }

    /// Whether staff rows go to the background writer (`startBackgroundWrites()`).
    public var writesInBackground: Bool { staffBulkLoad.writesInBackground }

    /// From now on, staff rows are written on a second thread while this one reads and checks
    /// the next rows: the two halves of a large import overlap on two cores. Until
    /// `finishBackgroundWrites()`, this thread must not use the database.
    public func startBackgroundWrites() { staffBulkLoad.startBackgroundWrites() }

    /// Waits for the writer to write everything; returns how many planned updates changed a
    /// row and which rows the database refused. Safe to call more than once.
    public func finishBackgroundWrites() -> BackgroundWriter.Outcome { staffBulkLoad.finishBackgroundWrites() }

    /// Prepares for a large file: when it may add more rows than the table has, the table's
    /// indexes are dropped, so rows are appended without keeping B-trees in order, and built
    /// again by `endBulk()` in one sorted pass. Both happen inside the import's transaction.
    ///
    /// `estimatedRows` errs high (by 1.4 on generated staff rows), so a file no more than
    /// twice the table's size is taken for a re-import of the same people, whose unchanged
    /// rows touch no index: rebuilding them would be a fifth of its time for nothing.
    public func beginBulk(table: String, estimatedRows: Int) throws {
        guard try StaffBulkLoad.isBulk(db, table: table, estimatedRows: estimatedRows) else { return }
        try staffBulkLoad.begin(table: table, estimatedRows: estimatedRows)
    }

    /// Builds again the indexes `beginBulk` dropped; a unique index that no longer holds fails.
    /// Records the rows the load appended as one audit entry.
    public func endBulk() throws { try staffBulkLoad.end() }

    /// Drops the caches of staff when staff rows were written since they were read: names and
    /// numbers looked up earlier may now name someone else.
    private func refreshStaffCaches() {
        guard staffWritesRead != staffBulkLoad.writes else { return }
        staffWritesRead = staffBulkLoad.writes
        staffByID = nil
        staffByName = nil
    }

    /// The rows of `sql` by the folded text of their first column (`CellValue.fold`), each made
    /// into a value by `value`.
    private func byFoldedText<Value>(_ sql: String, _ value: (Row) -> Value) throws -> [String: [Value]] {
        var map: [String: [Value]] = [:]
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            map[CellValue.fold(row[0]), default: []].append(value(row))
        }
        return map
    }

    /// Finds the one staff member a reference names.
    public func resolve(_ reference: StaffReference) throws -> Result<Int64, ReferenceError> {
        refreshStaffCaches()
        switch reference {
        case .staffID(let staffID):
            if staffByID == nil {
                var map: [String: Int64] = [:]
                let cursor = try Row.fetchCursor(db, sql: "SELECT staff_id, id FROM staff WHERE staff_id IS NOT NULL")
                while let row = try cursor.next() {
                    map[row[0]] = row[1]
                }
                staffByID = map
            }
            if let id = staffByID?[staffID] { return .success(id) }
            return .failure(ReferenceError("нет работника с табельным номером «\(staffID)»"))
        case .name(let name, let schoolCode):
            if staffByName == nil {
                staffByName = try byFoldedText("SELECT full_name, id, school_id FROM staff") {
                    (id: $0[1], schoolID: $0[2])
                }
            }
            var matches = staffByName?[CellValue.fold(name)] ?? []
            if let schoolCode {
                guard let schoolID = schoolID(code: schoolCode) else {
                    return .failure(ReferenceError("нет школы с кодом «\(schoolCode)»"))
                }
                matches = matches.filter { $0.schoolID == schoolID }
            }
            switch matches.count {
            case 1: return .success(matches[0].id)
            case 0:
                let place = schoolCode.map { " в школе \($0)" } ?? ""
                return .failure(ReferenceError("работник «\(name)»\(place) не найден"))
            default:
                let place = schoolCode.map { " в школе \($0)" } ?? ""
                return .failure(
                    ReferenceError(
                        "имя «\(name)»\(place) неоднозначно: так зовут \(matches.count) работников; укажите табельный номер"
                    ))
            }
        }
    }

    // MARK: Diagnostics

    public func upsertDiagnostic(_ entry: DiagnosticEntry, staffID: Int64) throws -> UpsertOutcome {
        var entry = entry
        entry.instrument = try stored(entry.instrument, table: "diagnostic_campaign", column: "instrument")
        let campaignKey = entry.date.iso + "|" + entry.instrument
        let campaignID: Int64
        if let id = campaignIDs[campaignKey] {
            campaignID = id
        } else {
            try db.execute(
                sql: "INSERT INTO diagnostic_campaign (date, instrument) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [entry.date.iso, entry.instrument])
            campaignID = try Int64.fetchOne(
                db, sql: "SELECT id FROM diagnostic_campaign WHERE date = ? AND instrument = ?",
                arguments: [entry.date.iso, entry.instrument])!
            campaignIDs[campaignKey] = campaignID
        }
        var (outcome, id) = try upsert(
            .diagnostic,
            [
                .integer(campaignID), .integer(staffID), SQLValue(entry.consent), SQLValue(entry.scores[.subject]),
                SQLValue(entry.scores[.methodological]), SQLValue(entry.scores[.psychological]),
                SQLValue(entry.scores[.communicative]),
            ])
        let resultID =
            try id ?? Int64.fetchOne(
                db, sql: "SELECT id FROM diagnostic_result WHERE campaign_id = ? AND staff_id = ?",
                arguments: [campaignID, staffID])!
        guard !keptColumns.contains("deficits") else { return outcome }
        let existing = Set(
            try String.fetchAll(
                db, sql: "SELECT topic FROM deficit WHERE diagnostic_result_id = ?",
                arguments: [resultID]))
        let wanted = Set(entry.deficits)
        if existing != wanted {
            try db.execute(sql: "DELETE FROM deficit WHERE diagnostic_result_id = ?", arguments: [resultID])
            for topic in wanted.sorted() {
                try db.execute(
                    sql: "INSERT INTO deficit (staff_id, topic, diagnostic_result_id) VALUES (?, ?, ?)",
                    arguments: [staffID, topic, resultID])
            }
            if outcome == .unchanged { outcome = .changed }
        }
        return outcome
    }

    // MARK: Observations

    public func upsertObservation(_ entry: ObservationEntry, staffID: Int64) throws -> UpsertOutcome {
        let scores = try String(
            decoding: JSONSerialization.data(withJSONObject: entry.scores, options: [.sortedKeys]), as: UTF8.self)
        var (outcome, id) = try upsert(
            .observation,
            [
                .integer(staffID), .text(entry.date.iso), .text(entry.observer), SQLValue(entry.observerRole),
                SQLValue(entry.className),
                SQLValue(entry.subject), SQLValue(entry.focus), .text(scores), SQLValue(entry.note),
            ])
        let observationID =
            try id ?? Int64.fetchOne(
                db, sql: "SELECT id FROM lesson_observation WHERE staff_id = ? AND date = ? AND observer = ?",
                arguments: [staffID, entry.date.iso, entry.observer])!
        guard !keptColumns.contains("deficits") else { return outcome }
        let existing = Set(
            try String.fetchAll(
                db, sql: "SELECT topic FROM deficit WHERE observation_id = ?", arguments: [observationID]))
        if existing != Set(entry.deficits) {
            try db.execute(sql: "DELETE FROM deficit WHERE observation_id = ?", arguments: [observationID])
            for topic in entry.deficits {
                try db.execute(
                    sql: "INSERT INTO deficit (staff_id, topic, observation_id) VALUES (?, ?, ?)",
                    arguments: [staffID, topic, observationID])
            }
            if outcome == .unchanged { outcome = .changed }
        }
        return outcome
    }

    // MARK: Courses and training

    public func upsertCourse(_ course: Course) throws -> UpsertOutcome {
        let (outcome, id) = try upsert(
            .course,
            [
                .text(course.courseKey), SQLValue(course.code), .text(course.title), .text(course.provider),
                .real(course.hours), SQLValue(course.format), .text(Self.joined(course.topics)),
                .text(Self.joined(course.subjects)), SQLValue(course.start?.iso), SQLValue(course.end?.iso),
                SQLValue(course.seats), SQLValue(course.external),
            ])
        if let code = course.code, let id { courseByCode[code] = id }
        coursesByTitle = nil
        return outcome
    }

    /// Finds a catalogue course by code, else by title (and provider, where titles repeat).
    public func resolveCourse(_ value: String, provider: String?) throws -> Result<Int64, ReferenceError>? {
        if let id = courseByCode[value] { return .success(id) }
        if coursesByTitle == nil {
            coursesByTitle = try byFoldedText("SELECT title, id, provider FROM course") { (id: $0[1], provider: $0[2]) }
        }
        var matches = coursesByTitle?[CellValue.fold(value)] ?? []
        if matches.count > 1, let provider {
            matches = matches.filter { CellValue.fold($0.provider) == CellValue.fold(provider) }
        }
        switch matches.count {
        case 0: return nil
        case 1: return .success(matches[0].id)
        default:
            return .failure(
                ReferenceError(
                    "программа «\(value)» есть в каталоге у \(matches.count) организаторов; укажите код программы или организатора"
                ))
        }
    }

    /// Adds a course taken outside the catalogue, marked external, and returns its id.
    public func addExternalCourse(code: String?, title: String, provider: String, hours: Double) throws -> Int64 {
        let course = Course(code: code, title: title, provider: provider, hours: hours, external: true)
        _ = try upsertCourse(course)
        coursesByTitle = nil
        return try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE course_key = ?", arguments: [course.courseKey])!
    }

    public func upsertTraining(_ entry: TrainingEntry, staffID: Int64, courseID: Int64) throws -> UpsertOutcome {
        let key = "\(staffID)|\(courseID)|\(entry.start?.iso ?? entry.end?.iso ?? "")"
        return try upsert(
            .training,
            [
                .text(key), .integer(staffID), .integer(courseID), SQLValue(entry.hours), SQLValue(entry.start?.iso),
                SQLValue(entry.end?.iso), .text(entry.status.rawValue), SQLValue(entry.certificate),
            ]
        ).outcome
    }

    // MARK: Certificates (ФИС ФРДО)

    /// The staff row with this СНИЛС.
    public func staffRowID(snils: SNILS) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM staff WHERE snils = ?", arguments: [snils.formatted])
    }

    /// The staff rows (not erased) of a full name, folded as imports fold it, and a birth date.
    public func staffRowIDs(fullName: String, birthDate: LocalDate) throws -> [Int64] {
        let folded = CellValue.fold(fullName)
        return try Row.fetchAll(
            db, sql: "SELECT id, full_name FROM staff WHERE birth_date = ? AND forgotten_at IS NULL",
            arguments: [birthDate.iso]
        )
        .filter { CellValue.fold($0["full_name"] as String) == folded }.map { $0["id"] }
    }

    /// The course of this title (folded) and these hours, else a new external course of them
    /// with `provider`; its id.
    public func course(title: String, hours: Double, provider: String) throws -> Int64 {
        if let id = try courseID(title: title, hours: hours) { return id }
        return try addExternalCourse(code: nil, title: title, provider: provider, hours: hours)
    }

    /// Records a certificate of a finished course as `training complete` does
    /// (`NastavnikDatabase.recordCompletion`): the training is completed on `issued`, and the
    /// open plan items for the course close.
    public func recordCertificate(staffRowID: Int64, courseID: Int64, certificate: String, issued: LocalDate) throws
        -> UpsertOutcome
    {
        let course = try Row.fetchOne(
            db, sql: "SELECT start_date, topics FROM course WHERE id = ?", arguments: [courseID])
        let before = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM training WHERE staff_id = ?", arguments: [staffRowID])
        let (changed, closed) = try NastavnikDatabase.recordCompletion(
            db, staffRowID: staffRowID, courseID: courseID, courseStart: course?["start_date"],
            topics: course?["topics"] ?? "", certificate: certificate, end: issued)
        let after = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM training WHERE staff_id = ?", arguments: [staffRowID])
        if after != before { return .added }
        return changed || closed > 0 ? .changed : .unchanged
    }

    /// Whether the person has a completed training on the course.
    public func hasCompletedTraining(staffRowID: Int64, courseID: Int64) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT count(*) > 0 FROM training WHERE staff_id = ? AND course_id = ? AND status = 'completed'",
            arguments: [staffRowID, courseID]) ?? false
    }

    /// The course of this title (folded) and these hours, if stored.
    public func courseID(title: String, hours: Double) throws -> Int64? {
        let folded = CellValue.fold(title)
        return try Row.fetchAll(db, sql: "SELECT id, title FROM course WHERE hours = ?", arguments: [hours])
            .first(where: { CellValue.fold($0["title"] as String) == folded })
            .map { $0["id"] }
    }

    // MARK: Results and social context

    /// Stored spellings of a text column, by folded form (case, `ё`, spaces).
    private var spellings: [String: [String: String]] = [:]

    /// The value as the database already spells it («Математика» → «математика», «русский  язык»
    /// → «русский язык»), so that a natural key differing only in case or spaces names the same
    /// row, as it does within one file. A new value is kept as written, and later rows follow it.
    /// `same` gives the form two spellings of one value share (by default case, `ё` and spaces
    /// aside).
    func stored(
        _ value: String, table: String, column: String,
        same: (String) -> String = CellValue.fold
    ) throws -> String {
        let name = table + "." + column
        if spellings[name] == nil {
            var known: [String: String] = [:]
            for text in try String.fetchAll(
                db, sql: "SELECT DISTINCT \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY rowid")
            {
                known[same(text)] = known[same(text)] ?? text
            }
            spellings[name] = known
        }
        let folded = same(value)
        if let spelling = spellings[name]?[folded] { return spelling }
        spellings[name]?[folded] = value
        return value
    }

    public func upsertResult(_ result: AssessmentResult, schoolID: Int64) throws -> UpsertOutcome {
        return try upsert(
            .result,
            [
                .integer(schoolID), .integer(Int64(result.year)),
                .text(try stored(result.assessment, table: "assessment_result", column: "assessment")),
                .text(try stored(result.subject, table: "assessment_result", column: "subject")),
                .text(
                    try stored(
                        result.grade, table: "assessment_result", column: "grade",
                        same: { CellValue.fold(AssessmentResult.grade($0)) })),
                SQLValue(result.participants), .real(result.meanScore), SQLValue(result.regionMean),
                SQLValue(result.shareFail), SQLValue(result.shareTop), SQLValue(result.count2),
                SQLValue(result.count3), SQLValue(result.count4), SQLValue(result.count5), SQLValue(result.above70),
            ]
        ).outcome
    }

    public func upsertSocial(_ context: SocialContext, schoolID: Int64) throws -> UpsertOutcome {
        return try upsert(
            .social,
            [
                .integer(schoolID), .integer(Int64(context.year)), SQLValue(context.hardshipShare),
                SQLValue(context.nonNativeShare), SQLValue(context.registeredShare),
                SQLValue(context.higherEdParentShare),
                SQLValue(context.singleParentShare), SQLValue(context.pupils), SQLValue(context.ovzPupils),
                SQLValue(context.ovzAdapted), SQLValue(context.repeaters), SQLValue(context.leavers9),
                SQLValue(context.certificates9), SQLValue(context.leavers11), SQLValue(context.certificates11),
                SQLValue(context.vacancies),
            ]
        ).outcome
    }

    // MARK: Curators and mentoring

    public func upsertCurator(_ pairing: CuratorPairing, schoolID: Int64, curatorSchoolID: Int64) throws
        -> UpsertOutcome
    {
        return try upsert(
            .curator,
            [
                .integer(schoolID), .integer(curatorSchoolID), SQLValue(pairing.curatorName),
                SQLValue(pairing.coordinator),
                SQLValue(pairing.since?.iso), SQLValue(pairing.orderRef),
            ]
        ).outcome
    }

    public func upsertMentorship(_ entry: MentorshipEntry, mentorID: Int64, menteeID: Int64) throws -> UpsertOutcome {
        return try upsert(
            .mentorship,
            [
                .integer(mentorID), .integer(menteeID), SQLValue(entry.form), SQLValue(entry.start?.iso),
                SQLValue(entry.end?.iso), SQLValue(entry.goal), SQLValue(entry.consent?.iso),
            ]
        ).outcome
    }

    // MARK: Log

    public func logImport(
        fileName: String, sha256: String, kind: String, added: Int, changed: Int,
        unchanged: Int, warnings: Int, importedBy: String?
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO import_log (file_name, sha256, kind, imported_at, imported_by, added, changed, unchanged, warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                fileName, sha256, kind, ISO8601DateFormatter().string(from: Date()), importedBy,
                added, changed, unchanged, warnings,
            ])
    }
}

extension NastavnikDatabase {
    /// Runs an import in one immediate transaction. It commits only when `body` returns true and
    /// this is not a dry run; anything else, a thrown error included, leaves the file untouched.
    ///
    /// With `checkedInMemory`, SQLite checks neither foreign keys nor CHECK constraints while
    /// the import runs (NOT NULL and unique indexes stay): for files whose every reference the
    /// session resolved from this database, inside this transaction (a staff file's school
    /// codes), and whose every constrained value the mapper validated or made from an
    /// enumeration (a staff row's name, position, kind, experience, category and key), the
    /// checks would find what is already known; on a large staff file they are a good part of
    /// SQLite's work.
    ///
    /// `bulkLoad` names the table a large file appends to and the rows it may add; when that
    /// is a bulk load, the session begins it (see `StaffBulkLoad.begin`) and ends it before
    /// committing, and the transaction writes through a rollback journal, the file back in WAL
    /// mode afterwards.
    public func importTransaction<T>(
        dryRun: Bool, checkedInMemory: Bool = false,
        bulkLoad: (table: String, estimatedRows: Int)? = nil,
        _ body: (ImportSession) throws -> (commit: Bool, value: T)
    ) throws -> T {
        prepareForWrites()
        return try writer.writeWithoutTransaction { db in
            // Only outside a transaction does SQLite let this pragma change.
            if checkedInMemory {
                try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
            }
            defer {
                if checkedInMemory {
                    try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF")
                }
            }
            // A load that appends more rows than the table holds goes through a rollback journal
            // (`StaffBulkLoad.leaveWAL`). Decided before the transaction, as the journal must be:
            // should another writer add rows meanwhile, dropping and rebuilding the indexes is
            // only slower, never wrong.
            let isBulk =
                try bulkLoad.map { try StaffBulkLoad.isBulk(db, table: $0.table, estimatedRows: $0.estimatedRows) }
                ?? false
            let leftWAL = isBulk && !dryRun && path != nil && StaffBulkLoad.leaveWAL(db)
            defer { if leftWAL { StaffBulkLoad.returnToWAL(db) } }
            // A large import touches every page of the staff indexes; a bigger page cache
            // keeps them in memory instead of spilling to the WAL and reading back.
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
            var value: T?
            try db.inTransaction(.immediate) {
                let session = try ImportSession(db: db)
                if isBulk, let bulkLoad {
                    try session.staffBulkLoad.begin(table: bulkLoad.table, estimatedRows: bulkLoad.estimatedRows)
                }
                // An import made for someone (the web's upload) is theirs in the audit log, bulk entries too.
                let result =
                    try actingAs.map { actor in try AuditLog.acting(as: actor, db) { try body(session) } }
                    ?? body(session)
                value = result.value
                // The indexes a bulk load dropped are built again before anything commits. A dry
                // run rolls back: its file's keys were already checked for repeats in memory.
                if result.commit && !dryRun { try session.endBulk() }
                return result.commit && !dryRun ? .commit : .rollback
            }
            return value!
        }
    }
}
