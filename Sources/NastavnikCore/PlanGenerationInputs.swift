/// Everything `plans generate` weighs for a school year, as the store reads it: the teachers to
/// consider, their colleagues, the catalogue, the events and the rules in force. Plain values:
/// `PlanGenerator.decide` needs no database.
public struct PlanGenerationInputs: Sendable, Equatable {
    /// A person's latest diagnostic given with consent.
    public struct Diagnostic: Sendable, Equatable {
        public var instrument: String
        public var scores: [Competence: Double]
        /// The deficits recorded with it, by topic.
        public var deficits: [String]

        public init(instrument: String, scores: [Competence: Double], deficits: [String]) {
            self.instrument = instrument
            self.scores = scores
            self.deficits = deficits
        }
    }

    /// An item of the latest plan of an earlier school year still open, or carried over by an
    /// earlier run (`carried`).
    public struct OpenItem: Sendable, Equatable {
        public var id: Int64
        public var carried: Bool
        public var draft: PlanItemDraft

        public init(id: Int64, carried: Bool, draft: PlanItemDraft) {
            self.id = id
            self.carried = carried
            self.draft = draft
        }
    }

    /// The latest plan of an earlier school year: its label («2025/26») and its open items.
    public struct EarlierPlan: Sendable, Equatable {
        public var label: String
        public var items: [OpenItem]

        public init(label: String, items: [OpenItem]) {
            self.label = label
            self.items = items
        }
    }

    /// A pedagogical or leading worker the plans consider, in the order plans are made.
    public struct Teacher: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var schoolID: Int64
        public var subjects: [String]
        public var leading: Bool
        /// The official statuses of the teacher's school.
        public var schoolStatuses: Set<SchoolStatus>
        public var mentorID: Int64?
        /// The day the 3-year term of in-service training ends (`TrainingRule.dueBy`).
        public var dueBy: LocalDate?
        public var diagnostic: Diagnostic?
        /// Deficits seen in lessons observed during the last year.
        public var observed: [String]
        /// The latest plan of an earlier school year, once this year has begun; `nil` otherwise.
        public var earlier: EarlierPlan?

        public init(
            id: Int64, name: String, schoolID: Int64, subjects: [String], leading: Bool,
            schoolStatuses: Set<SchoolStatus>,
            mentorID: Int64?, dueBy: LocalDate?, diagnostic: Diagnostic?, observed: [String],
            earlier: EarlierPlan?
        ) {
            self.id = id
            self.name = name
            self.schoolID = schoolID
            self.subjects = subjects
            self.leading = leading
            self.schoolStatuses = schoolStatuses
            self.mentorID = mentorID
            self.dueBy = dueBy
            self.diagnostic = diagnostic
            self.observed = observed
            self.earlier = earlier
        }
    }

    /// A member of staff who may mentor or present: everybody, diagnosed or not.
    public struct Colleague: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var schoolID: Int64
        public var subjects: [String]
        public var category: QualificationCategory?
        public var diagnostic: Diagnostic?

        public init(
            id: Int64, name: String, schoolID: Int64, subjects: [String], category: QualificationCategory?,
            diagnostic: Diagnostic?
        ) {
            self.id = id
            self.name = name
            self.schoolID = schoolID
            self.subjects = subjects
            self.category = category
            self.diagnostic = diagnostic
        }
    }

    public var year: ClosedRange<LocalDate>
    public var asOf: LocalDate
    public var minimumHours: Double
    /// The statuses whose schools give every pedagogical and leading worker a plan (`plans.all_staff_statuses`).
    public var allStaffStatuses: Set<SchoolStatus>
    /// Thresholds by instrument (`*`: the defaults) and competence.
    public var thresholds: [String: [Competence: Double]]
    public var teachers: [Teacher]
    public var colleagues: [Colleague]
    /// School id → the schools curating it.
    public var curators: [Int64: Set<Int64>]
    public var courses: [PlanCourse]
    public var events: [PlanEvent]

    public init(
        year: ClosedRange<LocalDate>, asOf: LocalDate, minimumHours: Double, allStaffStatuses: Set<SchoolStatus>,
        thresholds: [String: [Competence: Double]], teachers: [Teacher], colleagues: [Colleague],
        curators: [Int64: Set<Int64>],
        courses: [PlanCourse], events: [PlanEvent]
    ) {
        self.year = year
        self.asOf = asOf
        self.minimumHours = minimumHours
        self.allStaffStatuses = allStaffStatuses
        self.thresholds = thresholds
        self.teachers = teachers
        self.colleagues = colleagues
        self.curators = curators
        self.courses = courses
        self.events = events
    }

    /// The threshold of a competence for an instrument: its own, else the default (`*`).
    public func threshold(instrument: String, _ competence: Competence) -> Double? {
        thresholds[instrument]?[competence] ?? thresholds["*"]?[competence]
    }
}
