import NastavnikCore
import NastavnikStore

final class ResultRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let code = row.text(schoolSlot, required: true)
        let year = row.integer(map["year"], required: true, range: 1990...2200)
        let assessment = row.text(map["assessment"], required: true)
        let subject = row.text(map["subject"], required: true)
        let grade = AssessmentResult.grade(row.raw(map["grade"]) ?? "")
        let participants = row.integer(map["participants"], range: 0...1_000_000)
        let mean = row.number(map["mean_score"], required: true, range: 0...1000)
        let regionMean = row.number(map["region_mean"], range: 0...1000)
        let fail = row.share(map["share_fail"])
        let top = row.share(map["share_top"])
        // A count is of the participants: no more than they are (nor, together, the grades).
        var counts: [String: Int] = [:]
        for key in ["count_2", "count_3", "count_4", "count_5", "above_70"] {
            counts[key] = row.count(map[key], atMost: participants, of: "числа участников")
        }
        let graded = ["count_2", "count_3", "count_4", "count_5"].compactMap { counts[$0] }
        if let participants, graded.reduce(0, +) > participants {
            row.error(
                nil,
                "сумма получивших «2», «3», «4», «5» больше числа участников \(participants) (\(graded.reduce(0, +)))")
        }
        let schoolID = school(code, schoolSlot, row: &row)
        guard let code, let year, let assessment, let subject, let mean, let schoolID else { return nil }
        guard
            claim(
                "\(code)|\(year)|\(CellValue.fold(assessment))|\(CellValue.fold(subject))|\(grade)",
                display: "\(code), \(year), \(assessment), \(subject)\(grade.isEmpty ? "" : ", \(grade)")",
                row: &row, slot: nil), row.issues.isEmpty
        else { return nil }
        let result = AssessmentResult(
            schoolCode: code, year: year, assessment: assessment, subject: subject, grade: grade,
            participants: participants, meanScore: mean, regionMean: regionMean,
            shareFail: fail, shareTop: top, count2: counts["count_2"], count3: counts["count_3"],
            count4: counts["count_4"], count5: counts["count_5"], above70: counts["above_70"])
        return try guarded { try session.upsertResult(result, schoolID: schoolID) }
    }
}
