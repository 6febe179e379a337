import GRDB
import NastavnikCore

/// A roadmap's header, directions, activities, their occurrences and responsible people.
extension ImportSession {
    /// Creates or updates a roadmap's header and returns its id.
    public func upsertRoadmap(
        key: String, title: String, schoolID: Int64?, periodStart: LocalDate?,
        periodEnd: LocalDate?, orderRef: String?, sourceFile: String
    ) throws -> (UpsertOutcome, Int64) {
        let (outcome, id) = try upsert(
            .roadmap,
            [
                .text(key), .text(title), SQLValue(schoolID.map(Int.init)), SQLValue(periodStart?.iso),
                SQLValue(periodEnd?.iso), SQLValue(orderRef), .text(sourceFile),
            ])
        let roadmapID =
            try id ?? Int64.fetchOne(db, sql: "SELECT id FROM roadmap WHERE roadmap_key = ?", arguments: [key])!
        return (outcome, roadmapID)
    }

    /// Writes a roadmap's directions and activities in file order; activities the file no
    /// longer has are removed (with their statuses).
    public func replaceActivities(roadmapID: Int64, entries: [RoadmapEntry]) throws -> [UpsertOutcome] {
        var directionIDs: [String: Int64] = [:]
        var directionTitles: [String] = []
        for entry in entries {
            if let d = entry.direction, directionIDs[d] == nil {
                directionIDs[d] = 0
                directionTitles.append(d)
            }
        }
        try db.execute(
            sql: "DELETE FROM roadmap_direction WHERE roadmap_id = ? AND position > ?",
            arguments: [roadmapID, directionTitles.count])
        for (position, title) in directionTitles.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO roadmap_direction (roadmap_id, position, title) VALUES (?, ?, ?)
                    ON CONFLICT(roadmap_id, position) DO UPDATE SET title = excluded.title
                    """, arguments: [roadmapID, position + 1, title])
            directionIDs[title] = try Int64.fetchOne(
                db, sql: "SELECT id FROM roadmap_direction WHERE roadmap_id = ? AND position = ?",
                arguments: [roadmapID, position + 1])!
        }
        var outcomes: [UpsertOutcome] = []
        for (position, entry) in entries.enumerated() {
            let schoolID: Int64? = entry.schoolCode.flatMap { (code: String) in self.schoolID(code: code) }
            var outcome = try upsert(
                .activity,
                [
                    .integer(roadmapID), .integer(Int64(position + 1)),
                    entry.direction.flatMap { directionIDs[$0] }.map { .integer($0) } ?? .null,
                    SQLValue(entry.number), .text(entry.text), .text(entry.term), SQLValue(entry.responsible),
                    SQLValue(entry.result), schoolID.map { .integer($0) } ?? .null,
                    SQLValue(entry.parsed.flag?.rawValue), SQLValue(entry.indicator),
                ]
            ).outcome
            let activityID = try Int64.fetchOne(
                db, sql: "SELECT id FROM activity WHERE roadmap_id = ? AND position = ?",
                arguments: [roadmapID, position + 1])!
            if try replaceOccurrences(activityID: activityID, term: entry.parsed), outcome == .unchanged {
                outcome = .changed
            }
            try linkResponsible(activityID: activityID, names: entry.responsibleNames)
            outcomes.append(outcome)
        }
        try db.execute(
            sql: "DELETE FROM activity WHERE roadmap_id = ? AND position > ?",
            arguments: [roadmapID, entries.count])
        return outcomes
    }

    /// Writes an activity's occurrences; those already there with the same dates keep their
    /// status and history. Returns whether anything changed.
    private func replaceOccurrences(activityID: Int64, term: ParsedTerm) throws -> Bool {
        // An undated term still has one occurrence, so that its status can be tracked.
        let wanted: [(String?, String?, String?, Bool)] =
            term.occurrences.isEmpty
            ? [(nil, nil, nil, false)]
            : term.occurrences.map { ($0.start.iso, $0.end.iso, $0.recurrence?.rawValue, $0.isDeadline) }
        let existing = try Row.fetchAll(
            db,
            sql:
                "SELECT id, start_date, end_date, recurrence, deadline, sequence FROM activity_occurrence WHERE activity_id = ? ORDER BY sequence",
            arguments: [activityID]
        )
        .map {
            (
                id: $0[0] as Int64, dates: ($0[1] as String?, $0[2] as String?, $0[3] as String?, $0[4] as Bool),
                sequence: $0[5] as Int
            )
        }
        func same(_ a: (String?, String?, String?, Bool), _ b: (String?, String?, String?, Bool)) -> Bool {
            a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3
        }
        if existing.count == wanted.count, zip(existing, wanted).allSatisfy({ same($0.dates, $1) }) {
            return false
        }
        // An occurrence that is still wanted keeps its row, so its status and history stay;
        // the others go, the new ones come. Sequences move through negatives to stay unique.
        var left = existing
        // Kept rows whose place changes: each is written twice, the others not at all (every
        // write is an audit entry).
        var moved: [(id: Int64, sequence: Int)] = []
        var added: [(sequence: Int, dates: (String?, String?, String?, Bool))] = []
        for (offset, dates) in wanted.enumerated() {
            if let index = left.firstIndex(where: { same($0.dates, dates) }) {
                let kept = left.remove(at: index)
                if kept.sequence != offset + 1 { moved.append((kept.id, offset + 1)) }
            } else {
                added.append((offset + 1, dates))
            }
        }
        for gone in left { try db.execute(sql: "DELETE FROM activity_occurrence WHERE id = ?", arguments: [gone.id]) }
        for occurrence in moved {
            try db.execute(
                sql: "UPDATE activity_occurrence SET sequence = ? WHERE id = ?",
                arguments: [-occurrence.sequence, occurrence.id])
        }
        for occurrence in added {
            try db.execute(
                sql: """
                    INSERT INTO activity_occurrence (activity_id, sequence, start_date, end_date, recurrence, deadline) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    activityID, occurrence.sequence, occurrence.dates.0, occurrence.dates.1, occurrence.dates.2,
                    occurrence.dates.3,
                ])
        }
        for occurrence in moved {
            try db.execute(
                sql: "UPDATE activity_occurrence SET sequence = ? WHERE id = ?",
                arguments: [occurrence.sequence, occurrence.id])
        }
        return !existing.isEmpty
    }

    /// Links each responsible name to the staff member it names, where exactly one matches:
    /// the full name, or the surname with initials («Федотова Н.Э.»). Others stay text.
    private func linkResponsible(activityID: Int64, names: [String]) throws {
        // Only what differs is written: a re-imported roadmap changes nothing, and the audit
        // log records nothing.
        var stored: [String: Int64?] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT name, staff_id FROM activity_responsible WHERE activity_id = ?", arguments: [activityID])
        {
            stored[row[0]] = row[1] as Int64?
        }
        let wanted = Set(names)
        for name in stored.keys where !wanted.contains(name) {
            try db.execute(
                sql: "DELETE FROM activity_responsible WHERE activity_id = ? AND name = ?",
                arguments: [activityID, name])
        }
        for name in wanted {
            let staffID = try staffMatching(name)
            if let existing = stored[name] {
                if existing != staffID {
                    try db.execute(
                        sql: "UPDATE activity_responsible SET staff_id = ? WHERE activity_id = ? AND name = ?",
                        arguments: [staffID, activityID, name])
                }
            } else {
                try db.execute(
                    sql: "INSERT INTO activity_responsible (activity_id, name, staff_id) VALUES (?, ?, ?)",
                    arguments: [activityID, name, staffID])
            }
        }
    }

    /// The one staff member a written name denotes, by full name or by surname and initials.
    func staffMatching(_ name: String) throws -> Int64? {
        if staffNameIndex == nil {
            var index: [String: [Int64]] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, full_name FROM staff WHERE forgotten_at IS NULL")
            while let row = try cursor.next() {
                let full: String = row[1]
                index[CellValue.fold(full), default: []].append(row[0])
                if let short = PersonName.initialsForm(full) { index[short, default: []].append(row[0]) }
            }
            staffNameIndex = index
        }
        let key = PersonName.key(name)
        guard let matches = staffNameIndex?[key] ?? staffNameIndex?[CellValue.fold(name)], matches.count == 1 else {
            return nil
        }
        return matches[0]
    }
}
