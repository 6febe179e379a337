import Foundation
import NastavnikCore
import NastavnikRegion
import NastavnikReports
import NastavnikStore

extension NastavnikApp {
    /// Creates the regional schema or brings it up to date (`nastavnik region init`); the
    /// migrations applied now. The region's own use cases need no municipal database: they are
    /// the type's, not an instance's.
    public static func regionInit(_ url: RegionURL) async throws -> [String] {
        try await RegionDatabase(url: url).initialize()
    }

    /// Sends this municipality's data to the region as one batch (`nastavnik region push`), and
    /// records the push only after the region's receipt: an answer lost on the way leaves no
    /// record, and the next push is the same batch, which the region answers with its stored
    /// receipt. Names, birth dates and СНИЛС go only with `personalData`; otherwise the people
    /// are the pseudonyms `--pseudonymize` shows, linked across municipalities by the region's
    /// keyed hash of their СНИЛС.
    public func regionPush(
        _ url: RegionURL, asOf date: LocalDate, personalData: Bool, dryRun: Bool = false, now: Date = Date(),
        progress: @Sendable @escaping (RegionDatabase.PushStage) async throws -> Void = { _ in }
    ) async throws -> RegionReceipt {
        guard let identity = try database.municipality() else {
            throw AppError(
                "У этой базы не задана идентичность муниципалитета: выполните «nastavnik municipality set --oktmo КОД --name НАИМЕНОВАНИЕ»."
            )
        }
        guard let municipalityID = UUID(uuidString: identity.id) else {
            throw AppError("UUID базы «\(identity.id)» повреждён.")
        }
        let region = url.description
        let last = try database.lastRegionPush(region: region)
        // The pseudonyms' secret is made on its first use, a write: made before the version is read.
        _ = try database.pseudonymSecret()
        // Read before the snapshot: a change made while it is built makes the next push build it again.
        let version = try database.dataVersion() + "|\(Self.snapshotFormat)|\(date.iso)|\(personalData)"
        let unchanged = last.flatMap { last in
            last.stateSHA.flatMap { sha in
                last.dataVersion == version
                    ? RegionDatabase.UnchangedState(
                        municipality: municipalityID, sha256: sha, asOf: date.iso, personalData: personalData) : nil
            }
        }
        // Likely answered without a snapshot (nothing changed since): the record is soon written.
        if unchanged != nil, !dryRun { database.prepareForWrites() }
        let app = self
        let snapshot = RegionSnapshot(
            municipalityID: municipalityID, oktmo: identity.oktmo, name: identity.name, asOf: date.iso,
            personalData: personalData)
        let receipt = try await RegionDatabase(url: url).push(
            snapshot, previousBatch: last?.batch, unchangedSince: unchanged, dryRun: dryRun, progress: progress
        ) { linkKey, sink in
            try await app.regionSnapshotTables(linkKey: linkKey, asOf: date, personalData: personalData, sink: sink)
            // The push's one write (its record, below) is near, and the reading is over: a database
            // opened with `.beforeFirstWrite` installs its audit triggers while the region loads.
            // A dry run writes nothing.
            if !dryRun { app.database.prepareForWrites() }
        }
        if !dryRun {
            try database.recordRegionPush(
                RegionPushRecord(
                    region: region, batch: receipt.batch,
                    pushedAt: ISO8601DateFormatter().string(from: receipt.pushedAt ?? now), asOf: date.iso,
                    personalData: personalData, added: receipt.added, changed: receipt.changed,
                    deleted: receipt.deleted, unchanged: receipt.unchanged, stateSHA: receipt.sha256,
                    dataVersion: version))
        }
        return receipt
    }

    /// The form of the snapshot `regionSnapshotTables` makes: raise it whenever the same data would make
    /// other rows, so that a push after the upgrade builds the snapshot again instead of trusting
    /// the unchanged data version.
    /// 2: the needs carry their person's link and name and their school's name (migration r4).
    static let snapshotFormat = 2

    /// The pushes the regions acknowledged, latest first.
    public func regionPushes() async throws -> [RegionPushRecord] { try database.regionPushes() }

    /// The municipality's snapshot for the region on `date`, each table written to `sink` as it is
    /// read (the trainings, schools, people and courses while the training orders are still being
    /// planned).
    ///
    /// People are keyed by their personnel number (`id:…`); one without it by «p:» and their
    /// pseudonym, so that no name is a key. A person's 3-year due day is `TrainingRule.dueBy` of
    /// the rule in force (273-ФЗ, ст. 47, ч. 5, п. 2); the need for training is the municipal
    /// training order's candidates for this year and the next two (`TrainingOrderPlanner`); the
    /// indicators are `indicatorReport` of every year that has a baseline, a target or a value.
    public func regionSnapshotTables(
        linkKey: String, asOf date: LocalDate, personalData: Bool, sink: RegionSnapshot.Sink
    ) async throws {
        // The training orders of three years and the indicators are computed beside the rows: each
        // reads the database on its own, and a full-size municipality's orders take a core for a
        // fraction of a second. The needs' lines are made there too, once the people are read.
        let app = self
        let (people, peopleIn) = AsyncStream.makeStream(of: NeedPeople.self)
        async let indicators = BlockingWork.run { try sink.pieces(.indicator, try app.regionIndicatorRows(asOf: date)) }
        async let needs: [RegionSnapshot.Piece] = {
            let assignments = try await BlockingWork.run { try app.regionNeedAssignments(asOf: date) }
            var known: NeedPeople?
            // The people come once, as soon as they are read (or the stream ends without them).
            for await read in people {
                known = read
                break
            }
            guard let known else { throw CancellationError() }
            return try await BlockingWork.run {
                try sink.pieces(
                    .need,
                    Self.regionNeedRows(assignments, schoolNames: known.schoolNames) { known.byRowID[$0] })
            }
        }()
        let secret = try database.pseudonymSecret()
        let rule = TrainingRule(try database.settings())
        let database = self.database
        try await BlockingWork.run {
            defer { peopleIn.finish() }
            try Self.writeRegionRows(
                database, secret: secret, rule: rule, linkKey: linkKey, personalData: personalData, sink: sink
            ) { peopleIn.yield($0) }
        }
        sink.send(.indicator, try await indicators)
        sink.send(.need, try await needs)
    }

    /// The people as the needs name them, by the staff row's id, and the schools' names by code.
    struct NeedPeople: Sendable {
        var byRowID: [Int64: NeedPerson] = [:]
        var schoolNames: [String: String] = [:]
    }

    /// Reads the municipality's rows (`regionRows`) and writes them as the region's tables; hands
    /// the people and the schools' names the needs are joined to to `read` as soon as they are read.
    static func writeRegionRows(
        _ database: NastavnikDatabase, secret: String, rule: TrainingRule, linkKey: String, personalData: Bool,
        sink: RegionSnapshot.Sink, people read: (NeedPeople) -> Void
    ) throws {
        var keys: [String: String] = [:]
        var people = NeedPeople()
        let pseudonyms = HexDigest.KeyedHMAC(key: Array(secret.utf8))
        let links = HexDigest.KeyedHMAC(key: Array(linkKey.utf8))
        func key(_ personKey: String) -> String {
            if let known = keys[personKey] { return known }
            let made =
                personKey.hasPrefix("id:")
                ? personKey : "p:" + NastavnikDatabase.pseudonym(of: personKey, keyed: pseudonyms).dropFirst(9)
            keys[personKey] = made
            return made
        }
        var trainings = RegionTrainingLines(writer: sink.writer(.training, uniqueKeys: true))
        var trainingsEnded = false
        func training(_ row: RegionTrainingRow) throws { try trainings.write(row, personKey: key) }
        func table(_ part: RegionRows) throws {
            // The other tables come after the trainings: the trainings end before the first of them.
            if !trainingsEnded {
                trainings.writer.finish()
                trainingsEnded = true
            }
            switch part {
            case .schools(let rows):
                for school in rows { if let code = school[0] { people.schoolNames[code] = school[1] } }
                try sink(.school, rows)
            case .persons(let persons):
                var writer = sink.writer(.person)
                for p in persons {
                    // The СНИЛС's 11 digits (ASCII: `Character.isNumber`, which also takes other
                    // scripts' digits, was a tenth of the people's time).
                    let digits = p.snils.map {
                        String(decoding: $0.utf8.filter { (0x30...0x39).contains($0) }, as: UTF8.self)
                    }
                    .flatMap { $0.count == 11 ? $0 : nil }
                    let link = digits.map { String(links.hex("snils:" + $0).prefix(32)) }
                    let due = rule.dueBy(
                        lastTrainingEnd: p.lastTrainingEnd.flatMap { LocalDate(iso: $0.utf8) },
                        teachingSince: p.teachingSince.flatMap { LocalDate(iso: $0.utf8) })
                    let counted = PositionKind(rawValue: p.positionKind).map(StaffPopulation.counts) ?? false
                    let name =
                        personalData && !p.forgotten
                        ? p.fullName : NastavnikDatabase.pseudonym(of: p.personKey, keyed: pseudonyms)
                    let personKey = key(p.personKey)
                    people.byRowID[p.rowID] = NeedPerson(key: personKey, link: link, name: name)
                    try writer.row([
                        personKey, link, name, personalData ? p.snils : nil, personalData ? p.birthDate : nil,
                        p.schoolCode, p.position, p.positionKind, counted ? "t" : "f", p.teachingSince,
                        p.lastTrainingEnd, due?.iso,
                    ])
                }
                writer.finish()
                read(people)
            case .courses(let rows):
                try sink(.course, rows)
            case .diagnostics(let rows):
                try sink(.diagnostic, rows.map { d in [d[0].map(key)] + [d[0].map(key)] + d.dropFirst() })
            case .deficits(let rows):
                try sink(.deficit, rows.map { d in ["\(key(d[0] ?? ""))|\(d[1] ?? "")", d[0].map(key), d[1]] })
            case .events(let rows):
                try sink(.event, rows)
            case .participants(let rows):
                try sink(
                    .participant, rows.map { p in ["\(p[0] ?? "")|\(key(p[1] ?? ""))", p[0], p[1].map(key), p[2]] })
            case .pairings(let rows):
                try sink(
                    .pairing,
                    rows.map { p in
                        let curator = p[3].map {
                            personalData ? $0 : NastavnikDatabase.pseudonym(of: "curator:" + $0, keyed: pseudonyms)
                        }
                        return ["\(p[0] ?? "")|\(p[1] ?? "")", p[0], p[1], p[2], curator, p[4], p[5], p[6]]
                    })
            }
        }
        try database.regionRows(trainings: training, table)
        if !trainingsEnded { trainings.writer.finish() }
    }

    /// Every indicator line of every year with data, the municipality's own with an empty school:
    /// `indicatorReport` of each year, from one read of the records and of every year's inputs
    /// (as the dynamics are read). It blocks its thread: a push runs it with `BlockingWork`.
    func regionIndicatorRows(asOf date: LocalDate) throws -> [[String?]] {
        let records = try database.indicatorRecords()
        var years = Set(records.baselines.map(\.year) + records.targets.map(\.year) + records.actuals.map(\.year))
        if let latest = try latestIndicatorYear(upTo: date.year) { years.insert(latest) }
        guard !years.isEmpty else { return [] }
        let inputs = try indicatorInputs(years: years.sorted())
        var rows: [[String?]] = []
        for year in years.sorted() {
            for line in IndicatorReportLine.report(year: year, records: records, inputs: inputs) {
                let school = line.schoolCode ?? ""
                rows.append([
                    "\(line.indicator.code)|\(year)|\(school)", line.indicator.code, line.indicator.name,
                    line.indicator.unit, String(year), school, line.baseline.map { Self.number($0.value) },
                    line.target.map(Self.number), line.actual.map(Self.number), line.onTrack.map { $0 ? "t" : "f" },
                ])
            }
        }
        return rows
    }

    /// The training order's candidates of this year and the next two, with the year: as
    /// `trainingOrder(year:asOf:)` places them, from one read of the people and the catalogue.
    func regionNeedAssignments(asOf date: LocalDate) throws -> [(year: Int, assignment: OrderAssignment)] {
        let years = try (date.year...(date.year + 2)).map { year in
            // As `trainingOrder(year:asOf:)` bounds a year.
            guard (2000...2100).contains(year), let first = LocalDate(year: year, month: 1, day: 1),
                let last = LocalDate(year: year, month: 12, day: 31)
            else { throw AppError("Год «\(year)» вне допустимых пределов.") }
            return first...last
        }
        let inputs = try database.trainingOrderInputs(years: years, asOf: date)
        var all: [(year: Int, assignment: OrderAssignment)] = []
        for (year, candidates) in zip(years, inputs.candidates) {
            all += TrainingOrderPlanner(year: year, minimumHours: inputs.rule.minimumHours, asOf: date)
                .assign(candidates, courses: inputs.courses).map { (year.lowerBound.year, $0) }
        }
        return all
    }

    /// A person as a need names them: the key, the СНИЛС link and the name sent for them.
    struct NeedPerson {
        var key: String
        var link: String?
        var name: String
    }

    /// The needs' rows: each candidate of each year, keyed by the year and the person's key, with
    /// the person's link and name and the school's name.
    static func regionNeedRows(
        _ assignments: [(year: Int, assignment: OrderAssignment)], schoolNames: [String: String],
        person: (Int64) -> NeedPerson?
    ) -> [[String?]] {
        assignments.compactMap { year, assignment in
            let c = assignment.candidate
            guard let person = person(c.id) else { return nil }
            let course = assignment.course
            return [
                "\(year)|\(person.key)", String(year), person.key, c.schoolCode, c.reason, c.due ? "t" : "f",
                course.map { $0.code.map { "code:" + $0 } ?? "title:" + $0.title }, course?.code, course?.title,
                course?.provider, course.map { Self.number($0.hours) },
                (course?.topics ?? c.unmetTopics).joined(separator: "; "), person.link, person.name,
                schoolNames[c.schoolCode],
            ]
        }
    }

    // A number in PostgreSQL's text form, as every table of the snapshot writes it.
    static func number(_ value: Double) -> String { RegionTrainingRow.text(of: value) }
}

extension NastavnikApp {
    /// Which municipalities pushed when, with what counts (`nastavnik region status`).
    public static func regionStatus(_ url: RegionURL) async throws -> [RegionMunicipalityStatus] {
        try await RegionDatabase(url: url).status()
    }
}

extension NastavnikApp {
    /// The region's report on `date` (`nastavnik region report`).
    public static func regionReport(_ url: RegionURL, asOf date: LocalDate) async throws -> Report {
        RegionReportBuilder().build(try await RegionDatabase(url: url).figures(asOf: date.iso))
    }

    /// The region's report as a reader of this municipal database may see it: `pseudonymized` (a
    /// viewer under `web.pseudonymize_viewers`), the curators' names are this database's pseudonyms,
    /// whatever the municipalities sent.
    public func regionReport(_ url: RegionURL, asOf date: LocalDate, pseudonymized: Bool) async throws -> Report {
        var figures = try await RegionDatabase(url: url).figures(asOf: date.iso)
        if pseudonymized {
            let secret = try database.pseudonymSecret()
            for i in figures.pairs.indices {
                figures.pairs[i].curatorName = figures.pairs[i].curatorName.map {
                    NastavnikDatabase.pseudonym(of: "curator:" + $0, secret: secret)
                }
            }
        }
        return RegionReportBuilder().build(figures)
    }

    /// The region's training order for `year` (`nastavnik region order`).
    public static func regionOrder(
        _ url: RegionURL, year: Int, grouping: RegionOrderBuilder.Grouping, asOf date: LocalDate
    )
        async throws -> Document
    {
        guard (2000...2100).contains(year) else { throw AppError("Год «\(year)» вне допустимых пределов.") }
        return RegionOrderBuilder(year: year, grouping: grouping, asOf: date)
            .build(try await RegionDatabase(url: url).orderLines(year: year))
    }
}
