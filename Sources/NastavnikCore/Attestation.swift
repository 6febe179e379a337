/// Attestation rules (Порядок проведения аттестации педагогических работников, приказ
/// Минпросвещения России от 24.03.2023 № 196): attestation for fitness for the post (СЗД) every
/// 5 years for a pedagogical worker without a category; a category granted before 01.09.2023
/// keeps its 5-year term, one granted on or after it has none.
public enum Attestation {
    public static let indefiniteFrom = LocalDate(year: 2023, month: 9, day: 1)!

    /// Years between two attestations for fitness for the post (Порядок, п. 5).
    public static let fitnessPeriodYears = 5
    /// Years in the post at this organisation before a worker is attested for fitness for it
    /// (Порядок, п. 21 «б»: not attested are those «проработавшие в занимаемой должности менее
    /// двух лет в организации, в которой проводится аттестация»).
    public static let exemptionYears = 2

    public enum Due: Sendable, Equatable {
        /// Attestation for fitness for the post is due on the date (nil: no date on record).
        /// `postSinceKnown`: whether the date of appointment is known, so the two-year
        /// exemption could be checked.
        case fitnessForPost(LocalDate?, postSinceKnown: Bool)
        /// The category's term ends on the date.
        case categoryExpires(LocalDate)
        /// In the post at this school less than two years: not attested for fitness before the date.
        case exemptNewInPost(until: LocalDate)
    }

    /// What is due on `date` for a person of `kind` with this category granted (or fitness
    /// established) on `since`, in the post at this school from `postSince`; `nil` when nothing is.
    ///
    /// Only pedagogical workers are attested by this Порядок: the attestation of a director and
    /// deputies is the founder's (273-ФЗ, ст. 51, ч. 4), other staff have none.
    public static func due(
        kind: PositionKind, category: QualificationCategory?, since: LocalDate?,
        postSince: LocalDate?, asOf date: LocalDate
    ) -> Due? {
        guard kind == .pedagogical else { return nil }
        switch category {
        case .highest?, .first?, .methodist?, .mentor?:
            guard let since else { return nil }
            return since < indefiniteFrom ? .categoryExpires(since.adding(years: 5)) : nil
        case .fitsPost?, .none?, nil:
            // Never attested: due once the two years in the post have passed (п. 21 «б»), the day
            // a worker becomes one to attest — not «overdue» with no date.
            let next =
                since.map { $0.adding(years: fitnessPeriodYears) } ?? postSince.map { $0.adding(years: exemptionYears) }
            if since == nil, let postSince, postSince.adding(years: exemptionYears) > date {
                return .exemptNewInPost(until: postSince.adding(years: exemptionYears))
            }
            if let postSince {
                let exemptUntil = postSince.adding(years: exemptionYears)
                // Appointed within two years of when the attestation would fall: not yet.
                if exemptUntil > (next ?? date) { return .exemptNewInPost(until: exemptUntil) }
            }
            return .fitnessForPost(next, postSinceKnown: postSince != nil)
        }
    }
}

extension Attestation {
    /// What a person listed by `attestation due` has ahead, and by when.
    public struct Listing: Sendable, Equatable {
        /// Said in the list, in Russian: the kind of attestation, and what is not known.
        public var what: String
        /// The day it falls due; `nil` when no earlier date is on record (due already).
        public var due: LocalDate?

        public init(what: String, due: LocalDate?) {
            self.what = what
            self.due = due
        }

        /// Overdue on `date`: the day passed, or there is no day on record.
        public func isOverdue(asOf date: LocalDate) -> Bool { due.map { $0 < date } ?? true }
    }

    /// The line `attestation due` lists for a person (`due(kind:…)` on `date`), or `nil` when
    /// nothing falls due by `until`: attestation for fitness for the post (its date unknown
    /// counts as due), or a category's term ending.
    public static func listing(
        kind: PositionKind, category: QualificationCategory?, since: LocalDate?, postSince: LocalDate?,
        asOf date: LocalDate, until: LocalDate
    ) -> Listing? {
        switch due(kind: kind, category: category, since: since, postSince: postSince, asOf: date) {
        case .fitnessForPost(let d, let postSinceKnown)?:
            guard d.map({ $0 <= until }) ?? true else { return nil }
            var what =
                d == nil
                ? "аттестация на соответствие должности: даты прежней аттестации нет"
                : "аттестация на соответствие должности"
            // The two-year exemption (Порядок, п. 21) counts the years in the post at this
            // school: without the date of appointment it is not known, and said so.
            if d == nil, !postSinceKnown {
                what +=
                    "; дата назначения на должность неизвестна — освобождение первых двух лет в должности не проверено"
            }
            return Listing(what: what, due: d)
        case .categoryExpires(let d)?:
            guard d <= until, let category else { return nil }
            return Listing(what: "истекает срок категории «\(category.russian)»", due: d)
        case .exemptNewInPost?, nil:
            return nil
        }
    }

    /// The order of `attestation due`: by the due day (none on record first), then school and name.
    public static func precedes(
        _ a: (due: LocalDate?, schoolCode: String, fullName: String),
        _ b: (due: LocalDate?, schoolCode: String, fullName: String)
    ) -> Bool {
        let earliest = LocalDate(year: 1, month: 1, day: 1)!
        return (a.due ?? earliest, a.schoolCode, a.fullName) < (b.due ?? earliest, b.schoolCode, b.fullName)
    }
}
