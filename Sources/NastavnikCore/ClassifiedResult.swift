/// One result of a school in one assessment (ЕГЭ, ОГЭ, ВПР…), subject, grade and year, as
/// classification reads it.
public struct ClassifiedResult: Sendable, Equatable {
    public var year: Int
    public var assessment: String
    public var subject: String
    public var grade: String
    public var participants: Int?
    public var mean: Double
    /// The region's mean as the file gives it; `nil` when the file has none.
    public var regionMean: Double?

    public init(
        year: Int, assessment: String, subject: String, grade: String = "", participants: Int? = nil,
        mean: Double, regionMean: Double?
    ) {
        self.year = year
        self.assessment = assessment
        self.subject = subject
        self.grade = grade
        self.participants = participants
        self.mean = mean
        self.regionMean = regionMean
    }

    /// Year, procedure, subject and grade: what one region mean is the mean of.
    var key: String { "\(year)|\(CellValue.fold(assessment))|\(CellValue.fold(subject))|\(CellValue.fold(grade))" }

    /// «ОГЭ 2024, математика, 9 кл.», for the reasons.
    var label: String { "\(assessment) \(year), \(subject)" + (grade.isEmpty ? "" : ", \(grade) кл.") }
}
