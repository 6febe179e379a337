/// A curator school assigned to a supported school.
public struct CuratorPairing: Hashable, Sendable, Codable {
    public var schoolCode: String
    public var curatorSchoolCode: String
    public var curatorName: String?
    public var coordinator: String?
    public var since: LocalDate?
    public var orderRef: String?

    public init(
        schoolCode: String, curatorSchoolCode: String, curatorName: String? = nil, coordinator: String? = nil,
        since: LocalDate? = nil, orderRef: String? = nil
    ) {
        self.schoolCode = schoolCode
        self.curatorSchoolCode = curatorSchoolCode
        self.curatorName = curatorName
        self.coordinator = coordinator
        self.since = since
        self.orderRef = orderRef
    }
}
