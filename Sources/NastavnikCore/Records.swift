/// How a file names a member of staff: by personnel number, or by name (with a school to
/// tell namesakes apart).
public enum StaffReference: Hashable, Sendable {
    case staffID(String)
    case name(String, schoolCode: String?)

    public var display: String {
        switch self {
        case let .staffID(id): id
        case let .name(name, school): school.map { "\(name) (\($0))" } ?? name
        }
    }
}

/// One teacher's result in a diagnostic campaign.
public struct DiagnosticEntry: Hashable, Sendable {
    public var staff: StaffReference
    public var date: LocalDate
    public var instrument: String
    public var scores: [Competence: Double]
    public var deficits: [String]
    public var consent: Bool

    public init(staff: StaffReference, date: LocalDate, instrument: String, scores: [Competence: Double],
                deficits: [String], consent: Bool = true) {
        self.staff = staff
        self.date = date
        self.instrument = instrument
        self.scores = scores
        self.deficits = deficits
        self.consent = consent
    }
}

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

    public init(staff: StaffReference, course: String, provider: String?, hours: Double?, start: LocalDate?,
                end: LocalDate?, status: TrainingStatus, certificate: String?) {
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

    public init(schoolCode: String, year: Int, assessment: String, subject: String, grade: String = "",
                participants: Int? = nil, meanScore: Double, regionMean: Double? = nil,
                shareFail: Double? = nil, shareTop: Double? = nil) {
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
    }
}

/// A school's social context in one year, as percentages of its students.
public struct SocialContext: Hashable, Sendable, Codable {
    public var schoolCode: String
    public var year: Int
    public var hardshipShare: Double?
    public var nonNativeShare: Double?
    public var registeredShare: Double?
    public var higherEdParentShare: Double?
    public var singleParentShare: Double?

    public init(schoolCode: String, year: Int, hardshipShare: Double? = nil, nonNativeShare: Double? = nil,
                registeredShare: Double? = nil, higherEdParentShare: Double? = nil, singleParentShare: Double? = nil) {
        self.schoolCode = schoolCode
        self.year = year
        self.hardshipShare = hardshipShare
        self.nonNativeShare = nonNativeShare
        self.registeredShare = registeredShare
        self.higherEdParentShare = higherEdParentShare
        self.singleParentShare = singleParentShare
    }
}

/// A curator school assigned to a supported school.
public struct CuratorPairing: Hashable, Sendable, Codable {
    public var schoolCode: String
    public var curatorSchoolCode: String
    public var curatorName: String?
    public var coordinator: String?
    public var since: LocalDate?
    public var orderRef: String?

    public init(schoolCode: String, curatorSchoolCode: String, curatorName: String? = nil, coordinator: String? = nil,
                since: LocalDate? = nil, orderRef: String? = nil) {
        self.schoolCode = schoolCode
        self.curatorSchoolCode = curatorSchoolCode
        self.curatorName = curatorName
        self.coordinator = coordinator
        self.since = since
        self.orderRef = orderRef
    }
}

/// A mentor and a mentee.
public struct MentorshipEntry: Hashable, Sendable {
    public var mentor: StaffReference
    public var mentee: StaffReference
    public var form: String?
    public var start: LocalDate?
    public var end: LocalDate?
    public var goal: String?
    /// The date of the mentor's written consent (ТК РФ, ст. 351.8).
    public var consent: LocalDate?

    public init(mentor: StaffReference, mentee: StaffReference, form: String? = nil, start: LocalDate? = nil,
                end: LocalDate? = nil, goal: String? = nil, consent: LocalDate? = nil) {
        self.consent = consent
        self.mentor = mentor
        self.mentee = mentee
        self.form = form
        self.start = start
        self.end = end
        self.goal = goal
    }
}

/// One activity row of a roadmap file, with the direction it stands under.
public struct RoadmapEntry: Hashable, Sendable {
    public var number: String?
    public var direction: String?
    public var text: String
    public var term: String
    public var responsible: String?
    public var result: String?
    public var schoolCode: String?
    /// The term read into dates within the roadmap's period.
    public var parsed: ParsedTerm

    public init(number: String?, direction: String?, text: String, term: String, responsible: String?,
                result: String?, schoolCode: String?, parsed: ParsedTerm = .unreadable) {
        self.number = number
        self.direction = direction
        self.text = text
        self.term = term
        self.responsible = responsible
        self.result = result
        self.schoolCode = schoolCode
        self.parsed = parsed
    }

    /// The people and bodies named as responsible, one by one: «УО, Федотова Н.Э.» → two.
    public var responsibleNames: [String] {
        PersonName.names(in: responsible)
    }
}

/// A lesson observed by a deputy head, a curator or a methodologist.
public struct ObservationEntry: Hashable, Sendable {
    public var date: LocalDate
    public var observer: String
    public var observerRole: String?
    public var className: String?
    public var subject: String?
    public var focus: String?
    /// Criteria and their scores, in the order written.
    public var scores: [String: Double]
    public var deficits: [String]
    public var note: String?

    public init(date: LocalDate, observer: String, observerRole: String? = nil, className: String? = nil, subject: String? = nil,
                focus: String? = nil, scores: [String: Double] = [:], deficits: [String] = [], note: String? = nil) {
        self.date = date
        self.observer = observer
        self.observerRole = observerRole
        self.className = className
        self.subject = subject
        self.focus = focus
        self.scores = scores
        self.deficits = deficits
        self.note = note
    }

    /// Reads «критерий: балл» or «критерий = балл» items; returns the bad items.
    public static func scores(_ items: [String]) -> (scores: [String: Double], bad: [String]) {
        var scores: [String: Double] = [:]
        var bad: [String] = []
        for item in items {
            let parts = item.split(whereSeparator: { $0 == ":" || $0 == "=" }).map { CellValue.trimmed(String($0)) }
            if parts.count == 2, !parts[0].isEmpty, let v = CellValue.number(parts[1]) { scores[parts[0]] = v } else { bad.append(item) }
        }
        return (scores, bad)
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
