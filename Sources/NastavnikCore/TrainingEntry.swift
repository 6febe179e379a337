/// One completed, current or requested course of one teacher.
public struct TrainingEntry: Hashable, Sendable {
    public var staff: StaffReference
    /// A catalogue code or a programme title.
    public var course: String
    public var provider: String?
    public var hours: Double?
    public var start: LocalDate?
    public var end: LocalDate?
    public var status: TrainingStatus
    public var certificate: String?

    public init(
        staff: StaffReference, course: String, provider: String?, hours: Double?, start: LocalDate?,
        end: LocalDate?, status: TrainingStatus, certificate: String?
    ) {
        self.staff = staff
        self.course = course
        self.provider = provider
        self.hours = hours
        self.start = start
        self.end = end
        self.status = status
        self.certificate = certificate
    }
}
