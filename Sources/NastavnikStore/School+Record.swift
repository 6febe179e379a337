import GRDB
import NastavnikCore

/// A row of `school`.
public struct SchoolRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "school"
    public var id: Int64?
    public var code: String
    public var name: String
    public var municipality: String?
    public var kind: String?
    public var internshipSite: Bool
    public var students: Int?
    public var latitude: Double?
    public var longitude: Double?
    public var address: String?
    public var head: String?
    public var curatorCapacity: Int?

    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}
