import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

/// Anti-risk programmes (issue 21): a programme is a school's roadmap linked to a risk factor, so
/// its terms, statuses, evidence, overdue alerts, calendar and report are the roadmap's own.
extension NastavnikApp {
    /// The catalogue of typical measures in `seeds` (`programmes/catalogue.json`), checked.
    public static func programmeCatalogue(seeds: String) throws -> ProgrammeCatalogue {
        let path = ((seeds as NSString).appendingPathComponent("programmes") as NSString)
            .appendingPathComponent("catalogue.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppError("Не найден каталог типовых мер «\(path)».")
        }
        do {
            return try ProgrammeCatalogue.decode(data)
        } catch let error as ProgrammeCatalogue.CatalogueError {
            throw AppError("Каталог «\(path)»: \(error.message)")
        }
    }

    /// School `code`'s programme for `factor` in the school year starting in `schoolYear`, drafted
    /// from `catalogue`; an unknown school is refused.
    public func draftProgramme(
        schoolCode code: String, factor: RiskFactor, schoolYear: Int, catalogue: ProgrammeCatalogue
    ) async throws -> ProgrammeDraft {
        guard let school = try database.schools().first(where: { $0.school.code == code }) else {
            throw AppError("Школа с кодом «\(code)» не найдена.")
        }
        guard let template = catalogue.template(for: factor),
            let draft = ProgrammeDraft(
                template: template, schoolCode: code, schoolName: school.school.name, schoolYear: schoolYear)
        else { throw AppError("В каталоге нет типовой программы по фактору \(factor.rawValue).") }
        return draft
    }

    /// Imports a finished programme (XLSX or CSV): a roadmap file with the programme's columns,
    /// the school and factor from the options or the file, its period the school year
    /// `schoolYear` (else the one its first dated term falls in). All or nothing; a re-import of
    /// the same file changes nothing.
    public func importProgramme(
        path: String, schoolCode: String?, factor: RiskFactor?, schoolYear: ClosedRange<LocalDate>?,
        options: ImportOptions
    ) async throws -> ImportOutcome {
        var options = options
        options.roadmap.schoolCode = schoolCode
        options.roadmap.factor = factor
        options.roadmap.isProgramme = true
        options.roadmap.periodStart = schoolYear?.lowerBound
        options.roadmap.periodEnd = schoolYear?.upperBound
        return try await importFile(kind: .roadmap, path: path, options: options)
    }

    /// The programmes (all, or school `schoolCode`'s) with their measures' progress on `date`.
    public func programmes(schoolCode: String? = nil, asOf date: LocalDate) async throws -> [ProgrammeProgress] {
        let list = try database.programmes(schoolCode: schoolCode)
        let occurrences = list.isEmpty ? [] : try database.occurrences(asOf: date)
        return ProgrammeProgress.of(list, occurrences: occurrences)
    }

    /// The high factors of the schools' latest profiles without an anti-risk programme in force
    /// on `date` (`ProgrammeGap`), of every school or of one.
    public func programmeGaps(schoolCode: String? = nil, asOf date: LocalDate) async throws -> [ProgrammeGap] {
        try programmeGaps(
            profiles: try database.riskProfiles(schoolCode: schoolCode), schoolCode: schoolCode, asOf: date)
    }

    /// The gaps of `profiles` already read (a report reads them once for its matrix and its gaps).
    func programmeGaps(profiles: [RiskProfileLine], schoolCode: String?, asOf date: LocalDate) throws
        -> [ProgrammeGap]
    {
        let levels = profiles.map {
            ProgrammeGap.Level(
                schoolCode: $0.schoolCode, schoolName: $0.schoolName, year: $0.year, factor: $0.factor, level: $0.level)
        }
        let programmes = try database.programmes(schoolCode: schoolCode).map {
            ProgrammeGap.Programme(schoolCode: $0.schoolCode, factor: $0.factor, periodEnd: $0.periodEnd)
        }
        return ProgrammeGap.find(levels: levels, programmes: programmes, asOf: date)
    }

    /// School `code`'s programmes (or its one for `factor`), each with its terms on `date`.
    public func programmeMeasures(schoolCode code: String, factor: RiskFactor?, asOf date: LocalDate) async throws
        -> [(programme: ProgrammeLine, occurrences: [OccurrenceRow])]
    {
        let list = try database.programmes(schoolCode: code).filter { factor == nil || $0.factor == factor }
        return try list.map { programme in
            (programme, try database.occurrences(OccurrenceFilter(roadmap: programme.key), asOf: date))
        }
    }

    /// The monitoring of every programme's measures for `period`, statuses as at its end.
    public func programmeReport(period: ClosedRange<LocalDate>, periodText: String) async throws -> Report {
        let list = try database.programmes()
        let occurrences = try database.occurrences(asOf: period.upperBound.adding(days: 1))
        return ProgrammeReportBuilder.build(list, occurrences: occurrences, period: period, periodText: periodText)
    }

    /// Records a school's development document (the same school, kind and date is updated).
    @discardableResult
    public func recordSchoolDocument(_ document: SchoolDocumentLine) async throws -> UpsertOutcome {
        try database.saveSchoolDocument(document)
    }

    /// The development documents (all, or school `schoolCode`'s).
    public func schoolDocuments(schoolCode: String? = nil) async throws -> [SchoolDocumentLine] {
        try database.schoolDocuments(schoolCode: schoolCode)
    }
}

/// The support linked to the risk factors it addresses (issue 21, `SupportFactors`).
extension NastavnikApp {
    /// School code → the factors of its anti-risk programmes (what its curator's support addresses).
    public func programmeFactorsBySchool() async throws -> [String: [RiskFactor]] {
        Dictionary(grouping: try database.programmes(), by: \.schoolCode).mapValues { $0.map(\.factor).sorted() }
    }

    /// The support school `code` has for `factor`: its active curator pairs (their support
    /// addresses its programmes' factors) and the current plans of its teachers, with the
    /// settings that tell which plan items address which factor.
    public func programmeSupport(schoolCode code: String) async throws -> (
        pairings: [PairingLine], plans: [PlanLine], settings: SettingValues
    ) {
        (
            try await curatorPairings().filter { $0.schoolCode == code },
            try await plans(schoolCode: code).filter(\.current), try database.settings()
        )
    }
}

extension NastavnikApp {
    /// Loads the demo's programmes and documents from `seeds` (`demo/programmes/index.json`);
    /// `.failed` with the first refused file's outcome. Without the index nothing is loaded.
    func loadDemoProgrammes(seeds: String, options: ImportOptions) async throws -> DemoOutcome? {
        let directory = ((seeds as NSString).appendingPathComponent("demo") as NSString)
            .appendingPathComponent("programmes")
        let indexPath = (directory as NSString).appendingPathComponent("index.json")
        guard let data = FileManager.default.contents(atPath: indexPath) else { return nil }
        let index = try JSONDecoder().decode(DemoProgrammes.self, from: data)
        for entry in index.programmes {
            guard let factor = RiskFactor(rawValue: entry.factor), let year = PeriodText.parse(entry.year) else {
                throw AppError("demo/programmes/index.json: программа «\(entry.file)» — неверный фактор или год.")
            }
            let outcome = try await importProgramme(
                path: (directory as NSString).appendingPathComponent(entry.file), schoolCode: entry.school,
                factor: factor, schoolYear: year.start...year.end, options: options)
            if outcome.failed { return .failed(outcome) }
        }
        try await markDemoProgrammes(asOf: options.today)
        for entry in index.documents {
            guard let kind = SchoolDocumentKind(userValue: entry.kind), let date = LocalDate(parsing: entry.date)
            else { throw AppError("demo/programmes/index.json: документ «\(entry.title)» — неверный вид или дата.") }
            let years = entry.period.flatMap(PeriodText.parse)
            try await recordSchoolDocument(
                SchoolDocumentLine(
                    schoolCode: entry.school, kind: kind, title: entry.title, number: entry.number, approvedOn: date,
                    periodStart: years?.start.year, periodEnd: years?.end.year))
        }
        return nil
    }

    /// The demo's schools have worked on their programmes since September: every term over by
    /// the demo's date is marked done with its expected result as the evidence, but the latest
    /// of each programme, left overdue so the monitoring has something to say.
    private func markDemoProgrammes(asOf date: LocalDate) async throws {
        for programme in try database.programmes() {
            var filter = OccurrenceFilter()
            filter.roadmap = programme.key
            let over = try database.occurrences(filter, asOf: date)
                .filter { $0.end.map { $0 < date } ?? false }
                .sorted { ($0.end!, $0.id) < ($1.end!, $1.id) }
            for occurrence in over.dropLast() {
                _ = try database.markOccurrence(
                    id: occurrence.id, status: .done, date: occurrence.end!,
                    evidence: occurrence.result ?? "Отчёт о выполнении меры", note: nil, by: "demo")
            }
        }
    }
}
