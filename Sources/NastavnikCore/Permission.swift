/// One thing an account may do in the web interface; `Role.permissions` says who may.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    /// Read every school, person, report and list (pseudonymised for a viewer when the admin says so).
    case readAll
    /// Read one's own school's staff, plans and roadmap items (a school's account).
    case readOwnSchool
    /// Add, change and disable accounts.
    case manageUsers
    /// Make and restore backups.
    case backup
    /// Read the audit log.
    case readAudit
    /// Change schools and their statuses.
    case editSchools
    /// Assign curators.
    case editCurators
    /// Change the roadmap.
    case editRoadmap
    /// Mark a roadmap term's status with its evidence (issue 20: the specialist who keeps the
    /// roadmap, and the admin who stands in for them).
    case markRoadmap
    /// Mark the status of one's own school's roadmap terms (a school's account reports its own).
    case markOwnSchoolRoadmap
    /// Change trainings and the training order.
    case editTraining
    /// Import files.
    case runImports
    /// Change diagnostics.
    case editDiagnostics
    /// Change lesson observations.
    case editObservations
    /// Change development plans.
    case editPlans
    /// Change mentoring pairs and meetings.
    case editMentoring
    /// Change seminars.
    case editSeminars
}
