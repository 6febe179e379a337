import Testing

@testable import NastavnikCore
@testable import NastavnikReports
@testable import NastavnikStore

/// The mentors' load and the coverage chart.
@Suite struct MethodologyReportsTests {
    static func pair(_ id: Int64, mentor: String, name: String, meetings: Int) -> MentorshipLine {
        MentorshipLine(
            id: id, mentorID: mentor, mentorName: name, mentorSchool: "A", menteeID: "M\(id)",
            menteeName: "Наставляемый \(id)", menteeSchool: "A", form: nil, start: nil, end: nil, goal: nil,
            consent: nil, meetings: meetings)
    }

    @Test func theLoadCountsEachMentorsPairsAndMeetingsTheBusiestFirst() {
        let table = MentoringReports.load([
            Self.pair(1, mentor: "T1", name: "Иванова", meetings: 2),
            Self.pair(2, mentor: "T2", name: "Петрова", meetings: 1),
            Self.pair(3, mentor: "T2", name: "Петрова", meetings: 3),
        ])
        #expect(
            table.rows.map { $0.map(\.display) } == [
                ["T2", "Петрова", "A", "2", "4"], ["T1", "Иванова", "A", "1", "2"],
            ])
        #expect(MentoringReports.load([]).rows.isEmpty)
    }

    @Test func theCoverageChartDrawsTheSchoolsWithStaffAgainstTheTarget() throws {
        let lines = [
            CoverageLine(code: "A", name: "Школа А", population: 10, reached: 4),
            CoverageLine(code: "B", name: "Школа Б", population: 0, reached: 0),
        ]
        guard case .bars(let chart) = SeminarReports.coverageChart(lines, target: .methodicalSupport, kind: .seminar)
        else {
            Issue.record("not a bar chart")
            return
        }
        #expect(chart.items.map(\.label) == ["A Школа А"])
        #expect(chart.items.map(\.value) == [40])
        #expect(chart.target == 30)
        #expect(chart.title.contains("цель 30 %"))
        guard case .bars(let all) = SeminarReports.coverageChart(lines, target: nil, kind: nil) else { return }
        #expect(all.target == nil)
    }
}
