/// A school's social context in one year, as percentages of its students, and the counts of
/// its pupils that the target indicators read (Заиграевский 1.1, 1.3, 1.4).
public struct SocialContext: Hashable, Sendable, Codable {
    public var schoolCode: String
    public var year: Int
    public var hardshipShare: Double?
    public var nonNativeShare: Double?
    public var registeredShare: Double?
    public var higherEdParentShare: Double?
    public var singleParentShare: Double?
    /// Pupils of the school (ОО-1).
    public var pupils: Int?
    /// Pupils with ОВЗ and disabled children; of them, taught under an adapted programme.
    public var ovzPupils: Int?
    public var ovzAdapted: Int?
    /// Pupils left to repeat the year.
    public var repeaters: Int?
    /// Leavers of the 9th and 11th grades, and of them those who got the certificate.
    public var leavers9: Int?
    public var certificates9: Int?
    public var leavers11: Int?
    public var certificates11: Int?
    /// Vacant pedagogical positions (ставки, to one decimal) at the year's count; the staff
    /// shortage of the «500+» factor 2 (issue 21).
    public var vacancies: Double?

    public init(
        schoolCode: String, year: Int, hardshipShare: Double? = nil, nonNativeShare: Double? = nil,
        registeredShare: Double? = nil, higherEdParentShare: Double? = nil, singleParentShare: Double? = nil,
        pupils: Int? = nil, ovzPupils: Int? = nil, ovzAdapted: Int? = nil, repeaters: Int? = nil,
        leavers9: Int? = nil, certificates9: Int? = nil, leavers11: Int? = nil, certificates11: Int? = nil,
        vacancies: Double? = nil
    ) {
        self.schoolCode = schoolCode
        self.year = year
        self.hardshipShare = hardshipShare
        self.nonNativeShare = nonNativeShare
        self.registeredShare = registeredShare
        self.higherEdParentShare = higherEdParentShare
        self.singleParentShare = singleParentShare
        self.pupils = pupils
        self.ovzPupils = ovzPupils
        self.ovzAdapted = ovzAdapted
        self.repeaters = repeaters
        self.leavers9 = leavers9
        self.certificates9 = certificates9
        self.leavers11 = leavers11
        self.certificates11 = certificates11
        self.vacancies = vacancies
    }
}
