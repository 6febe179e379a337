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
    public func generatePlans(year: String, schoolCode: String? = nil, asOf date: LocalDate) async throws
        -> PlanGeneration
    {
        let (label, range) = try Self.schoolYear(year)
        return try database.generatePlans(
            year: range, label: label, schoolCode: schoolCode, asOf: date, decide: PlanGenerator.decide)
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

    /// Marks a plan item with a status written in Russian or English; «выполнено» needs its evidence.
    public func markPlanItem(_ item: Int64, status: String, evidence: String?, date: LocalDate) async throws
        -> PlanItemStatus
    {
        let map: [String: PlanItemStatus] = [
            "done": .done, "выполнено": .done, "inprogress": .inProgress, "выполняется": .inProgress,
            "cancelled": .cancelled, "отменено": .cancelled, "planned": .planned, "запланировано": .planned,
        ]
        guard let value = map[status.lowercased()] else {
            throw AppError(
                "Неизвестный статус «\(status)»: укажите выполнено, выполняется, отменено или запланировано (или done, inProgress, cancelled, planned)."
            )
        }
        if value == .done, (evidence ?? "").isEmpty {
            throw AppError("Для отметки «выполнено» укажите подтверждение: --evidence «Удостоверение № …».")
        }
        try database.markPlanItem(id: item, status: value, evidence: evidence, date: date)
        return value
    }
}
