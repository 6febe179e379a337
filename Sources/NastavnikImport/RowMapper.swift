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
            case .frdo: CertificateRows.self
            case .risks: RiskRows.self
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
