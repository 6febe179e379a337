/// One proposed session.
public struct SeminarSession: Sendable, Equatable {
    public var date: LocalDate
    public var host: SeminarSchool?
    public var presenters: [SeminarPerson]
    public var participants: [SeminarPerson]
}
