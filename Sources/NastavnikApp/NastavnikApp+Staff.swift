import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The workers (of one school, or all) as of `date`; a school not on record is refused.
    public func staffList(schoolCode: String?, asOf date: LocalDate) async throws -> [StaffListing] {
        if let schoolCode, try !database.hasSchool(code: schoolCode) {
            throw AppError("Школа с кодом «\(schoolCode)» не найдена.")
        }
        return try database.staff(schoolCode: schoolCode, asOf: date).map { StaffListing(line: $0, asOf: date) }
    }

    /// A page of the staff search (the staff page of the web and `staff list --search…`): the
    /// people `query` finds on `date`, in its order, and how many there are.
    ///
    /// `schoolScope`, a school account's school code, restricts the page to that school's staff
    /// whatever the query says: a search by personnel number or СНИЛС finds nobody of another
    /// school, and a query naming another school is refused. A school not on record, a page
    /// below 1 or a page size out of 1…500 is refused, naming the parameter.
    public func staffPage(query: StaffQuery, asOf date: LocalDate, schoolScope: String? = nil) async throws
        -> StaffPage
    {
        if let problem = query.problem { throw AppError(problem) }
        var query = query
        if let schoolScope {
            if let asked = query.schoolCode, asked != schoolScope {
                throw AppError(
                    "Школа «\(asked)» недоступна: учётная запись видит только работников школы «\(schoolScope)».")
            }
            query.schoolCode = schoolScope
        }
        if let schoolCode = query.schoolCode, try !database.hasSchool(code: schoolCode) {
            throw AppError("Школа с кодом «\(schoolCode)» не найдена.")
        }
        do {
            return try database.staffPage(query, asOf: date)
        } catch StoreError.invalid(let message) {
            throw AppError(message)
        }
    }

    /// A worker's card (by staff ID, or by a name only they bear) with the training and
    /// early-career rules in force applied on `date`.
    public func staffCard(id: String, asOf date: LocalDate) async throws -> StaffCardView {
        try await staffCard(try database.staffCard(id: id), asOf: date)
    }

    private func staffCard(_ card: StaffCard, asOf date: LocalDate) async throws -> StaffCardView {
        let rule = try database.trainingRule()
        let member = card.member
        let lastCounting = card.trainings.filter { $0.status == .completed && ($0.hours ?? 0) >= rule.minimumHours }
            .compactMap(\.end).filter { $0 <= date }.max()
        return StaffCardView(
            card: card, asOf: date, rule: rule, lastCountingTraining: lastCounting,
            compliant: rule.isCompliant(lastTrainingEnd: lastCounting, asOf: date),
            dueBy: card.positionKind == .other
                ? nil : rule.dueBy(lastTrainingEnd: lastCounting, teachingSince: member.teachingSince),
            earlyCareer: card.positionKind == .pedagogical
                && member.isEarlyCareer(asOf: date, rule: card.earlyCareerRule))
    }

    /// The positions with their kinds and counts, after classing `title` as `kind` when given
    /// (returned: the records changed).
    public func positions(setting title: String? = nil, to kind: PositionKind? = nil) async throws -> (
        changed: Int?, positions: [PositionLine]
    ) {
        var changed: Int?
        if let title, let kind { changed = try database.setPositionKind(title: title, kind: kind) }
        return (changed, try database.positions())
    }

    /// Erases a worker's personal data (152-ФЗ) on `date`; totals and indicators stay.
    public func forgetStaff(_ id: String, on date: LocalDate) async throws {
        try database.forget(staff: id, on: date)
    }
}

extension NastavnikApp {
    /// A person's page by personnel number (never by name: a page links by number): the card,
    /// plans, observed lessons and the attestation ahead, on `date`.
    public func personCard(staffID: String, asOf date: LocalDate) async throws -> PersonCard {
        let card = try database.staffCard(id: staffID, byName: false)
        let view = try await staffCard(card, asOf: date)
        let member = card.member
        let horizon = date.adding(years: Attestation.fitnessPeriodYears)
        return PersonCard(
            view: view, plans: try database.plans(staff: staffID),
            observations: try database.observations(staff: staffID, schoolCode: nil),
            attestation: Attestation.listing(
                kind: card.positionKind, category: member.category, since: member.categoryDate,
                postSince: member.postSince, asOf: date, until: horizon))
    }
}

extension NastavnikApp {
    /// Makes the staff search's tables again when the data changed since they were made (a
    /// server calls it now and then, so that no page waits for it); returns whether it did.
    @discardableResult
    public func refreshStaffSearch() async throws -> Bool { try database.refreshStaffSearch() }
}
