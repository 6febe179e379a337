/// Groups the teachers who share a deficit into sessions of at most `capacity` by the distance
/// between their schools, hosts each at an internship site or curator school near them, picks
/// presenters strong in the topic, and dates each on a working day that clashes with nobody's
/// other events. Every teacher is in exactly one session.
public struct SeminarPlanner: Sendable {
    public var capacity: Int
    public var window: ClosedRange<LocalDate>

    public init(capacity: Int, window: ClosedRange<LocalDate>) {
        self.capacity = max(1, capacity)
        self.window = window
    }

    static func km(_ a: SeminarSchool?, _ b: SeminarSchool?) -> Double {
        guard let a, let b else { return 1_000 }
        if a.id == b.id { return 0 }
        if let x = a.latitude, let y = a.longitude, let u = b.latitude, let v = b.longitude {
            return CuratorCost.haversineKm(x, y, u, v)
        }
        return a.municipality != nil && a.municipality == b.municipality ? 20 : 1_000
    }

    /// Why attendance cannot be recorded yet: the event is after `date` (today, or the command's
    /// as-of date); `nil` when it can.
    public static func attendanceRefusal(event id: Int64, date eventDate: LocalDate, asOf date: LocalDate) -> String? {
        eventDate > date
            ? "Мероприятие № \(id) назначено на \(eventDate.russian) и ещё не прошло (на \(date.russian)): посещаемость отмечается после него."
            : nil
    }

    /// Whether attending an event fulfils a seminar item of a plan: the item names the event, or
    /// has the event's topic (compared folded).
    public static func attendanceFulfils(itemTopic: String?, itemEvent: Int64?, event: Int64, eventTopic: String?)
        -> Bool
    {
        itemEvent == event
            || (itemTopic != nil && eventTopic != nil && CellValue.fold(itemTopic!) == CellValue.fold(eventTopic!))
    }

    public func plan(
        participants: [SeminarPerson], candidatesToPresent: [SeminarPerson], schools: [SeminarSchool],
        busy: [Int64: Set<LocalDate>]
    ) -> [SeminarSession] {
        let schoolByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0) })
        // Clusters: the teachers of the school farthest from the rest start a session, which
        // fills with the nearest schools' teachers (a school's teachers stay together when they fit).
        var remaining = participants.sorted { ($0.schoolID, $0.name) < ($1.schoolID, $1.name) }
        var groups: [[SeminarPerson]] = []
        while !remaining.isEmpty {
            let schoolsLeft = Array(Set(remaining.map(\.schoolID)))
            let seed = schoolsLeft.max { a, b in
                let da = schoolsLeft.reduce(0.0) { $0 + Self.km(schoolByID[a], schoolByID[$1]) }
                let db = schoolsLeft.reduce(0.0) { $0 + Self.km(schoolByID[b], schoolByID[$1]) }
                return (da, b) < (db, a)
            }!
            let order = remaining.indices.sorted { i, j in
                (Self.km(schoolByID[seed], schoolByID[remaining[i].schoolID]), remaining[i].schoolID, i)
                    < (Self.km(schoolByID[seed], schoolByID[remaining[j].schoolID]), remaining[j].schoolID, j)
            }
            let taken = Array(order.prefix(capacity))
            groups.append(taken.map { remaining[$0] })
            let takenSet = Set(taken)
            remaining = remaining.indices.filter { !takenSet.contains($0) }.map { remaining[$0] }
        }
        var sessions: [SeminarSession] = []
        var presenterDates: [Int64: Set<LocalDate>] = busy
        for group in groups {
            // The host: an internship site or a curator school nearest to the participants.
            let hosts = schools.filter { $0.internshipSite || $0.curator }
            let host =
                hosts.min { a, b in
                    let ca = group.reduce(0.0) { $0 + Self.km(a, schoolByID[$1.schoolID]) } + (a.internshipSite ? 0 : 5)
                    let cb = group.reduce(0.0) { $0 + Self.km(b, schoolByID[$1.schoolID]) } + (b.internshipSite ? 0 : 5)
                    return (ca, a.code) < (cb, b.code)
                } ?? group.first.flatMap { schoolByID[$0.schoolID] }
            // Presenters: strongest in the topic, highest category, nearest the host.
            let ids = Set(group.map(\.id))
            func categoryRank(_ p: SeminarPerson) -> Int { p.category == .highest ? 0 : p.category == .first ? 1 : 2 }
            let ranked = candidatesToPresent.filter { !ids.contains($0.id) }.sorted { a, b in
                (categoryRank(a), -a.strength, Self.km(host, schoolByID[a.schoolID]), a.id)
                    < (categoryRank(b), -b.strength, Self.km(host, schoolByID[b.schoolID]), b.id)
            }
            // A working day on which none of them is busy.
            var date: LocalDate?
            var presenters: [SeminarPerson] = []
            var day = window.lowerBound
            while day <= window.upperBound, date == nil {
                if !day.isWeekend && group.allSatisfy({ !(busy[$0.id]?.contains(day) ?? false) }) {
                    let free = ranked.filter { !(presenterDates[$0.id]?.contains(day) ?? false) }
                    if !free.isEmpty || ranked.isEmpty {
                        date = day
                        presenters = Array(free.prefix(2))
                    }
                }
                day = day.adding(days: 1)
            }
            let chosen = date ?? window.upperBound
            for p in presenters { presenterDates[p.id, default: []].insert(chosen) }
            sessions.append(SeminarSession(date: chosen, host: host, presenters: presenters, participants: group))
        }
        return sessions.sorted { ($0.date, $0.host?.code ?? "") < ($1.date, $1.host?.code ?? "") }
    }
}
