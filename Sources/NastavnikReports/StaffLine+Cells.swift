import NastavnikStore

extension StaffLine {
    /// The cells under `Column.staffIdentity`: personnel number, name, school code and position.
    var identityCells: [Cell] { [Cell(staffID), .text(fullName), .text(schoolCode), .text(position)] }
}
