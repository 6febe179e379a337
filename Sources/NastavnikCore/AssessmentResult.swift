/// A school's result in one assessment (ЕГЭ, ОГЭ, ВПР…) for one subject, grade and year.
public struct AssessmentResult: Hashable, Sendable, Codable {
    public var schoolCode: String
    public var year: Int
    public var assessment: String
    public var subject: String
    public var grade: String
    public var participants: Int?
    public var meanScore: Double
    public var regionMean: Double?
    public var shareFail: Double?
    public var shareTop: Double?
    /// How many participants got each grade «2»…«5» (ОГЭ, ВПР), when the file gives counts.
    public var count2: Int?
    public var count3: Int?
    public var count4: Int?
    public var count5: Int?
    /// How many participants scored more than 70 points (ЕГЭ; Заиграевский 2.3).
    public var above70: Int?

    public init(
        schoolCode: String, year: Int, assessment: String, subject: String, grade: String = "",
        participants: Int? = nil, meanScore: Double, regionMean: Double? = nil,
        shareFail: Double? = nil, shareTop: Double? = nil, count2: Int? = nil, count3: Int? = nil,
        count4: Int? = nil, count5: Int? = nil, above70: Int? = nil
    ) {
        self.schoolCode = schoolCode
        self.year = year
        self.assessment = assessment
        self.subject = subject
        self.grade = grade
        self.participants = participants
        self.meanScore = meanScore
        self.regionMean = regionMean
        self.shareFail = shareFail
        self.shareTop = shareTop
        self.count2 = count2
        self.count3 = count3
        self.count4 = count4
        self.count5 = count5
        self.above70 = above70
    }
}

extension AssessmentResult {
    /// «4», «04», «4 класс», «4-й кл.» are the same grade, «4»; other text («4А», «9-11») stays.
    public static func grade(_ text: String) -> String {
        var rest = Substring(CellValue.fold(text))
        for suffix in ["классы", "класс", "кл.", "кл"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        for suffix in ["-й", "-ый", "-ой"] where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(rest) else { return text }
        return String(number)
    }
}
