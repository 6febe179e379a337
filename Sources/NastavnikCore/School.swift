/// A school (общеобразовательная организация), identified by its code.
public struct School: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var municipality: String?
    public var kind: String?
    /// Official statuses from the regional lists; a school may carry several (НОР and ШНСУ).
    public var statuses: [SchoolStatus]
    public var internshipSite: Bool
    public var students: Int?
    public var latitude: Double?
    public var longitude: Double?
    public var address: String?
    public var head: String?

    public init(
        code: String, name: String, municipality: String? = nil, kind: String? = nil,
        statuses: [SchoolStatus] = [], internshipSite: Bool = false, students: Int? = nil,
        latitude: Double? = nil, longitude: Double? = nil, address: String? = nil, head: String? = nil
    ) {
        self.code = code
        self.name = name
        self.municipality = municipality
        self.kind = kind
        self.statuses = statuses
        self.internshipSite = internshipSite
        self.students = students
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
        self.head = head
    }
}
