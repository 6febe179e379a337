/// The order of the staff page.
public enum StaffOrder: String, Sendable, Equatable, CaseIterable {
    /// By school code, then full name (the order of `staff list` and `training status`).
    case schoolAndName
    /// By full name across schools, then school code.
    case name
}
