/// The staff indicators of the seed roadmaps, per school and for the municipality.
public struct StaffIndicators: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var code: String
        public var name: String
        /// Whether the school is in the population of indicator 3.2 (official НОР).
        public var lowResults: Bool
        /// Pedagogical and leading workers.
        public var staff: Int
        /// Of them, trained within the last three years (3.1).
        public var trained: Int
        /// Of them, with a counted diagnostic result.
        public var diagnosed: Int
        /// Of them, above the thresholds in their latest result (3.2).
        public var aboveSubject: Int
        public var aboveMethodological: Int
        /// Of them, reached by the activities of each coverage target in the school year.
        public var reached: [CoverageTarget: Int]
        /// Whether the school needs support (НОР, ЗПР, ЗУР, ШНСУ): the coverage targets' population.
        public var supported: Bool = false
        /// Of them, above both thresholds in their latest result (3.2 as the seed words it:
        /// «уровень предметных компетенций выше 10 баллов, уровень методических компетенций выше 20 баллов»).
        public var aboveBoth: Int = 0
    }

    /// One indicator for the municipality, with its population and denominator said.
    public struct Figure: Sendable, Equatable {
        public var number: String
        public var title: String
        public var population: String
        public var numerator: Int
        public var denominator: Int
        public var target: Double?
        public var share: Double? { denominator > 0 ? Double(numerator) * 100 / Double(denominator) : nil }
    }

    public var lines: [Line]
    /// Every school.
    public var total: Line
    /// The НОР schools only: indicator 3.2's population.
    public var lowResultsTotal: Line
    /// The schools that need support (every school when none has such a status): the
    /// population of the coverage targets, «от педагогических работников ОО» of the program.
    public var supportedTotal: Line
    public var thresholds: [Competence: Double]
    public var schoolYear: ClosedRange<LocalDate>

    /// The school year (1 September – 31 August) that contains the date.
    public static func schoolYear(containing date: LocalDate) -> ClosedRange<LocalDate> {
        let start = LocalDate(year: date.month >= 9 ? date.year : date.year - 1, month: 9, day: 1)!
        return start...start.adding(years: 1).adding(days: -1)
    }

    public init(
        schools: [IndicatorSchool], staff: [IndicatorPerson], diagnostics: [DiagnosticRecord],
        thresholds: [Competence: Double], participations: [Participation], asOf date: LocalDate,
        rule: TrainingRule = TrainingRule()
    ) {
        self.thresholds = thresholds
        let year = Self.schoolYear(containing: date)
        schoolYear = year
        var lines = Dictionary(
            uniqueKeysWithValues: schools.map {
                (
                    $0.code,
                    Line(
                        code: $0.code, name: $0.name, lowResults: $0.statuses.contains(.lowResults), staff: 0,
                        trained: 0,
                        diagnosed: 0, aboveSubject: 0, aboveMethodological: 0, reached: [:],
                        supported: $0.statuses.contains(where: \.needsSupport))
                )
            })
        let counted = staff.filter { StaffPopulation.counts($0.kind) && lines[$0.schoolCode] != nil }
        let countedIDs = Set(counted.map(\.id))
        for person in counted {
            lines[person.schoolCode]!.staff += 1
            // 3.1: «прошедших в течение последних трёх лет курсы повышения квалификации».
            if rule.isCompliant(lastTrainingEnd: person.lastTrainingEnd, asOf: date) {
                lines[person.schoolCode]!.trained += 1
            }
        }
        for r in StaffPopulation.countedResults(diagnostics, upTo: date) where countedIDs.contains(r.staffRowID) {
            guard lines[r.schoolCode] != nil else { continue }
            lines[r.schoolCode]!.diagnosed += 1
            // 3.2: «уровень предметных компетенций выше 10 баллов, уровень методических компетенций выше 20 баллов».
            if let t = thresholds[.subject], let v = r.scores[.subject], v > t {
                lines[r.schoolCode]!.aboveSubject += 1
            }
            if let t = thresholds[.methodological], let v = r.scores[.methodological], v > t {
                lines[r.schoolCode]!.aboveMethodological += 1
            }
            if let s = thresholds[.subject], let m = thresholds[.methodological], let vs = r.scores[.subject],
                let vm = r.scores[.methodological], vs > s, vm > m
            {
                lines[r.schoolCode]!.aboveBoth += 1
            }
        }
        // Reached in the school year up to the date: a mentoring pair that begins after it has
        // reached nobody yet (an event is attended only once it has happened).
        let reachedBy = year.lowerBound...date
        for target in CoverageTarget.allCases {
            for c in Coverage.compute(
                schools: schools, staff: staff, participations: participations, period: reachedBy, counts: target.counts
            ) {
                lines[c.code]?.reached[target] = c.reached
            }
        }
        self.lines = lines.values.sorted { $0.code < $1.code }
        func sum(_ list: [Line], _ name: String, lowResults: Bool) -> Line {
            var reached: [CoverageTarget: Int] = [:]
            for t in CoverageTarget.allCases { reached[t] = list.reduce(0) { $0 + ($1.reached[t] ?? 0) } }
            return Line(
                code: "", name: name, lowResults: lowResults, staff: list.reduce(0) { $0 + $1.staff },
                trained: list.reduce(0) { $0 + $1.trained }, diagnosed: list.reduce(0) { $0 + $1.diagnosed },
                aboveSubject: list.reduce(0) { $0 + $1.aboveSubject },
                aboveMethodological: list.reduce(0) { $0 + $1.aboveMethodological }, reached: reached,
                aboveBoth: list.reduce(0) { $0 + $1.aboveBoth })
        }
        total = sum(self.lines, "Муниципалитет", lowResults: false)
        lowResultsTotal = sum(self.lines.filter(\.lowResults), "Школы с НОР", lowResults: true)
        let supported = self.lines.filter(\.supported)
        supportedTotal = supported.isEmpty ? total : sum(supported, "Школы с НОР, ЗПР, ЗУР и ШНСУ", lowResults: false)
        supportedTotal.supported = true
    }

    /// The indicators for the municipality (or the schools given), each with its population
    /// and denominator.
    public var figures: [Figure] {
        let staffWords = "педагогические и руководящие работники"
        func threshold(_ c: Competence) -> String {
            thresholds[c].map { "выше \(Setting.format($0))" } ?? "порог не задан"
        }
        var out = [
            Figure(
                number: "3.1", title: "Доля прошедших курсы повышения квалификации в течение последних трёх лет",
                population: "\(staffWords) всех школ", numerator: total.trained, denominator: total.staff, target: nil),
            Figure(
                number: "3.2", title: "Доля показавших в диагностике предметные компетенции \(threshold(.subject))",
                population: "\(staffWords) школ с НОР (официальный статус); без результата с согласием — не показали",
                numerator: lowResultsTotal.aboveSubject, denominator: lowResultsTotal.staff, target: nil),
            Figure(
                number: "3.2",
                title: "Доля показавших в диагностике методические компетенции \(threshold(.methodological))",
                population: "\(staffWords) школ с НОР (официальный статус); без результата с согласием — не показали",
                numerator: lowResultsTotal.aboveMethodological, denominator: lowResultsTotal.staff, target: nil),
        ]
        // Ставрополь: «охват не менее 30 % (80 %) от педагогических работников ОО» — the schools of the program.
        let supportedWords =
            supportedTotal.name == total.name
            ? "всех школ (школ с НОР, ЗПР, ЗУР, ШНСУ нет)" : "школ с НОР, ЗПР, ЗУР и ШНСУ"
        for t in CoverageTarget.allCases {
            out.append(
                Figure(
                    number: t == .methodicalSupport ? "Ставрополь 2.1" : "Ставрополь 2.7",
                    title:
                        "Охват за учебный год \(schoolYear.lowerBound.year)/\(String(schoolYear.upperBound.year % 100)): \(t.russianActivities)",
                    population: "\(staffWords) \(supportedWords)", numerator: supportedTotal.reached[t] ?? 0,
                    denominator: supportedTotal.staff, target: t.percent))
        }
        return out
    }
}
