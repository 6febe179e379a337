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

extension StaffRecord {
    /// Read column by column rather than through `Decodable`, which cost a school's page more
    /// than its queries (about 28 µs a row); a missing column throws, as decoding did.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        personKey = try row.decode(forColumn: "person_key")
        staffId = try row.decode(forColumn: "staff_id")
        fullName = try row.decode(forColumn: "full_name")
        schoolId = try row.decode(forColumn: "school_id")
        position = try row.decode(forColumn: "position")
        positionKind = try row.decode(forColumn: "position_kind")
        subjects = try row.decode(forColumn: "subjects")
        birthDate = try row.decode(forColumn: "birth_date")
        teachingSince = try row.decode(forColumn: "teaching_since")
        experienceYears = try row.decode(forColumn: "experience_years")
        category = try row.decode(forColumn: "category")
        categoryDate = try row.decode(forColumn: "category_date")
        email = try row.decode(forColumn: "email")
        phone = try row.decode(forColumn: "phone")
        forgottenAt = try row.decode(forColumn: "forgotten_at")
        postSince = try row.decode(forColumn: "post_since")
        snils = try row.decode(forColumn: "snils")
    }
}
