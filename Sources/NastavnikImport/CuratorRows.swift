import NastavnikCore
import NastavnikStore

final class CuratorRows: RowMapper {
    /// Official statuses by school code and the statuses a curator may have, read once.
    private lazy var rules: (statuses: [String: [SchoolStatus]], allowed: Set<SchoolStatus>) = {
        let statuses = (try? session.officialStatusesByCode()) ?? [:]
        return (
            statuses, CuratorMatching.allowedStatuses((try? NastavnikDatabase.settings(session.db)) ?? SettingValues())
        )
    }()

    /// A pairing the rules would not suggest (`CuratorMatching.lockRefusal`) is a warning: the
    /// department's order stands, but it hears that the curator may not curate.
    private func checkRules(school: String, curator: String, line: Int) {
        func plain(_ code: String) -> MatchSchool {
            MatchSchool(
                id: 0, code: code, name: code, municipality: nil, latitude: nil, longitude: nil, relative: [:],
                deficitShare: [:],
                capacity: 0, statuses: rules.statuses[code] ?? [])
        }
        if let refusal = CuratorMatching.lockRefusal(
            school: plain(school), curator: plain(curator), allowed: rules.allowed)
        {
            warnings.append(
                ImportIssue(
                    line: line, column: map["curator_school_code"].header,
                    message: "пара \(school) ← \(curator): \(refusal)"))
        }
    }

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let curatorSlot = map["curator_school_code"]
        let code = row.text(schoolSlot, required: true)
        let curatorCode = row.text(curatorSlot, required: true)
        let since = row.date(map["since"])
        let schoolID = school(code, schoolSlot, row: &row)
        let curatorID = school(curatorCode, curatorSlot, row: &row)
        guard let code, let curatorCode, let schoolID, let curatorID else { return nil }
        if code == curatorCode {
            row.error(curatorSlot, "школа не может курировать сама себя (\(curatorCode))")
        }
        guard claim("\(code)|\(curatorCode)", display: "\(code) ← \(curatorCode)", row: &row, slot: nil),
            row.issues.isEmpty
        else { return nil }
        checkRules(school: code, curator: curatorCode, line: row.line)
        let pairing = CuratorPairing(
            schoolCode: code, curatorSchoolCode: curatorCode, curatorName: row.raw(map["curator_name"]),
            coordinator: row.raw(map["coordinator"]), since: since, orderRef: row.raw(map["order_ref"]))
        return try guarded { try session.upsertCurator(pairing, schoolID: schoolID, curatorSchoolID: curatorID) }
    }
}
