import GRDB
import NastavnikCore

extension NastavnikDatabase {
    /// The rows a plan's version is read over (`RecordVersion`): the plan's own row and its
    /// items'. Removing an item changes the plan's row too (`edits`), so a removal shows.
    static func planParts(_ db: Database, plan: Int64) throws -> [RecordVersion.Part] {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM development_plan WHERE id = ?", arguments: [plan]) == 1
        else {
            throw StoreError.notFound(what: "план №", key: String(plan))
        }
        let items = try Int64.fetchAll(db, sql: "SELECT id FROM plan_item WHERE plan_id = ?", arguments: [plan])
        return [.numbered("development_plan", plan)] + items.map { .numbered("plan_item", $0) }
    }

    /// The version a form editing plan `id` (or one of its items) is opened on.
    public func planVersion(id: Int64) throws -> RecordVersion {
        try reader.read { db in try RecordVersion.latest(db, try Self.planParts(db, plan: id)) }
    }

    /// The plan item `id` belongs to; `StoreError.notFound` for an unknown item.
    static func planOfItem(_ db: Database, item id: Int64) throws -> Int64 {
        guard let plan = try Int64.fetchOne(db, sql: "SELECT plan_id FROM plan_item WHERE id = ?", arguments: [id])
        else {
            throw StoreError.notFound(what: "пункт плана №", key: String(id))
        }
        return plan
    }

    /// The rows of the record a form edits, found from one of its rows: a plan's (`development_plan`,
    /// `plan_item`: `planParts`) or a mentoring pair's (`mentorship`: `mentorshipParts`).
    static func recordParts(_ db: Database, table: String, id: Int64) throws -> [RecordVersion.Part] {
        switch table {
        case "plan_item": try planParts(db, plan: try planOfItem(db, item: id))
        case "mentorship": try mentorshipParts(db, id: id)
        default: try planParts(db, plan: id)
        }
    }

    /// One transaction that first checks, inside it, that the record of row `id` of `table`
    /// (`recordParts`) is still at `expectedVersion` (nil checks nothing; `StaleRecordError`
    /// otherwise), with its refusals as `StoreError` (SQLite's in Russian) and a busy database
    /// as `StoreError.busy`.
    func versionedWrite<T>(
        table: String, id: Int64, expectedVersion: Int64?, _ body: (Database) throws -> T
    ) throws -> T {
        try checkedWrite { db in
            try RecordVersion.check(db, try Self.recordParts(db, table: table, id: id), expected: expectedVersion)
            return try body(db)
        }
    }

    /// Checks that plan `id` is its teacher's current version (an older one is history, kept as
    /// it was) and counts an edit on its row; returns the plan's school year («2026/27»).
    static func editCurrentPlan(_ db: Database, plan id: Int64) throws -> String {
        let row = try Row.fetchOne(
            db, sql: "SELECT school_year, superseded_by FROM development_plan WHERE id = ?", arguments: [id])
        guard let row else { throw StoreError.notFound(what: "план №", key: String(id)) }
        if let newer: Int64 = row["superseded_by"] {
            throw StoreError.invalid("План № \(id) заменён новой версией (план № \(newer)): измените действующий план.")
        }
        try db.execute(sql: "UPDATE development_plan SET edits = edits + 1 WHERE id = ?", arguments: [id])
        return row["school_year"]
    }

    /// Refuses `fields` that `PlanItemRule` refuses for a plan of school year `label`.
    static func check(_ fields: PlanItemFields, label: String) throws {
        let problems = [
            PlanItemRule.descriptionProblem(fields.description),
            PlanItemRule.deadlineProblem(fields.deadline, label: label),
        ].compactMap { $0 }
        if !problems.isEmpty { throw StoreError.invalid(problems.joined(separator: " ")) }
    }

    /// Adds an item at the end of current plan `plan`; returns its number. With `expectedVersion`
    /// (`planVersion`, as a form was opened on), a plan changed since is left as it is.
    @discardableResult
    public func addPlanItem(plan: Int64, _ fields: PlanItemFields, expectedVersion: Int64? = nil) throws -> Int64 {
        try versionedWrite(table: "development_plan", id: plan, expectedVersion: expectedVersion) { db in
            let label = try Self.editCurrentPlan(db, plan: plan)
            try Self.check(fields, label: label)
            let position =
                try Int.fetchOne(
                    db, sql: "SELECT coalesce(max(position), 0) + 1 FROM plan_item WHERE plan_id = ?", arguments: [plan]
                )
                ?? 1
            try db.execute(
                sql: """
                    INSERT INTO plan_item (plan_id, position, kind, topic, description, deadline, expected_result, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'planned')
                    """,
                arguments: [
                    plan, position, fields.kind.rawValue, fields.topic, fields.description, fields.deadline.iso,
                    fields.expectedResult,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Changes what item `id` of a current plan says (its status and evidence stay; `markPlanItem`
    /// changes those).
    public func changePlanItem(id: Int64, _ fields: PlanItemFields, expectedVersion: Int64? = nil) throws {
        try versionedWrite(table: "plan_item", id: id, expectedVersion: expectedVersion) { db in
            let label = try Self.editCurrentPlan(db, plan: try Self.planOfItem(db, item: id))
            try Self.check(fields, label: label)
            try db.execute(
                sql: """
                    UPDATE plan_item SET kind = ?, topic = ?, description = ?, deadline = ?, expected_result = ?
                    WHERE id = ?
                    """,
                arguments: [
                    fields.kind.rawValue, fields.topic, fields.description, fields.deadline.iso, fields.expectedResult,
                    id,
                ])
        }
    }

    /// Removes item `id` of a current plan; returns what it said.
    @discardableResult
    public func removePlanItem(id: Int64, expectedVersion: Int64? = nil) throws -> String {
        try versionedWrite(table: "plan_item", id: id, expectedVersion: expectedVersion) { db in
            _ = try Self.editCurrentPlan(db, plan: try Self.planOfItem(db, item: id))
            let description =
                try String.fetchOne(db, sql: "SELECT description FROM plan_item WHERE id = ?", arguments: [id]) ?? ""
            try db.execute(sql: "DELETE FROM plan_item WHERE id = ?", arguments: [id])
            return description
        }
    }

    /// Marks an item of a current plan; done and cancelled items are closed on `date`. With
    /// `expectedVersion` (`planVersion`), a plan changed since is left as it is.
    public func markPlanItem(
        id: Int64, status: PlanItemStatus, evidence: String?, date: LocalDate, expectedVersion: Int64? = nil
    ) throws {
        try versionedWrite(table: "plan_item", id: id, expectedVersion: expectedVersion) { db in
            _ = try Self.editCurrentPlan(db, plan: try Self.planOfItem(db, item: id))
            if status == .done, (evidence ?? "").isEmpty {
                throw StoreError.invalid(
                    "Для отметки «выполнено» укажите подтверждение: удостоверение, справку, лист участия.")
            }
            let closed = status == .done || status == .cancelled
            try db.execute(
                sql: "UPDATE plan_item SET status = ?, evidence = coalesce(?, evidence), closed_at = ? WHERE id = ?",
                arguments: [status.rawValue, evidence, closed ? date.iso : nil, id])
        }
    }
}
