import Foundation

/// What the region's report shows, read from the regional database on one day
/// (`RegionDatabase.figures`): per municipality, and for the region where people are counted once.
public struct RegionFigures: Sendable, Equatable {
    /// A municipality and its latest push.
    public struct Municipality: Sendable, Equatable {
        public var oktmo: String
        public var name: String
        public var asOf: String?
        public var lastPushAt: Date?

        public init(oktmo: String, name: String, asOf: String?, lastPushAt: Date?) {
            self.oktmo = oktmo
            self.name = name
            self.asOf = asOf
            self.lastPushAt = lastPushAt
        }
    }

    /// Schools by official status (`SchoolStatus` raw values), of one municipality.
    public struct Schools: Sendable, Equatable {
        public var municipality: String
        public var total: Int
        /// Per status raw value, how many schools have it.
        public var byStatus: [String: Int]

        public init(municipality: String, total: Int, byStatus: [String: Int]) {
            self.municipality = municipality
            self.total = total
            self.byStatus = byStatus
        }
    }

    /// The 3-year rule (273-ФЗ, ст. 47, ч. 5, п. 2) over the counted (pedagogical and leading)
    /// workers: trained within three years up to the day, and overdue (the due day passed, or
    /// unknown).
    public struct Training: Sendable, Equatable {
        public var municipality: String
        public var counted: Int
        public var trained: Int
        public var overdue: Int

        public init(municipality: String, counted: Int, trained: Int, overdue: Int) {
            self.municipality = municipality
            self.counted = counted
            self.trained = trained
            self.overdue = overdue
        }
    }

    /// Diagnosed workers and those above the threshold, per competence (`all`: above in every
    /// competence of the result, as Заиграевский 3.2 counts).
    public struct Diagnostics: Sendable, Equatable {
        public var municipality: String
        public var competence: String
        public var diagnosed: Int
        public var above: Int

        public init(municipality: String, competence: String, diagnosed: Int, above: Int) {
            self.municipality = municipality
            self.competence = competence
            self.diagnosed = diagnosed
            self.above = above
        }
    }

    /// How many diagnosed workers of a municipality have a deficit in a topic.
    public struct Deficit: Sendable, Equatable {
        public var municipality: String
        public var topic: String
        public var people: Int

        public init(municipality: String, topic: String, people: Int) {
            self.municipality = municipality
            self.topic = topic
            self.people = people
        }
    }

    /// Workers with a deficit, and of them those invited to (and present at) an event on it.
    public struct Coverage: Sendable, Equatable {
        public var municipality: String
        public var withDeficit: Int
        public var invited: Int
        public var attended: Int

        public init(municipality: String, withDeficit: Int, invited: Int, attended: Int) {
            self.municipality = municipality
            self.withDeficit = withDeficit
            self.invited = invited
            self.attended = attended
        }
    }

    /// A curator pair; `fromOtherMunicipality` when the curating school is of another
    /// municipality than the supported one.
    public struct Pair: Sendable, Equatable {
        public var municipality: String
        public var schoolCode: String
        public var schoolName: String?
        public var curatorSchoolCode: String
        public var curatorSchoolName: String?
        public var curatorMunicipality: String?
        public var curatorName: String?
        public var since: String?
        public var until: String?
        public var order: String?
        public var fromOtherMunicipality: Bool

        public init(
            municipality: String, schoolCode: String, schoolName: String?, curatorSchoolCode: String,
            curatorSchoolName: String?, curatorMunicipality: String?, curatorName: String?, since: String?,
            until: String?, order: String?, fromOtherMunicipality: Bool
        ) {
            self.municipality = municipality
            self.schoolCode = schoolCode
            self.schoolName = schoolName
            self.curatorSchoolCode = curatorSchoolCode
            self.curatorSchoolName = curatorSchoolName
            self.curatorMunicipality = curatorMunicipality
            self.curatorName = curatorName
            self.since = since
            self.until = until
            self.order = order
            self.fromOtherMunicipality = fromOtherMunicipality
        }
    }

    /// A municipality's own line of a target indicator: of its latest year with an actual value up
    /// to the report's year, else of its latest year.
    public struct Indicator: Sendable, Equatable {
        public var municipality: String
        public var code: String
        public var title: String
        public var unit: String?
        public var year: Int
        public var baseline: Double?
        public var target: Double?
        public var actual: Double?
        public var onTrack: Bool?

        public init(
            municipality: String, code: String, title: String, unit: String?, year: Int, baseline: Double?,
            target: Double?, actual: Double?, onTrack: Bool?
        ) {
            self.municipality = municipality
            self.code = code
            self.title = title
            self.unit = unit
            self.year = year
            self.baseline = baseline
            self.target = target
            self.actual = actual
            self.onTrack = onTrack
        }
    }

    /// The day the figures are for (`YYYY-MM-DD`).
    public var asOf: String
    public var municipalities: [Municipality] = []
    public var schools: [Schools] = []
    public var training: [Training] = []
    /// The region's line: each person once (linked across municipalities by their СНИЛС).
    public var regionTraining = Training(municipality: "Регион", counted: 0, trained: 0, overdue: 0)
    /// People found in more than one municipality.
    public var movers = 0
    public var diagnostics: [Diagnostics] = []
    /// Per municipality, the diagnosed workers (the heatmap's denominators).
    public var diagnosed: [String: Int] = [:]
    public var deficits: [Deficit] = []
    public var coverage: [Coverage] = []
    public var pairs: [Pair] = []
    public var indicators: [Indicator] = []

    public init(asOf: String) { self.asOf = asOf }
}
