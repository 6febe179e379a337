import NastavnikCore
import NastavnikStore

/// A school's risk profile (`RiskColumns`): each level written with the source «загружен из
/// файла»; a factor or a level that does not read is an error naming the cell and its value.
final class RiskRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let schoolSlot = map["school_code"]
        let code = row.text(schoolSlot, required: true)
        let year = row.integer(map["year"], required: true, range: 1990...2200)
        let note = row.text(map["note"])
        var levels: [(RiskFactor, RiskLevel, FieldSlot)] = []
        if map.has("factor") {
            let factorSlot = map["factor"]
            let factor = row.text(factorSlot, required: true).flatMap { text in
                let factor = RiskFactor(userValue: text)
                if factor == nil { row.error(factorSlot, RiskFactor.unknown(text)) }
                return factor
            }
            if let factor, let level = level(map["level"], required: true, row: &row) {
                levels.append((factor, level, factorSlot))
            }
        } else {
            for factor in RiskFactor.allCases {
                let slot = map[RiskColumns.key(factor)]
                if let level = level(slot, required: false, row: &row) { levels.append((factor, level, slot)) }
            }
        }
        let schoolID = school(code, schoolSlot, row: &row)
        guard let code, let year, let schoolID else { return nil }
        for (factor, _, slot) in levels {
            _ = claim(
                "\(code)|\(year)|\(factor.rawValue)", display: "\(code), \(year), фактор \(factor.rawValue)", row: &row,
                slot: slot)
        }
        guard row.issues.isEmpty else { return nil }
        var outcome: UpsertOutcome?
        for (factor, level, _) in levels {
            let written = try guarded {
                try session.upsertRiskLevel(schoolID: schoolID, year: year, factor: factor, level: level, note: note)
            }
            // A wide row is one row of the file: it counts as changed if any of its levels did.
            if outcome == nil || written != .unchanged && outcome == .unchanged { outcome = written }
        }
        return outcome
    }

    /// The level in `slot`, or an error naming the three.
    private func level(_ slot: FieldSlot, required: Bool, row: inout RowReader) -> RiskLevel? {
        guard let text = row.text(slot, required: required) else { return nil }
        guard let level = RiskLevel(userValue: text) else {
            row.error(slot, RiskLevel.unknown(text))
            return nil
        }
        return level
    }
}
