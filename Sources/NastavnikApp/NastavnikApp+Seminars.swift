import NastavnikCore
import NastavnikImport
import NastavnikStore

extension NastavnikApp {
    /// Proposes groups, hosts, presenters and dates (`SeminarPlanner`); writes nothing.
    /// `today`: the day the default window counts from.
    public func planSeminars(_ request: SeminarRequest, today: LocalDate = .today()) async throws -> SeminarPlan {
        guard let kind = EventKind(userValue: request.kind) else {
            throw AppError(
                "Неизвестный вид мероприятия «\(request.kind)» (--kind): укажите один из: \(EventKind.russianList).")
        }
        guard request.capacity > 0 else { throw AppError("Вместимость должна быть больше нуля.") }
        let start = request.from ?? today.adding(days: 14)
        let end = request.to ?? start.adding(months: 2)
        guard end >= start else { throw AppError("Дата --to раньше даты --from.") }
        let inputs = try database.seminarInputs(topic: request.topic, asOf: start, everyone: kind.invitesEveryone)
        let sessions = SeminarPlanner(capacity: request.capacity, window: start...end)
            .plan(
                participants: inputs.participants, candidatesToPresent: inputs.presenters, schools: inputs.schools,
                busy: inputs.busy)
        return SeminarPlan(sessions: sessions, kind: kind, topic: request.topic, eventIDs: [])
    }

    /// Plans as `planSeminars` does and saves the sessions as events with their invited, in one transaction.
    public func createSeminars(_ request: SeminarRequest, today: LocalDate = .today()) async throws -> SeminarPlan {
        var plan = try await planSeminars(request, today: today)
        plan.eventIDs = try database.saveSessions(
            plan.sessions, kind: plan.kind, topic: request.topic, startTime: request.startTime,
            minutes: request.minutes, capacity: request.capacity, occurrence: request.activity)
        return plan
    }

    /// Every event, by date.
    public func events() async throws -> [EventLine] {
        try database.events()
    }

    /// One event with its presenters and participants.
    public func event(_ id: Int64) async throws -> EventLine {
        guard let event = try database.events(id: id).first else { throw AppError("Мероприятие № \(id) не найдено.") }
        return event
    }

    /// Records who came to an event: the personnel numbers in `present`, and those marked present
    /// in `sheet` (the registration sheet of `seminars invite`, «Табельный номер» and
    /// «Присутствовал» да/нет). Every bad cell of the sheet is named at once, with its line.
    /// `expectedVersion` (`eventVersion`, as a form was opened with): `StaleRecordError` when the
    /// event changed since.
    public func recordAttendance(
        event id: Int64, present: [String], sheet: String?, asOf date: LocalDate, expectedVersion: Int64? = nil
    ) async throws -> (present: Int, closedItems: Int) {
        var ids = present
        var places: [String: String] = [:]
        if let file = sheet {
            let reader = try CSVReader(path: file)
            guard let header = try reader.next() else { throw AppError("\(file): файл пуст.") }
            let names = header.fields.map(ImportKind.normalizeHeader)
            guard
                let idColumn = names.firstIndex(where: { ["табельный номер", "staff_id", "id педагога"].contains($0) })
            else {
                throw AppError("\(file):1: нет столбца «Табельный номер».")
            }
            let presentColumn = names.firstIndex(where: {
                ["присутствовал", "присутствие", "пришёл", "пришел", "attended"].contains($0)
            })
            var problems: [String] = []
            while let record = try reader.next() {
                guard !record.isBlank, idColumn < record.fields.count else { continue }
                let staffID = CellValue.trimmed(record.fields[idColumn])
                if let presentColumn, presentColumn < record.fields.count {
                    // Not filled in: not marked (the sheet lists everyone invited).
                    if CellValue.trimmed(record.fields[presentColumn]).isEmpty { continue }
                    guard let flag = CellValue.boolean(record.fields[presentColumn]) else {
                        problems.append(
                            "\(file):\(record.line): столбец «\(header.fields[presentColumn])»: ожидается «да» или «нет» (\(record.fields[presentColumn]))."
                        )
                        continue
                    }
                    if !flag { continue }
                }
                if !staffID.isEmpty {
                    ids.append(staffID)
                    if places[staffID] == nil { places[staffID] = "\(file):\(record.line)" }
                }
            }
            guard problems.isEmpty else {
                throw AppError(problems.joined(separator: "\n") + "\nПосещаемость не записана.")
            }
        }
        guard !ids.isEmpty else {
            throw AppError(
                sheet.map { "\($0): не отмечен ни один присутствующий: заполните столбец «Присутствовал» (да/нет)." }
                    ?? "Укажите файл или --present с табельными номерами.")
        }
        let result = try database.recordAttendance(
            event: id, present: ids, asOf: date, places: places, expectedVersion: expectedVersion)
        return (result.present, result.closedItems)
    }

    /// Coverage over a period («2024/25» or a period), by all events and mentoring, by one kind,
    /// or — for a kind with a target — by every kind of its roadmap line.
    public func seminarCoverage(period text: String, kind: String?) async throws -> SeminarCoverage {
        guard let range = PeriodText.parse(text) else {
            throw AppError("Период «\(text)» не распознан: укажите 2024/25.")
        }
        var eventKind: EventKind?
        if let kind {
            guard let k = EventKind(userValue: kind) else {
                throw AppError(
                    "Неизвестный вид мероприятия «\(kind)» (--kind): укажите один из: \(EventKind.russianList).")
            }
            eventKind = k
        }
        let target = eventKind?.coverageTarget
        let counts: (Participation.Activity) -> Bool = { activity in
            if let target { return target.counts(activity) }
            if let eventKind { return activity == .event(eventKind) }
            return true
        }
        let schools = try database.indicatorSchools()
        let lines = Coverage.compute(
            schools: schools, staff: try database.indicatorStaff(asOf: range.end),
            participations: try database.participations(), period: range.start...range.end, counts: counts)
        return SeminarCoverage(
            period: range.start...range.end, lines: lines,
            supportedCodes: Set(schools.filter { $0.statuses.contains(where: \.needsSupport) }.map(\.code)),
            target: target, kind: eventKind)
    }
}
