import GRDB
import NastavnikCore

/// The schema's migrations. Each lands once and is never edited afterwards: a later change is a
/// new migration, so that every municipality's database upgrades the same way.
enum Schema {
    /// Whether a table, from its `CREATE TABLE` statement in `sqlite_master`, is a WITHOUT
    /// ROWID table (its rows have no rowid to find them by).
    static func isWithoutRowID(_ createSQL: String) -> Bool {
        createSQL.uppercased().contains("WITHOUT ROWID")
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-domain") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-staff-by-school") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3-audit") { db in
            try db.execute(sql: v3)
        }
        // GRDB runs it with foreign keys off and checks them all at its end, as SQLite's way of
        // changing a table (make the new one, copy, drop, rename) requires.
        migrator.registerMigration("v4-half-yearly-terms") { db in
            try db.execute(sql: v4)
        }
        // Runs with foreign keys off, as v4 (the staff table is made again with its ids).
        migrator.registerMigration("v5-position-kinds") { db in
            try migrateV5(db)
        }
        // As v4: foreign keys off during the migration, checked at its end.
        migrator.registerMigration("v7-classification") { db in
            try db.execute(sql: v7Classification)
        }
        migrator.registerMigration("v8-retire-unused-indicator-tables") { db in
            try db.execute(sql: v8RetireIndicatorTables)
        }
        migrator.registerMigration("v9-staff-snils") { db in
            try db.execute(sql: v9StaffSNILS)
        }
        migrator.registerMigration("v10-accounts") { db in
            try db.execute(sql: v10Accounts)
        }
        migrator.registerMigration("v11-audit-school-status") { db in
            try db.execute(sql: v11AuditSchoolStatus)
        }
        migrator.registerMigration("v12-staff-search") { db in
            try db.execute(sql: v12StaffSearch)
        }
        migrator.registerMigration("v13-curator-pairing-by-curator") { db in
            try db.execute(sql: v13CuratorPairingByCurator)
        }
        migrator.registerMigration("v14-staff-search-word-count") { db in
            try db.execute(sql: v14StaffSearchWordCount)
        }
        migrator.registerMigration("v15-staff-search-words") { db in
            try db.execute(sql: v15StaffSearchWords)
        }
        migrator.registerMigration("v16-audit-record-version") { db in
            try db.execute(sql: v16AuditRecordVersion)
        }
        migrator.registerMigration("v17-evidence-files") { db in
            try db.execute(sql: v17EvidenceFiles)
        }
        migrator.registerMigration("v20-plan-edits-mentoring-consent") { db in
            try db.execute(sql: v20PlanEditsMentoringConsent)
        }
        migrator.registerMigration("v21-indicators") { db in
            try db.execute(sql: v21Indicators)
        }
        migrator.registerMigration("v22-risk-profiles") { db in
            try db.execute(sql: v22RiskProfiles)
        }
        migrator.registerMigration("v23-risk-programmes") { db in
            try db.execute(sql: v23RiskProgrammes)
        }
        migrator.registerMigration("v24-social-vacancies") { db in
            try db.execute(sql: v24SocialVacancies)
        }
        migrator.registerMigration("v25-municipality") { db in
            try db.execute(sql: v25Municipality)
        }
        migrator.registerMigration("v26-region-push") { db in
            try db.execute(sql: v26RegionPush)
        }
        migrator.registerMigration("v27-data-change") { db in
            try v27DataChange(db)
        }
    }

    /// Every migration this program knows, in order: the one migrator that opening, `doctor`,
    /// the restore's check and the tests use.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        register(in: &migrator)
        return migrator
    }

    /// v5: position kinds after the номенклатура (pedagogical, leading, other) instead of
    /// teacher/leader/specialist, read again from every stored title; the categories
    /// «педагог-методист» and «педагог-наставник»; the date of appointment to the post
    /// (`post_since`); a stated experience in years becomes the start of pedagogical work, so
    /// that it ages; a department's corrections of title kinds (`position_kind_override`).
    static func migrateV5(_ db: Database) throws {
        db.add(
            function: DatabaseFunction("nastavnik_v5_position_kind", argumentCount: 1, pure: true) { values in
                guard let title = String.fromDatabaseValue(values[0]) else { return nil }
                return PositionKind(position: title).rawValue
            })
        // A row that has only «Педстаж, лет» stored: the years were as of the file, whose date
        // is not kept with the row. The latest staff import is taken for it (the row was written
        // or found unchanged then); with no import on record, the day of the upgrade.
        let lastImport = try String.fetchOne(
            db, sql: "SELECT substr(max(imported_at), 1, 10) FROM import_log WHERE kind = 'staff'")
        let asOf = lastImport.flatMap { LocalDate(parsing: $0) } ?? LocalDate.today()
        db.add(
            function: DatabaseFunction("nastavnik_v5_teaching_start", argumentCount: 1, pure: true) { values in
                guard let years = Double.fromDatabaseValue(values[0]) else { return nil }
                return StaffMember.teachingStart(experienceYears: years, asOf: asOf).iso
            })
        try db.execute(sql: v5)
    }

    static let v5 = """
        -- The triggers on training name staff: they are made again once the table is.
        DROP TRIGGER training_after_insert;
        DROP TRIGGER training_after_update;
        DROP TRIGGER training_after_delete;
        DROP TRIGGER course_hours_after_update;

        CREATE TABLE staff_v5 (
            id INTEGER PRIMARY KEY,
            person_key TEXT NOT NULL,
            staff_id TEXT CHECK (staff_id IS NULL OR person_key = 'id:' || staff_id),
            full_name TEXT NOT NULL CHECK (full_name <> ''),
            school_id INTEGER NOT NULL REFERENCES school(id),
            position TEXT NOT NULL CHECK (position <> ''),
            -- постановление Правительства РФ от 21.02.2022 № 225: раздел I, раздел II, and the rest.
            position_kind TEXT NOT NULL CHECK (position_kind = 'pedagogical' OR position_kind = 'leading' OR position_kind = 'other'),
            subjects TEXT NOT NULL DEFAULT '',
            birth_date TEXT,
            teaching_since TEXT,
            -- As a file stated it; `teaching_since` is what the rules read.
            experience_years REAL CHECK (experience_years >= 0),
            category TEXT CHECK (category = 'highest' OR category = 'first' OR category = 'methodist' OR category = 'mentor' OR category = 'fitsPost' OR category = 'none'),
            category_date TEXT,
            email TEXT,
            phone TEXT,
            forgotten_at TEXT,
            last_training_end TEXT,
            -- The date of appointment to the present post at this school (attestation's two-year exemption).
            post_since TEXT
        );
        INSERT INTO staff_v5 (id, person_key, staff_id, full_name, school_id, position, position_kind, subjects, birth_date,
                              teaching_since, experience_years, category, category_date, email, phone, forgotten_at, last_training_end)
            SELECT id, person_key, staff_id, full_name, school_id, position, nastavnik_v5_position_kind(position), subjects, birth_date,
                   coalesce(teaching_since, nastavnik_v5_teaching_start(experience_years)), experience_years, category, category_date,
                   email, phone, forgotten_at, last_training_end
            FROM staff;
        DROP TABLE staff;
        ALTER TABLE staff_v5 RENAME TO staff;
        CREATE UNIQUE INDEX staff_person_key ON staff(person_key);
        -- As v2's, and the start of pedagogical work: the 3-year rule's due day reads it.
        CREATE INDEX staff_by_school ON staff(school_id, full_name, position_kind, staff_id, last_training_end, teaching_since);

        CREATE TRIGGER training_after_insert AFTER INSERT ON training BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = NEW.staff_id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id = NEW.staff_id;
        END;
        CREATE TRIGGER training_after_update AFTER UPDATE ON training BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = staff.id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id = NEW.staff_id OR id = OLD.staff_id;
        END;
        CREATE TRIGGER training_after_delete AFTER DELETE ON training BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = OLD.staff_id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id = OLD.staff_id;
        END;
        CREATE TRIGGER course_hours_after_update AFTER UPDATE OF hours ON course BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = staff.id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id IN (SELECT staff_id FROM training WHERE course_id = NEW.id);
        END;

        -- A department's correction of a title's kind (`staff positions --set`), by the title's
        -- folded form (PositionTitles.key); imports and the re-application read it.
        CREATE TABLE position_kind_override (
            title_key TEXT PRIMARY KEY CHECK (title_key <> ''),
            title TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind = 'pedagogical' OR kind = 'leading' OR kind = 'other')
        ) WITHOUT ROWID;
        """

    // Every personal field of the audit log but the name, which becomes a pseudonym.
    private static let personalPaths =
        (AuditLog.personalFields.filter { $0 != "full_name" && $0 != "name" } + [
            "head", "curator_name", "coordinator", "address",
        ])
        .map { "'$.\($0)'" }.joined(separator: ", ")

    /// An audit entry's JSON values (`old_values` or `new_values`) without personal fields; a
    /// staff member's name becomes their pseudonym, a responsible person's name goes.
    private static func redacted(_ column: String) -> String {
        """
        CASE WHEN json_type(\(column), '$.full_name') = 'text'
                THEN json_set(json_remove(\(column), \(personalPaths)), '$.full_name', nastavnik_pseudonym('name', staff_key))
                WHEN table_name = 'activity_responsible' THEN json_remove(\(column), \(personalPaths), '$.name')
                ELSE json_remove(\(column), \(personalPaths)) END
        """
    }

    /// Views that replace personal data with pseudonyms on a reading connection: each shadows
    /// its table by name. Not a migration: created per connection, never stored.
    static let pseudonymViews = """
        CREATE TEMP VIEW staff AS SELECT id,
            -- Without a personnel number the key is the folded name: it becomes a pseudonym too.
            CASE WHEN person_key LIKE 'id:%' THEN person_key ELSE 'p:' || nastavnik_pseudonym('name', person_key) END AS person_key,
            staff_id,
            CASE WHEN forgotten_at IS NULL THEN nastavnik_pseudonym('name', person_key) ELSE full_name END AS full_name,
            -- The birth date stays for the rules (age, young specialist), so that a pseudonymized
            -- report counts what the plain one does; no command shows it: `staff show` gives an
            -- age band (PersonalData.ageBand), the log drops it.
            school_id, position, position_kind, subjects, birth_date, teaching_since, experience_years, category, category_date, post_since,
            CASE WHEN email IS NULL THEN NULL ELSE nastavnik_pseudonym('email', person_key) END AS email,
            CASE WHEN phone IS NULL THEN NULL ELSE nastavnik_pseudonym('phone', person_key) END AS phone,
            forgotten_at, last_training_end,
            -- СНИЛС identifies a person outright: a pseudonymized reading has none.
            NULL AS snils
        FROM main.staff;
        -- A school's address goes with its head's name (the head is a person).
        CREATE TEMP VIEW school AS SELECT id, code, name, municipality, kind, internship_site, students, latitude, longitude, NULL AS address,
            CASE WHEN head IS NULL THEN NULL ELSE nastavnik_pseudonym('name', 'head:' || head) END AS head, curator_capacity
        FROM main.school;
        CREATE TEMP VIEW curator_pairing AS SELECT id, school_id, curator_school_id,
            CASE WHEN curator_name IS NULL THEN NULL ELSE nastavnik_pseudonym('name', 'curator:' || curator_name) END AS curator_name,
            CASE WHEN coordinator IS NULL THEN NULL ELSE nastavnik_pseudonym('name', 'coordinator:' || coordinator) END AS coordinator,
            since, until, order_ref
        FROM main.curator_pairing;
        -- The log's values lose every personal field (names of staff become their pseudonyms);
        -- the command line, which may hold names and notes, is not shown.
        CREATE TEMP VIEW audit_log AS SELECT id, at, actor, NULL AS command, table_name,
            CASE WHEN table_name = 'staff' AND staff_key NOT LIKE 'id:%' THEN nastavnik_pseudonym('name', staff_key)
                 WHEN table_name = 'activity_responsible' THEN NULL ELSE row_key END AS row_key,
            action,
            \(Self.redacted("old_values")) AS old_values,
            \(Self.redacted("new_values")) AS new_values,
            CASE WHEN staff_key LIKE 'id:%' THEN staff_key END AS staff_key
        FROM main.audit_log;
        -- A roadmap's responsible people (the log drops their names; the lists, the report and
        -- the calendar show pseudonyms), the bodies beside them kept.
        CREATE TEMP VIEW activity AS SELECT id, roadmap_id, direction_id, position, number, text, term, term_flag,
            nastavnik_responsible(responsible) AS responsible, result, evidence, school_id, indicator
        FROM main.activity;
        CREATE TEMP VIEW activity_responsible AS SELECT activity_id, nastavnik_responsible(name) AS name, staff_id
        FROM main.activity_responsible;
        CREATE TEMP VIEW lesson_observation AS SELECT id, staff_id, nastavnik_pseudonym('name', 'observer:' || observer) AS observer,
            observer_role, date, class_name, subject, focus, scores, note
        FROM main.lesson_observation;
        """

    /// The whole domain as the first release knows it. Dates are ISO text (`YYYY-MM-DD`),
    /// timestamps ISO 8601 text in UTC. Enumerations are checked with `=` chains, not
    /// `IN (…)`, which makes SQLite build a temporary index on every insert (measured: the
    /// staff import ran three times slower). Natural keys carry unique indexes: they identify
    /// a record beyond this file, when a region consolidates municipal databases.
    static let v1 = """
        CREATE TABLE school (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (code <> ''),
            name TEXT NOT NULL CHECK (name <> ''),
            municipality TEXT,
            kind TEXT,
            internship_site INTEGER NOT NULL DEFAULT 0 CHECK (internship_site = 0 OR internship_site = 1),
            students INTEGER CHECK (students >= 0),
            latitude REAL CHECK (latitude BETWEEN -90 AND 90),
            longitude REAL CHECK (longitude BETWEEN -180 AND 180),
            address TEXT,
            head TEXT,
            curator_capacity INTEGER CHECK (curator_capacity >= 0)
        );

        -- Official statuses come from the regional lists; proposed ones from `schools classify`.
        CREATE TABLE school_status (
            school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status = 'lowResults' OR status = 'highRisk' OR status = 'moderateRisk' OR status = 'adverseSocial' OR status = 'effective'),
            source TEXT NOT NULL DEFAULT 'official' CHECK (source = 'official' OR source = 'proposed'),
            reason TEXT,
            PRIMARY KEY (school_id, source, status)
        ) WITHOUT ROWID;

        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            -- The identity: 'id:' and the personnel number, else the folded name with the birth
            -- date or school. Being unique, it keeps personnel numbers unique too.
            person_key TEXT NOT NULL,
            staff_id TEXT CHECK (staff_id IS NULL OR person_key = 'id:' || staff_id),
            full_name TEXT NOT NULL CHECK (full_name <> ''),
            school_id INTEGER NOT NULL REFERENCES school(id),
            position TEXT NOT NULL CHECK (position <> ''),
            position_kind TEXT NOT NULL CHECK (position_kind = 'teacher' OR position_kind = 'leader' OR position_kind = 'specialist'),
            subjects TEXT NOT NULL DEFAULT '',
            birth_date TEXT,
            teaching_since TEXT,
            experience_years REAL CHECK (experience_years >= 0),
            category TEXT CHECK (category = 'highest' OR category = 'first' OR category = 'fitsPost' OR category = 'none'),
            category_date TEXT,
            email TEXT,
            phone TEXT,
            forgotten_at TEXT,
            -- The end of the latest completed training of counting hours, kept by the triggers on
            -- `training` below: the 3-year rule over a million people reads one column.
            last_training_end TEXT
        );
        CREATE UNIQUE INDEX staff_person_key ON staff(person_key);
        CREATE INDEX staff_school ON staff(school_id);

        CREATE TABLE diagnostic_campaign (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            instrument TEXT NOT NULL DEFAULT '',
            title TEXT,
            UNIQUE (date, instrument)
        );

        -- Each instrument's competences with their scale and the threshold a teacher should exceed.
        CREATE TABLE competence_threshold (
            instrument TEXT NOT NULL,
            competence TEXT NOT NULL CHECK (competence = 'subject' OR competence = 'methodological' OR competence = 'psychological' OR competence = 'communicative'),
            max_score REAL CHECK (max_score > 0),
            threshold REAL NOT NULL,
            PRIMARY KEY (instrument, competence)
        ) WITHOUT ROWID;

        CREATE TABLE diagnostic_result (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES diagnostic_campaign(id) ON DELETE CASCADE,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            consent INTEGER NOT NULL DEFAULT 1 CHECK (consent = 0 OR consent = 1),
            subject_score REAL,
            methodological_score REAL,
            psychological_score REAL,
            communicative_score REAL,
            UNIQUE (campaign_id, staff_id)
        );
        CREATE INDEX diagnostic_result_staff ON diagnostic_result(staff_id);

        -- Deficits found by a diagnostic or by an observed lesson; topics use one vocabulary.
        CREATE TABLE deficit (
            id INTEGER PRIMARY KEY,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            topic TEXT NOT NULL CHECK (topic <> ''),
            diagnostic_result_id INTEGER REFERENCES diagnostic_result(id) ON DELETE CASCADE,
            observation_id INTEGER REFERENCES lesson_observation(id) ON DELETE CASCADE,
            CHECK ((diagnostic_result_id IS NULL) <> (observation_id IS NULL))
        );
        CREATE UNIQUE INDEX deficit_of_result ON deficit(diagnostic_result_id, topic) WHERE diagnostic_result_id IS NOT NULL;
        CREATE UNIQUE INDEX deficit_of_observation ON deficit(observation_id, topic) WHERE observation_id IS NOT NULL;
        CREATE INDEX deficit_staff ON deficit(staff_id, topic);

        CREATE TABLE lesson_observation (
            id INTEGER PRIMARY KEY,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            observer TEXT NOT NULL,
            observer_role TEXT,
            date TEXT NOT NULL,
            class_name TEXT,
            subject TEXT,
            focus TEXT,
            scores TEXT NOT NULL DEFAULT '{}',
            note TEXT,
            UNIQUE (staff_id, date, observer)
        );

        CREATE TABLE course (
            id INTEGER PRIMARY KEY,
            course_key TEXT NOT NULL UNIQUE,
            code TEXT UNIQUE,
            title TEXT NOT NULL CHECK (title <> ''),
            provider TEXT NOT NULL,
            hours REAL NOT NULL CHECK (hours >= 0),
            format TEXT,
            topics TEXT NOT NULL DEFAULT '',
            subjects TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            seats INTEGER CHECK (seats >= 0),
            external INTEGER NOT NULL DEFAULT 0 CHECK (external = 0 OR external = 1)
        );

        CREATE TABLE training (
            id INTEGER PRIMARY KEY,
            training_key TEXT NOT NULL UNIQUE,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            course_id INTEGER NOT NULL REFERENCES course(id),
            hours REAL CHECK (hours >= 0),
            start_date TEXT,
            end_date TEXT,
            status TEXT NOT NULL CHECK (status = 'applied' OR status = 'studying' OR status = 'completed' OR status = 'notCompleted'),
            certificate TEXT
        );
        CREATE INDEX training_staff ON training(staff_id, status, end_date);
        CREATE INDEX training_course ON training(course_id);
        CREATE INDEX training_completed ON training(status, end_date);

        -- staff.last_training_end: the latest end of a completed training with at least the
        -- minimum hours (setting 'training.minimum_hours', default 16).
        CREATE TRIGGER training_after_insert AFTER INSERT ON training BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = NEW.staff_id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id = NEW.staff_id;
        END;
        CREATE TRIGGER training_after_update AFTER UPDATE ON training BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = staff.id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id = NEW.staff_id OR id = OLD.staff_id;
        END;
        CREATE TRIGGER training_after_delete AFTER DELETE ON training BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = OLD.staff_id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id = OLD.staff_id;
        END;
        CREATE TRIGGER course_hours_after_update AFTER UPDATE OF hours ON course BEGIN
            UPDATE staff SET last_training_end = (
                SELECT max(t.end_date) FROM training t JOIN course c ON c.id = t.course_id
                WHERE t.staff_id = staff.id AND t.status = 'completed'
                  AND coalesce(t.hours, c.hours) >= coalesce((SELECT CAST(value AS REAL) FROM setting WHERE key = 'training.minimum_hours'), 16)
            ) WHERE id IN (SELECT staff_id FROM training WHERE course_id = NEW.id);
        END;

        CREATE TABLE assessment_result (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
            assessment TEXT NOT NULL,
            subject TEXT NOT NULL,
            grade TEXT NOT NULL DEFAULT '',
            participants INTEGER CHECK (participants >= 0),
            mean_score REAL NOT NULL,
            region_mean REAL,
            share_fail REAL CHECK (share_fail BETWEEN 0 AND 100),
            share_top REAL CHECK (share_top BETWEEN 0 AND 100),
            UNIQUE (school_id, year, assessment, subject, grade)
        );

        CREATE TABLE social_context (
            school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
            hardship_share REAL CHECK (hardship_share BETWEEN 0 AND 100),
            non_native_share REAL CHECK (non_native_share BETWEEN 0 AND 100),
            registered_share REAL CHECK (registered_share BETWEEN 0 AND 100),
            higher_ed_parent_share REAL CHECK (higher_ed_parent_share BETWEEN 0 AND 100),
            single_parent_share REAL CHECK (single_parent_share BETWEEN 0 AND 100),
            PRIMARY KEY (school_id, year)
        ) WITHOUT ROWID;

        CREATE TABLE roadmap (
            id INTEGER PRIMARY KEY,
            roadmap_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            school_id INTEGER REFERENCES school(id) ON DELETE CASCADE,
            period_start TEXT,
            period_end TEXT,
            order_ref TEXT,
            source_file TEXT
        );

        CREATE TABLE roadmap_direction (
            id INTEGER PRIMARY KEY,
            roadmap_id INTEGER NOT NULL REFERENCES roadmap(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            UNIQUE (roadmap_id, position)
        );

        CREATE TABLE activity (
            id INTEGER PRIMARY KEY,
            roadmap_id INTEGER NOT NULL REFERENCES roadmap(id) ON DELETE CASCADE,
            direction_id INTEGER REFERENCES roadmap_direction(id) ON DELETE SET NULL,
            position INTEGER NOT NULL,
            number TEXT,
            text TEXT NOT NULL CHECK (text <> ''),
            term TEXT NOT NULL,
            term_flag TEXT CHECK (term_flag = 'continuous' OR term_flag = 'bySchedule' OR term_flag = 'unreadable'),
            responsible TEXT,
            result TEXT,
            evidence TEXT,
            school_id INTEGER REFERENCES school(id) ON DELETE SET NULL,
            UNIQUE (roadmap_id, position)
        );

        -- A responsible name in an activity, linked to a staff member where the name matches.
        CREATE TABLE activity_responsible (
            activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
            PRIMARY KEY (activity_id, name)
        ) WITHOUT ROWID;

        CREATE TABLE activity_occurrence (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
            sequence INTEGER NOT NULL,
            start_date TEXT,
            end_date TEXT,
            recurrence TEXT CHECK (recurrence = 'monthly' OR recurrence = 'quarterly' OR recurrence = 'yearly'),
            deadline INTEGER NOT NULL DEFAULT 0 CHECK (deadline = 0 OR deadline = 1),
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'inProgress' OR status = 'done' OR status = 'overdue' OR status = 'cancelled'),
            UNIQUE (activity_id, sequence)
        );
        CREATE INDEX activity_occurrence_due ON activity_occurrence(end_date);

        CREATE TABLE occurrence_status_change (
            id INTEGER PRIMARY KEY,
            occurrence_id INTEGER NOT NULL REFERENCES activity_occurrence(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status = 'planned' OR status = 'inProgress' OR status = 'done' OR status = 'overdue' OR status = 'cancelled'),
            date TEXT NOT NULL,
            evidence TEXT,
            note TEXT,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT
        );

        CREATE TABLE curator_pairing (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            curator_school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            curator_name TEXT,
            coordinator TEXT,
            since TEXT,
            until TEXT,
            order_ref TEXT,
            CHECK (school_id <> curator_school_id),
            UNIQUE (school_id, curator_school_id)
        );

        CREATE TABLE mentorship (
            id INTEGER PRIMARY KEY,
            mentor_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            mentee_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            form TEXT,
            start_date TEXT,
            end_date TEXT,
            goal TEXT,
            consent_date TEXT,
            CHECK (mentor_id <> mentee_id),
            UNIQUE (mentor_id, mentee_id)
        );

        CREATE TABLE mentoring_meeting (
            id INTEGER PRIMARY KEY,
            mentorship_id INTEGER NOT NULL REFERENCES mentorship(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            note TEXT
        );

        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind = 'seminar' OR kind = 'masterClass' OR kind = 'roundTable' OR kind = 'openLesson' OR kind = 'visit' OR kind = 'webinar' OR kind = 'internship' OR kind = 'consultation' OR kind = 'methodAssociation'),
            title TEXT NOT NULL,
            topic TEXT,
            date TEXT NOT NULL,
            start_time TEXT,
            duration_minutes INTEGER CHECK (duration_minutes > 0),
            host_school_id INTEGER REFERENCES school(id) ON DELETE SET NULL,
            capacity INTEGER CHECK (capacity > 0),
            audience TEXT,
            activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL
        );
        CREATE INDEX event_date ON event(date);

        CREATE TABLE event_presenter (
            event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, staff_id)
        ) WITHOUT ROWID;

        CREATE TABLE event_participant (
            event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            attended INTEGER CHECK (attended = 0 OR attended = 1),
            PRIMARY KEY (event_id, staff_id)
        ) WITHOUT ROWID;
        CREATE INDEX event_participant_staff ON event_participant(staff_id);

        CREATE TABLE development_plan (
            id INTEGER PRIMARY KEY,
            staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
            school_year TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            created_at TEXT NOT NULL,
            superseded_by INTEGER REFERENCES development_plan(id),
            UNIQUE (staff_id, school_year, version)
        );

        CREATE TABLE plan_item (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES development_plan(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind = 'course' OR kind = 'seminar' OR kind = 'mentoring' OR kind = 'openLesson' OR kind = 'selfStudy'),
            topic TEXT,
            description TEXT NOT NULL,
            course_id INTEGER REFERENCES course(id) ON DELETE SET NULL,
            event_id INTEGER REFERENCES event(id) ON DELETE SET NULL,
            mentorship_id INTEGER REFERENCES mentorship(id) ON DELETE SET NULL,
            deadline TEXT,
            expected_result TEXT,
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'inProgress' OR status = 'done' OR status = 'cancelled' OR status = 'carriedOver'),
            evidence TEXT,
            closed_at TEXT,
            UNIQUE (plan_id, position)
        );

        CREATE TABLE indicator (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '%',
            target REAL,
            source TEXT
        );

        CREATE TABLE indicator_value (
            indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
            school_id INTEGER REFERENCES school(id) ON DELETE CASCADE,
            as_of TEXT NOT NULL,
            value REAL NOT NULL
        );
        CREATE UNIQUE INDEX indicator_value_key ON indicator_value(indicator_id, ifnull(school_id, 0), as_of);

        -- Settings a department may change: the minimum hours that count as training, …
        CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- '*' is the default for every instrument (the Заиграевский thresholds).
        INSERT INTO competence_threshold (instrument, competence, max_score, threshold) VALUES
            ('*', 'subject', NULL, 10), ('*', 'methodological', NULL, 20);

        CREATE TABLE import_log (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            warnings INTEGER NOT NULL DEFAULT 0
        );
        """

    // Lists of staff come ordered by school and name: with this index a million people are
    // read in that order instead of sorted, and it still finds a school's staff. It also
    // carries what the 3-year rule reads, so the status of a country never touches the table.
    static let v2 = """
        DROP INDEX staff_school;
        CREATE INDEX staff_by_school ON staff(school_id, full_name, position_kind, staff_id, last_training_end);
        """

    // Who changed what: every insert, update and delete made through Nastavnik, with the old
    // and new values as JSON objects. The triggers that write it are TEMP triggers of the
    // writing connection (see Audit.swift), so they know the user and the command; changes
    // made outside Nastavnik (the sqlite3 shell) are not recorded.
    static let v3 = """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            command TEXT,
            table_name TEXT NOT NULL,
            row_key TEXT,
            action TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete' OR action = 'bulk-insert' OR action = 'restore'),
            old_values TEXT,
            new_values TEXT,
            -- The person concerned (staff.person_key), for `audit --staff`.
            staff_key TEXT
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        CREATE INDEX audit_log_staff ON audit_log(staff_key) WHERE staff_key IS NOT NULL;
        """

    // «Раз в полугодие» repeats every six months: the occurrences' CHECK gains 'halfYearly'.
    // SQLite cannot change a CHECK in place; the table is made again with the same rows and ids.
    static let v4 = """
        CREATE TABLE activity_occurrence_v4 (
            id INTEGER PRIMARY KEY,
            activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
            sequence INTEGER NOT NULL,
            start_date TEXT,
            end_date TEXT,
            recurrence TEXT CHECK (recurrence = 'monthly' OR recurrence = 'quarterly' OR recurrence = 'halfYearly' OR recurrence = 'yearly'),
            deadline INTEGER NOT NULL DEFAULT 0 CHECK (deadline = 0 OR deadline = 1),
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'inProgress' OR status = 'done' OR status = 'overdue' OR status = 'cancelled'),
            UNIQUE (activity_id, sequence)
        );
        INSERT INTO activity_occurrence_v4 (id, activity_id, sequence, start_date, end_date, recurrence, deadline, status)
            SELECT id, activity_id, sequence, start_date, end_date, recurrence, deadline, status FROM activity_occurrence;
        DROP TABLE activity_occurrence;
        ALTER TABLE activity_occurrence_v4 RENAME TO activity_occurrence;
        CREATE INDEX activity_occurrence_due ON activity_occurrence(end_date);
        """

    // «Творческие лаборатории» (Ставрополь 2.1, in the 30 % coverage row) become an event kind:
    // the events' CHECK gains 'creativeLab'. The table is made again with the same rows and ids.
    static let v7Classification = """
        CREATE TABLE event_v7 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind = 'seminar' OR kind = 'masterClass' OR kind = 'roundTable' OR kind = 'openLesson' OR kind = 'visit' OR kind = 'webinar' OR kind = 'internship' OR kind = 'consultation' OR kind = 'methodAssociation' OR kind = 'creativeLab'),
            title TEXT NOT NULL,
            topic TEXT,
            date TEXT NOT NULL,
            start_time TEXT,
            duration_minutes INTEGER CHECK (duration_minutes > 0),
            host_school_id INTEGER REFERENCES school(id) ON DELETE SET NULL,
            capacity INTEGER CHECK (capacity > 0),
            audience TEXT,
            activity_id INTEGER REFERENCES activity(id) ON DELETE SET NULL
        );
        INSERT INTO event_v7 (id, kind, title, topic, date, start_time, duration_minutes, host_school_id, capacity, audience, activity_id)
            SELECT id, kind, title, topic, date, start_time, duration_minutes, host_school_id, capacity, audience, activity_id FROM event;
        DROP TABLE event;
        ALTER TABLE event_v7 RENAME TO event;
        CREATE INDEX event_date ON event(date);
        """

    // v1's `indicator` and `indicator_value` were never written nor read: the staff indicators
    // are counted from the staff, trainings and diagnostics (NastavnikCore's `StaffIndicators`).
    // The target indicators (issue #21) need tables of their own shape — a baseline, a target and
    // an actual value per year, a formula or a value entered by hand — so these are dropped
    // rather than kept empty beside them. Dropping the table drops its index too; it is named so
    // that the migration says what it removes.
    static let v8RetireIndicatorTables = """
        DROP INDEX IF EXISTS indicator_value_key;
        DROP TABLE IF EXISTS indicator_value;
        DROP TABLE IF EXISTS indicator;
        """

    // СНИЛС (issue #18): a person's national identity, stored as written, «123-456-789 01»
    // (`SNILS.formatted`). Unique where known: it is a natural key beside `person_key`, by which
    // a file without personnel numbers finds the person, and the key across municipalities.
    // ADD COLUMN leaves every row as it was (NULL), so no table is made again.
    static let v9StaffSNILS = """
        ALTER TABLE staff ADD COLUMN snils TEXT
            CHECK (snils IS NULL OR snils GLOB '[0-9][0-9][0-9]-[0-9][0-9][0-9]-[0-9][0-9][0-9] [0-9][0-9]');
        CREATE UNIQUE INDEX staff_snils ON staff(snils) WHERE snils IS NOT NULL;
        """

    /// v10: the web interface's accounts (issue 19) and their sessions. A school's account names
    /// its school; the password is kept as a bcrypt hash only; a session is found by the
    /// SHA-256 of its random token, so the file holds no token a browser could present.
    static let v10Accounts = """
        CREATE TABLE user (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE CHECK (login <> ''),
            full_name TEXT NOT NULL CHECK (full_name <> ''),
            role TEXT NOT NULL CHECK (role IN ('admin', 'specialist', 'methodologist', 'viewer', 'school')),
            school_id INTEGER REFERENCES school(id) ON DELETE RESTRICT,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
            locked_until TEXT,
            created_at TEXT NOT NULL,
            CHECK ((role = 'school') = (school_id IS NOT NULL))
        );
        CREATE TABLE web_session (
            id TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX web_session_user ON web_session(user_id);
        """

    /// v11: a school's page replays the history of its statuses from the audit log (the
    /// schema keeps only the statuses in force). A partial index finds a school's entries
    /// without reading the log, which holds a row per imported training on a country's
    /// database; other tables' entries are not indexed and cost their inserts nothing.
    static let v11AuditSchoolStatus = """
        CREATE INDEX audit_log_school_status ON audit_log(row_key, id) WHERE table_name = 'school_status';
        """

    /// v13: a school's card lists the schools it curates; the pairing's unique key begins with
    /// the curated school, so without this index the curating side reads every pairing.
    static let v13CuratorPairingByCurator = """
        CREATE INDEX curator_pairing_curator ON curator_pairing(curator_school_id);
        """

    /// v14: how many people have each word of a name, so that a search learns how many a word's
    /// beginning selects from a few rows instead of counting up to 20,000 entries of
    /// `staff_search_word` (most of a common surname's search on a country's file). The copy is
    /// made again by the next page (its stamp is forgotten) so that the counts are filled.
    static let v14StaffSearchWordCount = """
        CREATE TABLE staff_search_word_count (
            word TEXT PRIMARY KEY,
            people INTEGER NOT NULL
        ) WITHOUT ROWID;
        DELETE FROM staff_search_state;
        """

    /// v15: each person's name words in the copy, folded, each after a space (« иванов иван»), so
    /// that a word beginning too many names to be read from the index is tested in SQL on the
    /// row the page walks anyway (`instr`), not by a function on the name read from `staff`. The
    /// copy is made again by the next page. NULL for an erased person.
    static let v15StaffSearchWords = """
        ALTER TABLE staff_search ADD COLUMN words TEXT;
        DELETE FROM staff_search_state;
        """

    /// v16: a record's latest audit entry found by its table and key (`RecordVersion`), which
    /// the web's forms carry as the version they were opened on (issue 20, «Два человека сразу»).
    static let v16AuditRecordVersion = """
        CREATE INDEX audit_log_record ON audit_log(table_name, row_key, id);
        """

    /// v17: the evidence files of roadmap marks (issue 20: «stored in the database so a backup
    /// holds it»): the bytes as a BLOB beside their name, the content type their content showed
    /// (`EvidenceFileRule`), size and SHA-256, and who attached them when. A file belongs to a
    /// term and, when attached with a mark, to that status change; it goes with either.
    static let v17EvidenceFiles = """
        CREATE TABLE evidence_file (
            id INTEGER PRIMARY KEY,
            occurrence_id INTEGER NOT NULL REFERENCES activity_occurrence(id) ON DELETE CASCADE,
            status_change_id INTEGER REFERENCES occurrence_status_change(id) ON DELETE CASCADE,
            file_name TEXT NOT NULL CHECK (file_name <> ''),
            content_type TEXT NOT NULL CHECK (content_type <> ''),
            size INTEGER NOT NULL CHECK (size > 0),
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            content BLOB NOT NULL CHECK (length(content) = size),
            recorded_at TEXT NOT NULL,
            recorded_by TEXT
        );
        CREATE INDEX evidence_file_occurrence ON evidence_file(occurrence_id);
        CREATE INDEX evidence_file_status_change ON evidence_file(status_change_id);
        """

    /// v20 (issue 20, the web's plan and mentoring forms): a plan's count of edits by hand, so
    /// that removing an item changes the plan's own row and with it the plan's version
    /// (`RecordVersion`); the mentee's consent beside the mentor's, why a pair ended, and a
    /// meeting's topic.
    static let v20PlanEditsMentoringConsent = """
        ALTER TABLE development_plan ADD COLUMN edits INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE mentorship ADD COLUMN mentee_consent_date TEXT;
        ALTER TABLE mentorship ADD COLUMN end_reason TEXT;
        ALTER TABLE mentoring_meeting ADD COLUMN topic TEXT;
        """

    /// v22 (issue 21): the «500+» risk profile, a level per school, year and factor (1–10,
    /// ФИОКО's order, `RiskFactor`), with where it came from (`RiskSource`), the figures that
    /// led to a confirmed proposal (a JSON array of sentences), a note, and who recorded it when
    /// (the audit log keeps every change besides).
    static let v22RiskProfiles = """
        CREATE TABLE risk_profile (
            id INTEGER PRIMARY KEY,
            school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
            year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2200),
            factor INTEGER NOT NULL CHECK (factor BETWEEN 1 AND 10),
            level TEXT NOT NULL CHECK (level = 'high' OR level = 'medium' OR level = 'low'),
            source TEXT NOT NULL CHECK (source = 'imported' OR source = 'confirmed' OR source = 'manual'),
            reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
            note TEXT,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT,
            UNIQUE (school_id, year, factor)
        );
        CREATE INDEX risk_profile_year ON risk_profile(year, factor);
        """

    /// v12: the staff page's search tables (issue 19), a copy of what the page filters and
    /// orders by, made again from `staff` by the first search after the data changed
    /// (`NastavnikDatabase.refreshStaffSearch`). No index is added to `staff`: a bulk staff load
    /// rebuilds every index of that table, and an index by name cost it +27 % (the reverted
    /// `staffpage` branch). Nothing here refers to other tables by foreign key: the copy is
    /// derived, and the audit log skips it (`AuditLog.skipped`).
    static let v12StaffSearch = """
        -- What the copy was made from: the stamp of the data (`NastavnikDatabase.staffSearchStamp`),
        -- the people in it, and the latest end of a completed training then (the page's 3-year
        -- test reads the kept term when no training ends after the page's date, as `training status`).
        CREATE TABLE staff_search_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            stamp TEXT NOT NULL,
            people INTEGER NOT NULL,
            latest_training_end TEXT
        );
        -- One row a person; `ord` is their place in the order by school code and full name, so
        -- a page is a range of it and a school's staff a contiguous run.
        CREATE TABLE staff_search (
            ord INTEGER PRIMARY KEY,
            staff_row INTEGER NOT NULL,
            school_id INTEGER NOT NULL,
            -- The place in the order by full name, then school code.
            name_ord INTEGER NOT NULL,
            position_kind TEXT NOT NULL,
            -- `TrainingRule.dueBy` of the kept last counting training; NULL for other staff or when
            -- neither a training nor the start of work is known.
            due_by TEXT,
            -- `EarlyCareerRule.firstDayNotApplying` for pedagogical workers; NULL: never.
            early_until TEXT
        );
        CREATE UNIQUE INDEX staff_search_row ON staff_search(staff_row);
        CREATE UNIQUE INDEX staff_search_by_name ON staff_search(name_ord);
        CREATE INDEX staff_search_early ON staff_search(early_until) WHERE early_until IS NOT NULL;
        -- Every word of every name (`StaffSearch.words`), for a search by any word's beginning.
        CREATE TABLE staff_search_word (
            word TEXT NOT NULL,
            ord INTEGER NOT NULL,
            PRIMARY KEY (word, ord)
        ) WITHOUT ROWID;
        -- The deficit topics (folded) of each person's latest diagnostic.
        CREATE TABLE staff_search_deficit (
            topic TEXT NOT NULL,
            ord INTEGER NOT NULL,
            PRIMARY KEY (topic, ord)
        ) WITHOUT ROWID;
        -- Each school's run of `ord`.
        CREATE TABLE staff_search_school (
            school_id INTEGER PRIMARY KEY,
            first_ord INTEGER NOT NULL,
            last_ord INTEGER NOT NULL
        );
        -- People by kind and term: the count of the overdue on any day is a sum over a few
        -- thousand rows, not a pass over a million people.
        CREATE TABLE staff_search_due (
            position_kind TEXT NOT NULL,
            due_by TEXT,
            people INTEGER NOT NULL
        );
        CREATE INDEX staff_search_due_by ON staff_search_due(position_kind, due_by);
        """
}
