import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// «2026/27» → its label and 01.09.2026–31.08.2027.
    public static func schoolYear(_ text: String) throws -> (label: String, range: ClosedRange<LocalDate>) {
        guard text.contains("/"), let period = PeriodText.parse(text) else {
            throw AppError("Учебный год «\(text)» не распознан: укажите его как 2026/27.")
        }
        let label = "\(period.start.year)/\(String(period.end.year).suffix(2))"
        return (label, period.start...period.end)
    }

    /// Generates or corrects the development plans of a school year («2026/27») in one
    /// transaction: the store reads, `PlanGenerator.decide` decides, the store writes.
    public func generatePlans(
        year: String, schoolCode: String? = nil, asOf date: LocalDate,
        progress: @Sendable (_ done: Int, _ of: Int) -> Void = { _, _ in }
    ) async throws -> PlanGeneration {
        try generatePlansOnThisThread(year: year, schoolCode: schoolCode, asOf: date, progress: progress)
    }

    /// `generatePlans`, on the calling thread: a server generates a whole municipality's plans on
    /// a thread of its own rather than hold one of the few threads its requests are answered on.
    public func generatePlansOnThisThread(
        year: String, schoolCode: String? = nil, asOf date: LocalDate,
        progress: (_ done: Int, _ of: Int) -> Void = { _, _ in }
    ) throws -> PlanGeneration {
        let (label, range) = try Self.schoolYear(year)
        return try database.generatePlans(
            year: range, label: label, schoolCode: schoolCode, asOf: date, decide: PlanGenerator.decide,
            progress: progress)
    }

    /// The plans (current versions, or every version with `history`) of a school, a year («2026/27»), or all.
    public func plans(schoolCode: String? = nil, year: String? = nil, history: Bool = false) async throws -> [PlanLine]
    {
        let label = try year.map { try Self.schoolYear($0).label }
        return try database.plans(schoolCode: schoolCode, year: label, history: history)
    }

    /// One plan, by its number or by the teacher's personnel number (their latest).
    public func plan(_ id: String) async throws -> PlanLine {
        let plans = try Int64(id).map { try database.plans(planID: $0) } ?? database.plans(staff: id)
        guard let plan = plans.last else { throw AppError("План «\(id)» не найден.") }
        return plan
    }

    /// A plan item's status written in Russian or English (`plans mark --status`, the web's select).
    public static func planItemStatus(_ text: String) -> PlanItemStatus? {
        let map: [String: PlanItemStatus] = [
            "done": .done, "выполнено": .done, "inprogress": .inProgress, "выполняется": .inProgress,
            "cancelled": .cancelled, "отменено": .cancelled, "planned": .planned, "запланировано": .planned,
        ]
        return map[text.lowercased()]
    }

    /// The statuses a person marks an item with (carried over is the generator's).
    public static let markablePlanItemStatuses: [PlanItemStatus] = [.done, .inProgress, .planned, .cancelled]

    /// Marks a plan item with a status written in Russian or English; «выполнено» needs its evidence.
    public func markPlanItem(_ item: Int64, status: String, evidence: String?, date: LocalDate) async throws
        -> PlanItemStatus
    {
        guard let value = Self.planItemStatus(status) else {
            throw AppError(
                "Неизвестный статус «\(status)»: укажите выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned)."
            )
        }
        if value == .done, (evidence ?? "").isEmpty {
            throw AppError("Для отметки «выполнено» укажите подтверждение: --evidence «Удостоверение № …».")
        }
        try await markPlanItem(item, status: value, evidence: evidence, date: date)
        return value
    }

    /// Marks plan item `item` (of a current plan). With `expectedVersion` (`planVersion`, as a form
    /// was opened on), a plan changed since is left as it is and `StaleRecordError` names who
    /// changed it and when.
    public func markPlanItem(
        _ item: Int64, status: PlanItemStatus, evidence: String?, date: LocalDate, expectedVersion: Int64? = nil
    ) async throws {
        try database.markPlanItem(
            id: item, status: status, evidence: evidence, date: date, expectedVersion: expectedVersion)
    }

    /// What is wrong with a mark, field by field (`date`, `evidence`), for a form that shows each
    /// problem beside its field: a roadmap mark's rules (`occurrenceMarkProblems`), the evidence
    /// named as a plan's is; the store refuses «выполнено» without evidence as well.
    public static func planMarkProblems(status: PlanItemStatus, date: LocalDate, evidence: String?, today: LocalDate)
        -> [(field: String, message: String)]
    {
        occurrenceMarkProblems(
            status: status == .done ? .done : .inProgress, date: date, evidence: evidence, today: today
        ).map { problem in
            problem.field == "evidence"
                ? (
                    problem.field,
                    "Для отметки «выполнено» укажите подтверждение: удостоверение, справку, лист участия."
                )
                : problem
        }
    }

    /// What is wrong with an item's fields (`description`, `deadline`) for a plan of school year
    /// `label`, as the store refuses them (`PlanItemRule`).
    public static func planItemProblems(_ fields: PlanItemFields, label: String) -> [(field: String, message: String)] {
        [
            PlanItemRule.descriptionProblem(fields.description).map { ("description", $0) },
            PlanItemRule.deadlineProblem(fields.deadline, label: label).map { ("deadline", $0) },
        ].compactMap { $0 }
    }

    /// The version of plan `id` a form editing it or its items carries.
    public func planVersion(id: Int64) async throws -> Int64 { try database.planVersion(id: id).id }

    /// Adds an item to current plan `plan`; returns its number (see `markPlanItem` for `expectedVersion`).
    @discardableResult
    public func addPlanItem(plan: Int64, _ fields: PlanItemFields, expectedVersion: Int64? = nil) async throws -> Int64
    {
        try database.addPlanItem(plan: plan, fields, expectedVersion: expectedVersion)
    }

    /// Changes what item `item` says (see `markPlanItem` for `expectedVersion`).
    public func changePlanItem(_ item: Int64, _ fields: PlanItemFields, expectedVersion: Int64? = nil) async throws {
        try database.changePlanItem(id: item, fields, expectedVersion: expectedVersion)
    }

    /// Removes item `item`; returns what it said (see `markPlanItem` for `expectedVersion`).
    @discardableResult
    public func removePlanItem(_ item: Int64, expectedVersion: Int64? = nil) async throws -> String {
        try database.removePlanItem(id: item, expectedVersion: expectedVersion)
    }
}
