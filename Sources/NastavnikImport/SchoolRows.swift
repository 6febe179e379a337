import NastavnikCore
import NastavnikStore

final class SchoolRows: RowMapper {
    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let codeSlot = map["code"]
        // A school code is a key: Excel's 1,23457E+11 is refused as personnel numbers are.
        let code = row.text(codeSlot, required: true).flatMap { _ in row.identifier(codeSlot) }
        let name = row.text(map["name"], required: true)
        var statuses: [SchoolStatus] = []
        for item in row.list(map["status"]) {
            if let status = SchoolStatus(russian: item) {
                if !statuses.contains(status) { statuses.append(status) }
            } else {
                row.error(map["status"], "неизвестный статус; допустимы НОР, ЗПР, ЗУР, ШНСУ, эффективная (\(item))")
            }
        }
        if let contradiction = Plausibility.contradiction(in: statuses) {
            row.error(map["status"], "\(contradiction) (\(row.raw(map["status"]) ?? ""))")
        }
        let internship = row.boolean(map["internship_site"]) ?? false
        let students = row.integer(map["students"], range: 0...100_000)
        let latitude = row.number(map["latitude"], range: -90...90)
        let longitude = row.number(map["longitude"], range: -180...180)
        if (latitude == nil) != (longitude == nil), row.issues.isEmpty {
            let given =
                latitude != nil
                ? "широта " + (row.raw(map["latitude"]) ?? "") : "долгота " + (row.raw(map["longitude"]) ?? "")
            row.error(
                map[latitude == nil ? "latitude" : "longitude"],
                "координаты заданы не полностью: нужны широта и долгота (\(given))")
        }
        guard let code, let name, claim(code, display: code, row: &row, slot: codeSlot), row.issues.isEmpty else {
            return nil
        }
        let school = School(
            code: code, name: name, municipality: row.raw(map["municipality"]), kind: row.raw(map["kind"]),
            statuses: statuses.sorted(), internshipSite: internship, students: students,
            latitude: latitude, longitude: longitude, address: row.raw(map["address"]),
            head: row.raw(map["head"]))
        return try guarded { try session.upsertSchool(school) }
    }
}
