import Foundation
import NastavnikCore

/// A column of a report: the stable key scripts read in JSON and the Russian title people read.
public struct Column: Sendable, Equatable {
    public var key: String
    public var title: String

    public init(_ key: String, _ title: String) {
        self.key = key
        self.title = title
    }

    // The columns many tables share, defined once so that their keys and titles stay the same everywhere.

    static let staffID = Column("staff_id", "Табельный номер")
    static let fullName = Column("full_name", "ФИО")
    /// The school of the row's person or pair.
    static let schoolCode = Column("school_code", "Код ОО")
    static let school = Column("school", "Школа")
    static let position = Column("position", "Должность")
    static let subjects = Column("subjects", "Предметы")
    static let category = Column("category", "Категория")
    static let experienceYears = Column("experience_years", "Педстаж")
    /// The code and name of a table whose rows are schools.
    static let code = Column("code", "Код ОО")
    static let name = Column("name", "Школа")

    /// A curator pair: the curator school and its curator, and the pair's municipal coordinator.
    static let curatorSchool = Column("curator_school", "Школа-куратор")
    static let curator = Column("curator", "Куратор")
    static let coordinator = Column("coordinator", "Муниципальный координатор")
    /// A mentorship: its two sides, its form and its meetings.
    static let mentee = Column("mentee", "Наставляемый")
    static let menteeSchool = Column("mentee_school", "Код ОО")
    static let mentor = Column("mentor", "Наставник")
    static let mentorshipForm = Column("form", "Форма")
    static let meetings = Column("meetings", "Встреч")

    /// The columns that name a worker, filled by `StaffLine.identityCells`.
    static let staffIdentity: [Column] = [.staffID, .fullName, .schoolCode, .position]
}
