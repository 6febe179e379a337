import NastavnikCore
import Testing

/// The high factors of a school's latest profile that no programme in force addresses.
@Suite struct ProgrammeGapTests {
    static let today = LocalDate(year: 2026, month: 12, day: 1)!

    static func level(_ school: String, _ year: Int, _ factor: RiskFactor, _ level: RiskLevel) -> ProgrammeGap.Level {
        ProgrammeGap.Level(schoolCode: school, schoolName: "Школа \(school)", year: year, factor: factor, level: level)
    }

    @Test func aHighFactorWithoutAProgrammeIsAGap() {
        let levels = [
            Self.level("S1", 2025, .teacherCompetence, .high), Self.level("S1", 2025, .academicFailureRisk, .high),
            Self.level("S1", 2025, .staffShortage, .medium), Self.level("S2", 2025, .languageBarriers, .high),
        ]
        let programmes = [
            ProgrammeGap.Programme(
                schoolCode: "S1", factor: .teacherCompetence, periodEnd: LocalDate(year: 2027, month: 8, day: 31))
        ]
        let gaps = ProgrammeGap.find(levels: levels, programmes: programmes, asOf: Self.today)
        #expect(gaps.map { "\($0.schoolCode) \($0.factor.rawValue)" } == ["S1 6", "S2 10"])
        #expect(gaps.first?.schoolName == "Школа S1" && gaps.first?.year == 2025)
    }

    @Test func onlyTheLatestProfileYearCounts() {
        // High in 2024, low in 2025: no programme needed any more.
        let levels = [
            Self.level("S1", 2024, .teacherCompetence, .high), Self.level("S1", 2025, .teacherCompetence, .low),
            Self.level("S2", 2024, .staffShortage, .low), Self.level("S2", 2025, .staffShortage, .high),
        ]
        let gaps = ProgrammeGap.find(levels: levels, programmes: [], asOf: Self.today)
        #expect(gaps.map(\.schoolCode) == ["S2"])
    }

    @Test func aProgrammeThatHasEndedLeavesItsFactorUncovered() {
        let levels = [Self.level("S1", 2025, .teacherCompetence, .high)]
        let ended = ProgrammeGap.Programme(
            schoolCode: "S1", factor: .teacherCompetence, periodEnd: LocalDate(year: 2026, month: 8, day: 31))
        let open = ProgrammeGap.Programme(schoolCode: "S1", factor: .teacherCompetence, periodEnd: nil)
        let anotherSchools = ProgrammeGap.Programme(schoolCode: "S2", factor: .teacherCompetence, periodEnd: nil)
        #expect(ProgrammeGap.find(levels: levels, programmes: [ended], asOf: Self.today).count == 1)
        #expect(ProgrammeGap.find(levels: levels, programmes: [anotherSchools], asOf: Self.today).count == 1)
        #expect(ProgrammeGap.find(levels: levels, programmes: [ended, open], asOf: Self.today).isEmpty)
    }
}
