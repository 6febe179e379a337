/// A member of a school's teaching or leading staff (педагогический или руководящий работник).
public struct StaffMember: Hashable, Sendable, Codable {
    /// The municipality's personnel number; the natural key when present.
    public var staffID: String?
    public var fullName: String
    public var schoolCode: String
    public var position: String
    public var subjects: [String]
    public var birthDate: LocalDate?
    public var teachingSince: LocalDate?
    /// Years of teaching as the file states them, when no start date is given.
    public var experienceYears: Double?
    public var category: QualificationCategory?
    public var categoryDate: LocalDate?
    public var email: String?
    public var phone: String?
    /// When the person took up their present post at this school (дата назначения на
    /// должность): the two-year exemption from attestation counts from it.
    public var postSince: LocalDate?
    /// The person's СНИЛС: a second natural key, by which a file without a personnel number
    /// finds the person stored (`personKey` does not change with it).
    public var snils: SNILS?

    public init(
        staffID: String? = nil, fullName: String, schoolCode: String, position: String,
        subjects: [String] = [], birthDate: LocalDate? = nil, teachingSince: LocalDate? = nil,
        experienceYears: Double? = nil, category: QualificationCategory? = nil,
        categoryDate: LocalDate? = nil, email: String? = nil, phone: String? = nil, postSince: LocalDate? = nil,
        snils: SNILS? = nil
    ) {
        self.staffID = staffID
        self.fullName = fullName
        self.schoolCode = schoolCode
        self.position = position
        self.subjects = subjects
        self.birthDate = birthDate
        self.teachingSince = teachingSince
        self.experienceYears = experienceYears
        self.category = category
        self.categoryDate = categoryDate
        self.email = email
        self.phone = phone
        self.postSince = postSince
        self.snils = snils
    }

    public var positionKind: PositionKind { PositionKind.cached(position) }

    /// The identity of a person across files: the personnel number, else the folded name with
    /// the birth date (or, lacking it, the school code).
    ///
    /// СНИЛС is not part of it: a key is a stored row's identity for good, and people stored
    /// before their СНИЛС was known would otherwise come back as second rows. СНИЛС is a
    /// second natural key instead (a unique column): a staff row without a personnel number
    /// whose СНИЛС a stored person has is that person, under the key they were stored with,
    /// even when the name has changed (see `StaffRows`).
    public var personKey: String {
        StaffMember.personKey(staffID: staffID, fullName: fullName, birthDate: birthDate, schoolCode: schoolCode)
    }

    public static func personKey(staffID: String?, fullName: String, birthDate: LocalDate?, schoolCode: String)
        -> String
    {
        if let staffID, !staffID.isEmpty { return "id:" + staffID }
        if let birthDate { return "nb:" + CellValue.fold(fullName) + "|" + birthDate.iso }
        return "ns:" + CellValue.fold(fullName) + "|" + schoolCode
    }

    /// Years of teaching on `date`: from the start date when known, else as stated.
    public func experience(asOf date: LocalDate) -> Double? {
        if let teachingSince { return Double(max(0, teachingSince.wholeYears(until: date))) }
        return experienceYears
    }

    /// An early-career teacher (молодой специалист) by `rule`.
    public func isEarlyCareer(asOf date: LocalDate, rule: EarlyCareerRule = EarlyCareerRule()) -> Bool {
        rule.applies(birthDate: birthDate, experience: experience(asOf: date), asOf: date)
    }

    /// The day pedagogical work began, for a file that gives only the years of it («Педстаж,
    /// лет») as of `date`: so that the experience ages with the calendar instead of staying
    /// what the file said. Fractions of a year count as whole months.
    public static func teachingStart(experienceYears years: Double, asOf date: LocalDate) -> LocalDate {
        date.adding(months: -Int((max(0, years) * 12).rounded()))
    }
}
