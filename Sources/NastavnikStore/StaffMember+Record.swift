import GRDB
import NastavnikCore

/// A row of `staff`.
public struct StaffRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "staff"
    public var id: Int64?
    public var personKey: String
    public var staffId: String?
    public var fullName: String
    public var schoolId: Int64
    public var position: String
    public var positionKind: String
    public var subjects: String
    public var birthDate: String?
    public var teachingSince: String?
    public var experienceYears: Double?
    public var category: String?
    public var categoryDate: String?
    public var email: String?
    public var phone: String?
    public var forgottenAt: String?
    public var postSince: String?
    /// СНИЛС as written, «123-456-789 01».
    public var snils: String?

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// The domain value, given the school's code.
    public func member(schoolCode: String) -> StaffMember {
        StaffMember(
            staffID: staffId, fullName: fullName, schoolCode: schoolCode, position: position,
            subjects: subjects.isEmpty ? [] : subjects.components(separatedBy: "; "),
            birthDate: birthDate.flatMap { LocalDate(parsing: $0) },
            teachingSince: teachingSince.flatMap { LocalDate(parsing: $0) },
            experienceYears: experienceYears, category: category.flatMap(QualificationCategory.init(rawValue:)),
            categoryDate: categoryDate.flatMap { LocalDate(parsing: $0) }, email: email, phone: phone,
            postSince: postSince.flatMap { LocalDate(parsing: $0) },
            snils: snils.flatMap { try? SNILS.parse($0).get() })
    }
}
