import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The audited rows of event `id` as the log names them: the event (`№ id`), its presenters
    /// and its participants (tables without a natural key or rowid: the key is the event's number).
    public static func eventParts(_ id: Int64) -> [RecordVersion.Part] {
        [
            .numbered("event", id), RecordVersion.Part(table: "event_presenter", key: String(id)),
            RecordVersion.Part(table: "event_participant", key: String(id)),
        ]
    }

    /// The version a form that edits event `id` is opened on (its row, presenters and participants).
    public func eventVersion(_ id: Int64) throws -> RecordVersion { try recordVersion(Self.eventParts(id)) }

    /// Moves event `id` to `date` (and `startTime`) and to the host school `hostCode` (nil: no
    /// host). Refused for an unknown event or school, and for a date change once attendance is
    /// recorded (the sheet signed on the old day would no longer match); `StaleRecordError`
    /// when `expectedVersion` is no longer the event's. Returns the event as it was.
    @discardableResult
    public func rescheduleEvent(
        id: Int64, date: LocalDate, startTime: String?, hostCode: String?, expectedVersion: Int64? = nil
    ) throws -> EventLine {
        guard let old = try events(id: id).first else {
            throw StoreError.notFound(what: "мероприятие №", key: String(id))
        }
        return try checkedWrite(Self.eventParts(id), expectedVersion: expectedVersion) { db in
            var hostID: Int64?
            if let hostCode {
                guard
                    let found = try Int64.fetchOne(
                        db, sql: "SELECT id FROM school WHERE code = ?", arguments: [hostCode])
                else { throw StoreError.notFound(what: "школа с кодом", key: hostCode) }
                hostID = found
            }
            let marked =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM event_participant WHERE event_id = ? AND attended IS NOT NULL",
                    arguments: [id]) ?? 0
            let oldDate = try String.fetchOne(db, sql: "SELECT date FROM event WHERE id = ?", arguments: [id])
            guard oldDate != nil else { throw StoreError.notFound(what: "мероприятие №", key: String(id)) }
            if marked > 0, oldDate != date.iso {
                throw StoreError.invalid(
                    "Посещаемость мероприятия № \(id) уже отмечена: дату не изменить (пришедшие записаны на \(old.date.russian))."
                )
            }
            try db.execute(
                sql: "UPDATE event SET date = ?, start_time = ?, host_school_id = ? WHERE id = ?",
                arguments: [date.iso, startTime, hostID, id])
            return old
        }
    }

    /// Moves the invited teacher `staffID` from event `from` to event `to`. Refused when they are
    /// not invited to `from`, their attendance there is recorded, they are invited to `to`
    /// already, `to`'s attendance is recorded, or `to` is full (its capacity); `StaleRecordError`
    /// when `expectedVersion` is no longer `from`'s.
    public func moveParticipant(staffID: String, from: Int64, to: Int64, expectedVersion: Int64? = nil) throws {
        try checkedWrite(Self.eventParts(from), expectedVersion: expectedVersion) { db in
            guard from != to else { throw StoreError.invalid("Выберите другое мероприятие: это то же самое.") }
            guard let target = try Row.fetchOne(db, sql: "SELECT capacity FROM event WHERE id = ?", arguments: [to])
            else { throw StoreError.notFound(what: "мероприятие №", key: String(to)) }
            guard
                let sid = try Int64.fetchOne(
                    db, sql: "SELECT id FROM staff WHERE person_key = 'id:' || ?", arguments: [staffID])
            else { throw StoreError.notFound(what: "работник с табельным номером", key: staffID) }
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT attended FROM event_participant WHERE event_id = ? AND staff_id = ?",
                    arguments: [from, sid])
            else { throw StoreError.invalid("Работник «\(staffID)» не приглашён на мероприятие № \(from).") }
            if (row["attended"] as Bool?) != nil {
                throw StoreError.invalid(
                    "Посещаемость работника «\(staffID)» на мероприятии № \(from) уже отмечена: перевести нельзя.")
            }
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS invited, count(attended) AS marked, sum(staff_id = ?) AS already
                    FROM event_participant WHERE event_id = ?
                    """, arguments: [sid, to])!
            if (counts["already"] as Int? ?? 0) > 0 {
                throw StoreError.invalid("Работник «\(staffID)» уже приглашён на мероприятие № \(to).")
            }
            if (counts["marked"] as Int) > 0 {
                throw StoreError.invalid("Посещаемость мероприятия № \(to) уже отмечена: добавить участника нельзя.")
            }
            if let capacity = target["capacity"] as Int?, (counts["invited"] as Int) >= capacity {
                throw StoreError.invalid(
                    "Мероприятие № \(to) заполнено: мест \(capacity), приглашено \(counts["invited"] as Int).")
            }
            try db.execute(
                sql: "DELETE FROM event_participant WHERE event_id = ? AND staff_id = ?", arguments: [from, sid])
            try db.execute(
                sql: "INSERT INTO event_participant (event_id, staff_id) VALUES (?, ?)", arguments: [to, sid])
        }
    }

}
