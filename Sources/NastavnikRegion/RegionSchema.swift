/// The regional database's schema: its migrations, applied in order and recorded in
/// `nastavnik.region_migration`, never edited after they land (a change is a new migration).
/// Each migration is a list of statements, as PostgreSQL's extended protocol takes one at a time.
public enum RegionSchema {
    /// A migration: its name and its statements.
    public struct Migration: Sendable {
        public var name: String
        public var statements: [String]
    }

    /// The schema's version: how many migrations a current regional database has. A push names
    /// it in its batch; a municipality's program older or newer than the region's is told so.
    public static var version: Int { migrations.count }

    /// Before any migration: the schema and the list of applied migrations.
    static let bootstrap = [
        "CREATE SCHEMA IF NOT EXISTS nastavnik",
        """
        CREATE TABLE IF NOT EXISTS nastavnik.region_migration (
            name text PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """,
    ]

    /// Every migration, oldest first.
    public static let migrations: [Migration] = [
        r1Snapshot, r2NoMunicipalityChecks, r3BytewiseKeys, r4NeedCarriesNames, r5NeedsByYearAndLink,
        r6PartitionsByMunicipality,
    ]

    /// r1: municipalities, their batches, the region's settings (the key of the СНИЛС links,
    /// made once, random), and one table per `RegionTable` with the bookkeeping columns.
    static let r1Snapshot = Migration(
        name: "r1-snapshot",
        statements: [
            """
            CREATE TABLE nastavnik.municipality (
                id uuid PRIMARY KEY,
                oktmo text NOT NULL UNIQUE,
                name text NOT NULL,
                state_sha text,
                last_batch text,
                last_push_at timestamptz,
                as_of date
            )
            """,
            """
            CREATE TABLE nastavnik.batch (
                id text PRIMARY KEY,
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                previous text,
                schema_version integer NOT NULL,
                sha256 text NOT NULL,
                as_of date NOT NULL,
                personal_data boolean NOT NULL,
                pushed_at timestamptz NOT NULL DEFAULT now(),
                added bigint NOT NULL,
                changed bigint NOT NULL,
                deleted bigint NOT NULL,
                unchanged bigint NOT NULL,
                counts jsonb NOT NULL
            )
            """,
            """
            CREATE INDEX batch_municipality ON nastavnik.batch(municipality_id, pushed_at)
            """,
            """
            CREATE TABLE nastavnik.region_setting (
                key text PRIMARY KEY,
                value text NOT NULL
            )
            """,
            """
            INSERT INTO nastavnik.region_setting (key, value) VALUES ('link.key', encode(sha256(gen_random_uuid()::text::bytea || clock_timestamp()::text::bytea || random()::text::bytea), 'hex'))
            """,
            """
            CREATE TABLE nastavnik.school (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                name text,
                kind text,
                statuses text,
                municipality_name text,
                students integer,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.person (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                link text,
                full_name text,
                snils text,
                birth_date date,
                school_code text,
                position text,
                position_kind text,
                counted boolean,
                teaching_since date,
                last_training_end date,
                training_due date,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.course (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                code text,
                title text,
                provider text,
                hours numeric,
                topics text,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.training (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                person_key text,
                course_key text,
                status text,
                start_date date,
                end_date date,
                hours numeric,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.diagnostic (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                person_key text,
                date date,
                instrument text,
                subject_score numeric,
                subject_threshold numeric,
                methodological_score numeric,
                methodological_threshold numeric,
                psychological_score numeric,
                psychological_threshold numeric,
                communicative_score numeric,
                communicative_threshold numeric,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.deficit (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                person_key text,
                topic text,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.event (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                kind text,
                title text,
                topic text,
                date date,
                host_school_code text,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.participant (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                event_key text,
                person_key text,
                attended boolean,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.pairing (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                school_code text,
                curator_school_code text,
                curator_municipality text,
                curator_name text,
                since date,
                until date,
                order_ref text,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.indicator (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                code text,
                title text,
                unit text,
                year integer,
                school_code text,
                baseline numeric,
                target numeric,
                actual numeric,
                on_track boolean,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE TABLE nastavnik.need (
                municipality_id uuid NOT NULL REFERENCES nastavnik.municipality(id),
                key text NOT NULL,
                year integer,
                person_key text,
                school_code text,
                reason text,
                due boolean,
                course_key text,
                course_code text,
                course_title text,
                provider text,
                hours numeric,
                topics text,
                row_hash text NOT NULL,
                batch_id text NOT NULL,
                deleted_at timestamptz,
                PRIMARY KEY (municipality_id, key)
            )
            """,
            """
            CREATE INDEX person_link ON nastavnik.person(link) WHERE link IS NOT NULL
            """,
            """
            CREATE INDEX training_person ON nastavnik.training(municipality_id, person_key)
            """,
            """
            CREATE INDEX need_year ON nastavnik.need(year)
            """,
        ])

    /// r2: the snapshot tables lose their foreign keys to `municipality`. A push registers its
    /// municipality's row in the same transaction, under the municipality's lock, before a row is
    /// merged, and no statement deletes a municipality, so the check could never fail; its per-row
    /// trigger was 40 % of the merge (1.56 s of 3.9 s for 100,000 trainings, BENCHMARKS.md, «Issue 22»).
    static let r2NoMunicipalityChecks = Migration(
        name: "r2-no-municipality-checks",
        statements: RegionTable.all.map {
            "ALTER TABLE nastavnik.\($0.name) DROP CONSTRAINT IF EXISTS \($0.name)_municipality_id_fkey"
        })

    /// r3: the keys compared byte by byte (`COLLATE "C"`), whatever the database's locale: a key
    /// is an identifier, never sorted for a reader, and a locale's comparison (`ru_RU.UTF-8`, even
    /// `C.UTF-8`) makes every insert into the primary key and every merge's join slower. The index
    /// of trainings by person goes: no regional query reads trainings by person, and each push
    /// paid for it (100,000 rows a municipality).
    static let r3BytewiseKeys = Migration(
        name: "r3-bytewise-keys",
        statements: RegionTable.all.map {
            "ALTER TABLE nastavnik.\($0.name) ALTER COLUMN key TYPE text COLLATE \"C\""
        } + ["DROP INDEX IF EXISTS nastavnik.training_person"])

    /// r4: a need carries its person's link and name and its school's name, as the municipality
    /// sent them in the same snapshot, so that the region's order reads one table: its joins with
    /// the 1.1 M people and the schools were 3.6 s of the order's 5.9 s on the server
    /// (BENCHMARKS.md, «Session 17»). The needs pushed before are filled from the people and
    /// schools they name; the next push of their municipality sends the columns itself.
    static let r4NeedCarriesNames = Migration(
        name: "r4-need-carries-names",
        statements: [
            "ALTER TABLE nastavnik.need ADD COLUMN link text, ADD COLUMN full_name text, ADD COLUMN school_name text",
            """
            UPDATE nastavnik.need n SET link = p.link, full_name = p.full_name FROM nastavnik.person p
            WHERE p.municipality_id = n.municipality_id AND p.key = n.person_key AND p.deleted_at IS NULL
            """,
            """
            UPDATE nastavnik.need n SET school_name = s.name FROM nastavnik.school s
            WHERE s.municipality_id = n.municipality_id AND s.key = n.school_code AND s.deleted_at IS NULL
            """,
        ])

    /// r5: the needs indexed by year and link (byte by byte), in place of the index by year alone,
    /// which the new one's first column serves as well. The region's order reads each range of
    /// links on its own connection: with the index a part reads its own third of the year's needs
    /// (one part of the bench region's 2027 on the server: 750 ms without, 480 ms with).
    static let r5NeedsByYearAndLink = Migration(
        name: "r5-needs-by-year-and-link",
        statements: [
            "CREATE INDEX need_year_link ON nastavnik.need(year, link COLLATE \"C\")",
            "DROP INDEX IF EXISTS nastavnik.need_year",
        ])

    /// r6: every snapshot table partitioned by municipality (`PARTITION BY LIST (municipality_id)`,
    /// a partition `<table>_m<the municipality's id in hex>` each). A municipality's first push
    /// loads a table of its own, which has no index yet, and attaches it: its keys are then
    /// sorted into an index once, where every row inserted into the region's one index cost a
    /// descent of it and its own WAL record. The region's tables in `psql`, one municipality of
    /// the bench (156,658 rows), three runs: 548–836 ms loaded this way against 894–1,405 ms
    /// copied into the indexed tables (BENCHMARKS.md, «Session 19»). A municipality's later pushes,
    /// the report and the order read the parent tables as before. The rows already held move
    /// into their municipalities' partitions.
    static let r6PartitionsByMunicipality = Migration(
        name: "r6-partitions-by-municipality",
        statements: [
            "ALTER TABLE nastavnik.school RENAME TO school_r5",
            "ALTER TABLE nastavnik.school_r5 DROP CONSTRAINT school_pkey",
            "ALTER TABLE nastavnik.person RENAME TO person_r5",
            "ALTER TABLE nastavnik.person_r5 DROP CONSTRAINT person_pkey",
            "ALTER TABLE nastavnik.course RENAME TO course_r5",
            "ALTER TABLE nastavnik.course_r5 DROP CONSTRAINT course_pkey",
            "ALTER TABLE nastavnik.training RENAME TO training_r5",
            "ALTER TABLE nastavnik.training_r5 DROP CONSTRAINT training_pkey",
            "ALTER TABLE nastavnik.diagnostic RENAME TO diagnostic_r5",
            "ALTER TABLE nastavnik.diagnostic_r5 DROP CONSTRAINT diagnostic_pkey",
            "ALTER TABLE nastavnik.deficit RENAME TO deficit_r5",
            "ALTER TABLE nastavnik.deficit_r5 DROP CONSTRAINT deficit_pkey",
            "ALTER TABLE nastavnik.event RENAME TO event_r5",
            "ALTER TABLE nastavnik.event_r5 DROP CONSTRAINT event_pkey",
            "ALTER TABLE nastavnik.participant RENAME TO participant_r5",
            "ALTER TABLE nastavnik.participant_r5 DROP CONSTRAINT participant_pkey",
            "ALTER TABLE nastavnik.pairing RENAME TO pairing_r5",
            "ALTER TABLE nastavnik.pairing_r5 DROP CONSTRAINT pairing_pkey",
            "ALTER TABLE nastavnik.indicator RENAME TO indicator_r5",
            "ALTER TABLE nastavnik.indicator_r5 DROP CONSTRAINT indicator_pkey",
            "ALTER TABLE nastavnik.need RENAME TO need_r5",
            "ALTER TABLE nastavnik.need_r5 DROP CONSTRAINT need_pkey",
            "DROP INDEX nastavnik.person_link",
            "DROP INDEX nastavnik.need_year_link",
            "CREATE TABLE nastavnik.school (LIKE nastavnik.school_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.school ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.person (LIKE nastavnik.person_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.person ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.course (LIKE nastavnik.course_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.course ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.training (LIKE nastavnik.training_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.training ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.diagnostic (LIKE nastavnik.diagnostic_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.diagnostic ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.deficit (LIKE nastavnik.deficit_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.deficit ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.event (LIKE nastavnik.event_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.event ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.participant (LIKE nastavnik.participant_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.participant ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.pairing (LIKE nastavnik.pairing_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.pairing ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.indicator (LIKE nastavnik.indicator_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.indicator ADD PRIMARY KEY (municipality_id, key)",
            "CREATE TABLE nastavnik.need (LIKE nastavnik.need_r5) PARTITION BY LIST (municipality_id)",
            "ALTER TABLE nastavnik.need ADD PRIMARY KEY (municipality_id, key)",
            "CREATE INDEX person_link ON nastavnik.person(link) WHERE link IS NOT NULL",
            "CREATE INDEX need_year_link ON nastavnik.need(year, link COLLATE \"C\")",
            """
            DO $$
            DECLARE
                t text;
                m uuid;
            BEGIN
                FOREACH t IN ARRAY ARRAY['school', 'person', 'course', 'training', 'diagnostic', 'deficit', 'event', 'participant', 'pairing', 'indicator', 'need'] LOOP
                    FOR m IN EXECUTE format(
                        'SELECT id FROM nastavnik.municipality UNION SELECT municipality_id FROM nastavnik.%I', t || '_r5')
                    LOOP
                        EXECUTE format('CREATE TABLE nastavnik.%I PARTITION OF nastavnik.%I FOR VALUES IN (%L)',
                            t || '_m' || replace(m::text, '-', ''), t, m);
                    END LOOP;
                    EXECUTE format('INSERT INTO nastavnik.%I SELECT * FROM nastavnik.%I', t, t || '_r5');
                    EXECUTE format('DROP TABLE nastavnik.%I', t || '_r5');
                END LOOP;
            END
            $$
            """,
        ])
}
