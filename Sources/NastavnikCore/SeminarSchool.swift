public struct SeminarSchool: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var latitude: Double?
    public var longitude: Double?
    public var municipality: String?
    public var internshipSite: Bool
    public var curator: Bool
    public init(
        id: Int64, code: String, name: String, latitude: Double?, longitude: Double?, municipality: String?,
        internshipSite: Bool, curator: Bool
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.municipality = municipality
        self.internshipSite = internshipSite
        self.curator = curator
    }
}
