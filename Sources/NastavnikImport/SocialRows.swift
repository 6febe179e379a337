import NastavnikCore
import NastavnikStore

final class SocialRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let code = row.text(schoolSlot, required: true)
        let year = row.integer(map["year"], required: true, range: 1990...2200)
        // Each part no more than its whole: pupils with ОВЗ and repeaters of the pupils, the adapted
        // of the pupils with ОВЗ, certificates of the leavers.
        let pupils = row.count(map["pupils"], atMost: nil, of: "")
        let ovzPupils = row.count(map["ovz_pupils"], atMost: pupils, of: "числа обучающихся")
        let leavers9 = row.count(map["leavers_9"], atMost: nil, of: "")
        let leavers11 = row.count(map["leavers_11"], atMost: nil, of: "")
        let context = SocialContext(
            schoolCode: code ?? "", year: year ?? 0, hardshipShare: row.share(map["hardship_share"]),
            nonNativeShare: row.share(map["non_native_share"]), registeredShare: row.share(map["registered_share"]),
            higherEdParentShare: row.share(map["higher_ed_parent_share"]),
            singleParentShare: row.share(map["single_parent_share"]), pupils: pupils, ovzPupils: ovzPupils,
            ovzAdapted: row.count(map["ovz_adapted"], atMost: ovzPupils, of: "числа обучающихся с ОВЗ"),
            repeaters: row.count(map["repeaters"], atMost: pupils, of: "числа обучающихся"),
            leavers9: leavers9,
            certificates9: row.count(map["certificates_9"], atMost: leavers9, of: "числа выпускников 9 классов"),
            leavers11: leavers11,
            certificates11: row.count(map["certificates_11"], atMost: leavers11, of: "числа выпускников 11 классов"),
            vacancies: row.positions(map["vacancies"]))
        let schoolID = school(code, schoolSlot, row: &row)
        guard let code, let year, let schoolID else { return nil }
        guard claim("\(code)|\(year)", display: "\(code), \(year)", row: &row, slot: nil), row.issues.isEmpty else {
            return nil
        }
        return try guarded { try session.upsertSocial(context, schoolID: schoolID) }
    }
}
