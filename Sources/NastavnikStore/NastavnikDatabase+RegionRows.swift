import GRDB
import GRDBSQLite

extension NastavnikDatabase {
    /// Everything a municipality sends to the region, read in one transaction so that the tables
    /// agree with each other (issue 22), each table handed over as soon as it is read (so that
    /// the push sends it while the rest is read), the trainings first. Natural keys only: school codes, `person_key`s,
    /// course codes (else their catalogue keys), events by kind, date, time and title.
    ///
    /// The trainings, the largest table, are handed over row by row (`RegionTrainingRow`), in the
    /// order they were recorded.
    public func regionRows(trainings: (RegionTrainingRow) throws -> Void, _ each: (RegionRows) throws -> Void)
        throws
    {
        try reader.read { db in
            // The trainings first: the largest table, whose COPY the server can start on while the
            // rest is read and made. Their people and courses are looked up here, not joined by
            // SQLite: 100,000 trainings took 80 ms joined, 13 ms alone.
            var bytes: [UInt8] = []
            var people: [Int64: Range<Int>] = [:]
            try Bind.forEachRow(try db.makeStatement(sql: "SELECT id, person_key FROM staff")) { row in
                let key = Bind.columnText(row, 1)
                people[sqlite3_column_int64(row, 0)] = bytes.count..<(bytes.count + key.count)
                bytes.append(contentsOf: key)
            }
            var courses: [Int64: (key: Range<Int>, hours: Range<Int>?)] = [:]
            try Bind.forEachRow(
                try db.makeStatement(
                    sql: """
                        SELECT id, CASE WHEN code IS NOT NULL THEN 'code:' || code ELSE 'key:' || course_key END, hours
                        FROM course
                        """)
            ) { row in
                let key = Bind.columnText(row, 1)
                let start = bytes.count
                bytes.append(contentsOf: key)
                let keyRange = start..<bytes.count
                let hours = RegionTrainingRow.withText(row, 2) { text -> Range<Int>? in
                    guard let text else { return nil }
                    let start = bytes.count
                    bytes.append(contentsOf: text)
                    return start..<bytes.count
                }
                courses[sqlite3_column_int64(row, 0)] = (keyRange, hours)
            }
            try bytes.withUnsafeBytes { bytes in
                try Bind.forEachRow(
                    try db.makeStatement(
                        sql: "SELECT staff_id, course_id, status, start_date, end_date, hours FROM training ORDER BY id"
                    )
                ) { row in
                    // As the join would: a training of no person or no course is not read.
                    guard let person = people[sqlite3_column_int64(row, 0)],
                        let course = courses[sqlite3_column_int64(row, 1)]
                    else { return }
                    try trainings(
                        RegionTrainingRow(
                            handle: row, person: UnsafeRawBufferPointer(rebasing: bytes[person]),
                            course: UnsafeRawBufferPointer(rebasing: bytes[course.key]),
                            courseHours: course.hours.map { UnsafeRawBufferPointer(rebasing: bytes[$0]) }))
                }
            }
            try each(
                .schools(
                    try Self.texts(
                        db,
                        """
                        SELECT s.code, s.name, s.kind,
                            (SELECT group_concat(status, ',') FROM (SELECT status FROM school_status
                                WHERE school_id = s.id AND source = 'official' ORDER BY status)),
                            s.municipality, s.students
                        FROM school s
                        """)))
            // Through SQLite's C API, not GRDB's rows: a `Row` of each of 22,000 people and its
            // decoding were 90 ms of a push's reading.
            var persons: [RegionRows.Person] = []
            try Bind.forEachRow(
                try db.makeStatement(
                    sql: """
                        SELECT st.id, st.person_key, st.full_name, st.snils, st.birth_date, sc.code, st.position, st.position_kind,
                            st.teaching_since, st.last_training_end, st.forgotten_at IS NOT NULL
                        FROM staff st JOIN school sc ON sc.id = st.school_id
                        """)
            ) { row in
                persons.append(
                    .init(
                        rowID: sqlite3_column_int64(row, 0), personKey: Self.text(row, 1) ?? "",
                        fullName: Self.text(row, 2) ?? "", snils: Self.text(row, 3), birthDate: Self.text(row, 4),
                        schoolCode: Self.text(row, 5) ?? "", position: Self.text(row, 6) ?? "",
                        positionKind: Self.text(row, 7) ?? "", teachingSince: Self.text(row, 8),
                        lastTrainingEnd: Self.text(row, 9), forgotten: sqlite3_column_int64(row, 10) != 0))
            }
            try each(.persons(persons))
            try each(
                .courses(
                    try Self.texts(
                        db,
                        """
                        SELECT CASE WHEN code IS NOT NULL THEN 'code:' || code ELSE 'key:' || course_key END,
                            code, title, provider, hours, topics
                        FROM course
                        """)))
            // Each person's latest result given with consent, as the staff rules read it
            // (StaffPopulation.countedResults: by campaign date, then campaign). A competence's
            // threshold is its instrument's, else the default of every instrument ('*', as
            // PlanGenerationInputs reads them).
            let latest = """
                WITH latest AS (
                    SELECT r.id, r.staff_id, r.subject_score, r.methodological_score, r.psychological_score,
                        r.communicative_score, dc.date, dc.instrument,
                        row_number() OVER (PARTITION BY r.staff_id ORDER BY dc.date DESC, dc.id DESC) AS n
                    FROM diagnostic_result r JOIN diagnostic_campaign dc ON dc.id = r.campaign_id
                    WHERE r.consent = 1
                )
                """
            try each(
                .diagnostics(
                    try Self.texts(
                        db,
                        latest + """
                            SELECT st.person_key, l.date, l.instrument,
                                l.subject_score, coalesce((SELECT threshold FROM competence_threshold WHERE instrument = l.instrument AND competence = 'subject'), (SELECT threshold FROM competence_threshold WHERE instrument = '*' AND competence = 'subject')),
                                l.methodological_score, coalesce((SELECT threshold FROM competence_threshold WHERE instrument = l.instrument AND competence = 'methodological'), (SELECT threshold FROM competence_threshold WHERE instrument = '*' AND competence = 'methodological')),
                                l.psychological_score, coalesce((SELECT threshold FROM competence_threshold WHERE instrument = l.instrument AND competence = 'psychological'), (SELECT threshold FROM competence_threshold WHERE instrument = '*' AND competence = 'psychological')),
                                l.communicative_score, coalesce((SELECT threshold FROM competence_threshold WHERE instrument = l.instrument AND competence = 'communicative'), (SELECT threshold FROM competence_threshold WHERE instrument = '*' AND competence = 'communicative'))
                            FROM latest l JOIN staff st ON st.id = l.staff_id WHERE l.n = 1
                            """)))
            try each(
                .deficits(
                    try Self.texts(
                        db,
                        latest + """
                            SELECT DISTINCT st.person_key, d.topic
                            FROM latest l JOIN deficit d ON d.diagnostic_result_id = l.id JOIN staff st ON st.id = l.staff_id
                            WHERE l.n = 1
                            """)))
            let eventKey = "e.kind || '|' || e.date || '|' || coalesce(e.start_time, '') || '|' || e.title"
            try each(
                .events(
                    try Self.texts(
                        db,
                        """
                        SELECT \(eventKey), e.kind, e.title, e.topic, e.date, h.code
                        FROM event e LEFT JOIN school h ON h.id = e.host_school_id
                        """)))
            try each(
                .participants(
                    try Self.texts(
                        db,
                        """
                        SELECT \(eventKey), st.person_key,
                            CASE p.attended WHEN 1 THEN 't' WHEN 0 THEN 'f' END
                        FROM event_participant p JOIN event e ON e.id = p.event_id JOIN staff st ON st.id = p.staff_id
                        """)))
            try each(
                .pairings(
                    try Self.texts(
                        db,
                        """
                        SELECT s.code, cs.code, cs.municipality, p.curator_name, p.since, p.until, p.order_ref
                        FROM curator_pairing p JOIN school s ON s.id = p.school_id JOIN school cs ON cs.id = p.curator_school_id
                        """)))
        }
    }

    // A statement's rows with every value as text (`text(_:_:)`).
    private static func texts(_ db: Database, _ sql: String) throws -> [[String?]] {
        let statement = try db.makeStatement(sql: sql)
        let count = Int32(statement.columnCount)
        var out: [[String?]] = []
        try Bind.forEachRow(statement) { row in
            var values: [String?] = []
            values.reserveCapacity(Int(count))
            for i in 0..<count { values.append(text(row, i)) }
            out.append(values)
        }
        return out
    }

    // A column of the current row as text: an integer in SQLite's own text form, a real number
    // as `RegionTrainingRow.text(of:)` writes it, `nil` for NULL (and a blob, which no column of
    // the snapshot holds).
    private static func text(_ row: OpaquePointer, _ column: Int32) -> String? {
        switch sqlite3_column_type(row, column) {
        case SQLITE_NULL, SQLITE_BLOB: nil
        case SQLITE_INTEGER: String(sqlite3_column_int64(row, column))
        case SQLITE_FLOAT: RegionTrainingRow.text(of: sqlite3_column_double(row, column))
        default: String(decoding: Bind.columnText(row, column), as: UTF8.self)
        }
    }
}

extension NastavnikDatabase {
    /// The pseudonyms' secret, made on first use (`NastavnikDatabase.pseudonym(of:secret:)`).
    public func pseudonymSecret() throws -> String {
        // Once made it is read through the pool's own connections: the connection of its own
        // that makes it (and checks the migrations first) cost every push a few milliseconds twice.
        if let made = try reader.read(Self.storedPseudonymSecret) { return made }
        return try Self.pseudonymSecret(path: path ?? ":memory:", busyTimeout: 30)
    }
}
