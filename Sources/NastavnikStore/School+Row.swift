import GRDB
import NastavnikCore

extension School {
    /// The school a row of `school` (`SELECT *`) holds, with its official statuses.
    init(row: Row, statuses: [SchoolStatus]) {
        self.init(
            code: row["code"], name: row["name"], municipality: row["municipality"], kind: row["kind"],
            statuses: statuses, internshipSite: row["internship_site"], students: row["students"],
            latitude: row["latitude"], longitude: row["longitude"], address: row["address"], head: row["head"])
    }
}
