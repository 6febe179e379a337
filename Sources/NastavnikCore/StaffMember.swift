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

    public init(staffID: String? = nil, fullName: String, schoolCode: String, position: String,
                subjects: [String] = [], birthDate: LocalDate? = nil, teachingSince: LocalDate? = nil,
                experienceYears: Double? = nil, category: QualificationCategory? = nil,
                categoryDate: LocalDate? = nil, email: String? = nil, phone: String? = nil) {
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
    }

    public var positionKind: PositionKind { PositionKind.cached(position) }

    /// The identity of a person across files: the personnel number, else the folded name with
    /// the birth date (or, lacking it, the school code).
    public var personKey: String {
        StaffMember.personKey(staffID: staffID, fullName: fullName, birthDate: birthDate, schoolCode: schoolCode)
    }

    public static func personKey(staffID: String?, fullName: String, birthDate: LocalDate?, schoolCode: String) -> String {
        if let staffID, !staffID.isEmpty { return "id:" + staffID }
        if let birthDate { return "nb:" + CellValue.fold(fullName) + "|" + birthDate.iso }
        return "ns:" + CellValue.fold(fullName) + "|" + schoolCode
    }

    /// Years of teaching on `date`: from the start date when known, else as stated.
    public func experience(asOf date: LocalDate) -> Double? {
        if let teachingSince { return Double(max(0, teachingSince.wholeYears(until: date))) }
        return experienceYears
    }

    /// An early-career teacher (молодой специалист): under 35, or in the first 3 years of teaching.
    public func isEarlyCareer(asOf date: LocalDate) -> Bool {
        if let birthDate, birthDate.wholeYears(until: date) < 35 { return true }
        if let years = experience(asOf: date), years < 3 { return true }
        return false
    }
}
