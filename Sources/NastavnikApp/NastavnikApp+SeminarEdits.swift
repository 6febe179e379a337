import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The version a form on event `id` is opened with (`NastavnikDatabase.eventVersion`).
    public func eventVersion(_ id: Int64) async throws -> Int64 { try database.eventVersion(id).id }

    /// Moves event `id` to another date, start time and host school (nil: none); returns the
    /// event as it was. Refusals as `NastavnikDatabase.rescheduleEvent` gives them.
    @discardableResult
    public func rescheduleEvent(
        id: Int64, date: LocalDate, startTime: String?, hostCode: String?, expectedVersion: Int64? = nil
    ) async throws -> EventLine {
        try database.rescheduleEvent(
            id: id, date: date, startTime: startTime, hostCode: hostCode, expectedVersion: expectedVersion)
    }

    /// Moves an invited teacher (by personnel number) from one event to another.
    public func moveSeminarParticipant(staffID: String, from: Int64, to: Int64, expectedVersion: Int64? = nil)
        async throws
    {
        try database.moveParticipant(staffID: staffID, from: from, to: to, expectedVersion: expectedVersion)
    }

    /// Why `text` is not an event's start time (ЧЧ:ММ, 00:00–23:59), or nil when it is one.
    public static func startTimeProblem(_ text: String) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours),
            (0...59).contains(minutes), parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } })
        {
            return nil
        }
        return "«\(text)» — не время; укажите ЧЧ:ММ, например 14:00."
    }

    /// The invited whose attendance the form's ticks would take back: `ticked` (personnel numbers)
    /// leaves out someone already recorded as present. Their attendance has closed plan items,
    /// so it is not undone from a list of ticks.
    public static func attendanceUntickedProblems(_ event: EventLine, ticked: Set<String>) -> [(
        staffID: String, message: String
    )] {
        event.participants.compactMap { p in
            guard let id = p.staffID, p.attended == true, !ticked.contains(id) else { return nil }
            return (id, "\(p.name): присутствие уже записано (и закрыло пункты ИППР); снять отметку нельзя.")
        }
    }
}
