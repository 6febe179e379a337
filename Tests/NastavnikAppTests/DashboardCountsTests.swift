import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore
import Testing

/// The dashboard's figures counted in SQL per school (`overdueCounts`, `diagnosticCounts`,
/// `deficitCounts`, `coverageCounts`) are exactly those of the line-by-line computation they
/// replaced (`LineByLineCounts`), on the demonstration municipality and on a hand-made one
/// with the edge cases of the rules.
@Suite struct DashboardCountsTests {
    static let november = LocalDate(year: 2026, month: 11, day: 22)!
    static let june = LocalDate(year: 2026, month: 6, day: 1)!

    /// The store's counts against the oracle's lines, and the dashboard's figures against both.
    func expectAgreement(_ database: NastavnikDatabase, asOf date: LocalDate, limits: DashboardLimits = .init())
        async throws
    {
        let oracle = try LineByLineCounts(database, asOf: date)
        #expect(try database.overdueCounts(asOf: date) == oracle.overdue, "\(date)")
        #expect(
            try database.diagnosticCounts(asOf: date, thresholds: oracle.thresholds) == oracle.diagnosticCounts,
            "\(date)")
        #expect(try database.deficitCounts(asOf: date) == oracle.deficits, "\(date)")
        let year = StaffIndicators.schoolYear(containing: date)
        for target in CoverageTarget.allCases {
            #expect(
                try database.coverageCounts(target: target, period: year.lowerBound...date) == oracle.reached[target],
                "\(date) \(target)")
        }

        let d = try await NastavnikApp(database: database).dashboard(asOf: date, limits: limits)
        #expect(d.overdue.count == oracle.overdue.values.reduce(0, +))
        let top = oracle.overdue.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limits.schools)
        #expect(d.overdueBySchool.map(\.count) == top.map(\.value))
        #expect(d.overdueBySchool.map(\.link) == top.map { .staff(schoolCode: $0.key, overdue: true) })
        #expect(d.diagnosed.count == oracle.results.count)
        let schools = try database.indicatorSchools()
        let lowResults = Set(schools.filter { $0.statuses.contains(.lowResults) }.map(\.code))
        #expect(
            d.thresholdShares.map(\.count)
                == [Competence.subject, .methodological].map { oracle.above($0, in: lowResults) })
        let withThreshold = Competence.allCases.filter { oracle.thresholds[$0] != nil }
        #expect(d.diagnosedAbove.map(\.count) == withThreshold.map { oracle.above($0) })
        #expect(
            d.diagnosedAbove.map(\.total)
                == withThreshold.map { c in oracle.results.filter { $0.scores[c] != nil }.count })
        let deficits = oracle.deficits.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limits.deficits)
        #expect(d.topDeficits.map(\.title) == deficits.map(\.key))
        #expect(d.topDeficits.map(\.count) == deficits.map(\.value))
        #expect(d.topDeficits.allSatisfy { $0.total == oracle.results.count })
        let supported = Set(schools.filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code))
        let counted = supported.isEmpty ? Set(schools.map(\.code)) : supported
        #expect(
            d.coverage.map(\.count)
                == CoverageTarget.allCases.map {
                    oracle.reached[$0]!.filter { counted.contains($0.key) }.values.reduce(0, +)
                }
        )
    }

    @Test func theDemoCountsAsLineByLine() async throws {
        let sandbox = try AppSandbox()
        guard case .loaded = try await sandbox.app.loadDemo(seeds: AppSandbox.seeds, asOf: Self.november) else {
            throw AppError("the demo did not load")
        }
        let database = sandbox.app.database
        // The demo has every kind of figure: none of the comparisons below is of empty sets.
        let oracle = try LineByLineCounts(database, asOf: Self.november)
        #expect(!oracle.overdue.isEmpty && !oracle.results.isEmpty && !oracle.deficits.isEmpty)
        // (Its seminars reach people; it holds no method association.)
        #expect(!(oracle.reached[.methodicalSupport] ?? [:]).isEmpty)
        for date in [Self.november, Self.june, LocalDate(year: 2024, month: 1, day: 15)!] {
            try await expectAgreement(database, asOf: date)
        }
        try await expectAgreement(
            database, asOf: Self.november, limits: DashboardLimits(days: 30, deficits: 100, schools: 1_000, terms: 5))
    }

    /// Four schools (two НОР, an effective one, one without status), ten people and two
    /// campaigns: a newcomer within 3 years, a start of work long ago without training, nobody
    /// knows when, a training ending 4 years ago, a leader whose term ends between the two dates;
    /// a latest result without consent, a result after the earlier date, a person with two
    /// campaigns, other staff with a result, a deficit written in two cases; mentoring pairs
    /// within and outside the school year and of other staff.
    @Test func theEdgeCasesCountAsLineByLine() async throws {
        let fixture = try AppFixture(schools: Self.schools, staff: Self.staff, diagnostics: nil)
        try fixture.load(.trainings, Self.trainings)
        try fixture.load(.diagnostics, Self.diagnostics)
        try fixture.load(.mentoring, Self.mentoring)
        for date in [Self.november, Self.june] {
            try await expectAgreement(fixture.database, asOf: date)
        }
        try await expectAgreement(
            fixture.database, asOf: Self.november, limits: DashboardLimits(days: 30, deficits: 1, schools: 1, terms: 1))

        // The figures themselves, worked out by hand: the comparisons are not of empty sets.
        let november = try fixture.database.overdueCounts(asOf: Self.november)
        #expect(november == ["L1": 2, "L2": 2, "N1": 1])
        #expect(try fixture.database.overdueCounts(asOf: Self.june) == ["L1": 2, "L2": 1, "N1": 1])
        let d = try await fixture.app.dashboard(asOf: Self.november)
        // Т1 and Т3 (2026), Т2's consenting 2025 result, Т4 and Т8; not Т7 (other staff) nor Т9 (no consent).
        #expect(d.diagnosed.count == 5)
        #expect(try await fixture.app.dashboard(asOf: Self.june).diagnosed.count == 4)
        // Subject above 10 in the НОР schools: Т1 (12), Т2 (11), Т3 (15), Т4 (11).
        #expect(d.thresholdShares.map(\.count) == [4, 3])
        #expect(d.topDeficits.map(\.title) == ["гиа", "формирующее оценивание", "оценивание"])
        #expect(d.topDeficits.map(\.count) == [2, 2, 1])
        // Т1 mentored since October 2026, in a НОР school; Т7 is other staff, Т2's pair ended in 2025.
        #expect(d.coverage.map(\.count) == [1, 0])
        let indicators = try await fixture.app.staffIndicators(asOf: Self.november, schoolCode: nil)
        #expect(
            d.thresholdShares.map(\.count) == [
                indicators.lowResultsTotal.aboveSubject, indicators.lowResultsTotal.aboveMethodological,
            ])
        #expect(d.coverage.map(\.count) == CoverageTarget.allCases.map { indicators.supportedTotal.reached[$0] })
        #expect(
            d.overdue.count == (try await fixture.app.trainingStatus(asOf: Self.november, nonCompliant: true)).count)
    }

    static let schools = """
        Код ОО;Наименование ОО;Статус
        L1;Школа Л1;НОР
        L2;Школа Л2;НОР
        E1;Школа Э1;эффективная
        N1;Школа без статуса;

        """

    static let staff = """
        Табельный номер;ФИО;Код ОО;Должность;Дата начала педагогической деятельности
        T1;Аникина Анна Ивановна;L1;учитель;01.09.2025
        T2;Борисов Борис Петрович;L1;учитель;01.09.2010
        T3;Васильева Вера Олеговна;L1;учитель;
        T4;Григорьев Глеб Ильич;L2;учитель;01.09.2012
        T5;Дмитриева Дарья Сергеевна;L2;учитель;01.09.2012
        T6;Егоров Егор Павлович;L2;директор;01.09.2000
        T7;Жукова Жанна Юрьевна;E1;бухгалтер;
        T8;Зайцев Захар Денисович;E1;учитель;01.09.2015
        T9;Иванова Ирина Петровна;N1;учитель;
        T10;Козлов Кирилл Андреевич;N1;учитель;01.09.2005

        """

    static let trainings = """
        Табельный номер;Программа;Организатор;Часы;Дата начала;Дата окончания;Статус
        T4;Формирующее оценивание;ИРО;72;01.02.2025;20.02.2025;завершено
        T5;Формирующее оценивание;ИРО;72;01.02.2022;20.02.2022;завершено
        T6;Управление школой;ИРО;36;01.11.2023;10.11.2023;завершено
        T8;Формирующее оценивание;ИРО;72;20.11.2023;01.12.2023;завершено
        T10;Формирующее оценивание;ИРО;72;01.03.2024;20.03.2024;завершено

        """

    static let diagnostics = """
        Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты;Согласие
        T1;15.03.2025;8;18;ГИА;да
        T1;15.09.2026;12;22;гиа, формирующее оценивание;да
        T2;15.03.2025;11;21;Формирующее оценивание;да
        T2;15.09.2026;9;19;ГИА;нет
        T3;15.09.2026;15;25;ГИА;да
        T4;15.03.2025;11;;;да
        T7;15.03.2025;30;30;ГИА;да
        T8;15.03.2025;5;30;оценивание;да
        T9;15.03.2025;20;20;оценивание;нет

        """

    static let mentoring = """
        Наставник;Наставляемый;Дата начала;Дата окончания;Дата согласия наставника
        T8;T1;01.10.2026;;20.09.2026
        T4;T2;01.09.2024;01.05.2025;20.08.2024
        T8;T7;01.09.2025;;20.08.2025

        """
}
