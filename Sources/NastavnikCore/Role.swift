/// What an account of the department's web interface is for (issue 19): each role has its
/// `permissions`, checked on the server for every action.
public enum Role: String, Sendable, Hashable, Codable, UserSpelled {
    /// Accounts, backups and the audit log.
    case admin
    /// Schools, curators, the roadmap, training and imports.
    case specialist
    /// Diagnostics, observations, plans, mentoring and seminars.
    case methodologist
    /// Reads everything and changes nothing.
    case viewer
    /// A school's own account: its school's staff, plans and roadmap items only.
    case school

    public var russian: String {
        switch self {
        case .admin: "администратор"
        case .specialist: "специалист"
        case .methodologist: "методист"
        case .viewer: "наблюдатель"
        case .school: "школа"
        }
    }

    public var aliases: [String] {
        switch self {
        case .admin: ["админ"]
        case .specialist: ["специалист управления"]
        case .methodologist: ["методолог"]
        case .viewer: ["просмотр", "читатель"]
        case .school: ["образовательная организация", "оо"]
        }
    }

    /// What the role may do, as issue 19 lists it: every role but `school` reads every area;
    /// `school` reads its own school's staff, plans and roadmap items only.
    public var permissions: Set<Permission> {
        switch self {
        case .admin: [.readAll, .manageUsers, .backup, .readAudit, .markRoadmap]
        case .specialist:
            [.readAll, .editSchools, .editCurators, .editRoadmap, .markRoadmap, .editTraining, .runImports]
        case .methodologist:
            [.readAll, .editDiagnostics, .editObservations, .editPlans, .editMentoring, .editSeminars]
        case .viewer: [.readAll]
        case .school: [.readOwnSchool, .markOwnSchoolRoadmap]
        }
    }

    /// Whether the role may do `permission`.
    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// Whether an account of this role belongs to one school (and must name it).
    public var needsSchool: Bool { self == .school }
}
