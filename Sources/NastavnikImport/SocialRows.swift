import NastavnikCore
import NastavnikStore

final class SocialRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let code = row.text(schoolSlot, required: true)
        let year = row.integer(map["year"], required: true, range: 1990...2200)
        let context = SocialContext(
            schoolCode: code ?? "", year: year ?? 0, hardshipShare: row.share(map["hardship_share"]),
            nonNativeShare: row.share(map["non_native_share"]), registeredShare: row.share(map["registered_share"]),
            higherEdParentShare: row.share(map["higher_ed_parent_share"]),
            singleParentShare: row.share(map["single_parent_share"]))
        let schoolID = school(code, schoolSlot, row: &row)
        guard let code, let year, let schoolID else { return nil }
        guard claim("\(code)|\(year)", display: "\(code), \(year)", row: &row, slot: nil), row.issues.isEmpty else {
            return nil
        }
        return try guarded { try session.upsertSocial(context, schoolID: schoolID) }
    }
}
