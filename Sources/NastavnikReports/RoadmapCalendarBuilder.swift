import NastavnikCore
import NastavnikStore

/// The roadmaps' terms as calendar entries (`roadmap calendar`), built from the store's occurrences.
public enum RoadmapCalendarBuilder {
    /// One calendar entry per dated occurrence, one per series a calendar expands to the
    /// tool's own dates (`CalendarSeries.plan`); a series' done and cancelled occurrences are
    /// excluded from it and written on their own.
    public static func entries(_ rows: [OccurrenceRow]) -> [ICalendarWriter.Entry] {
        var entries: [ICalendarWriter.Entry] = []
        let dated = rows.filter { $0.start != nil && $0.end != nil }
        let recurring = Dictionary(grouping: dated.filter { $0.recurrence != nil }, by: \.activityID)
        func span(_ o: OccurrenceRow) -> CalendarSeries.Span {
            CalendarSeries.Span(start: o.start!, end: o.end!, excluded: o.status == .done || o.status == .cancelled)
        }
        // Activities written as one component with RRULE, and which of their occurrences stand apart.
        var plans: [Int64: CalendarSeries.Plan] = [:]
        for (id, list) in recurring {
            let sorted = list.sorted { ($0.start!, $0.end!) < ($1.start!, $1.end!) }
            // All occurrences of a series are deadlines or all are periods.
            guard Set(sorted.map(\.isDeadline)).count == 1 else { continue }
            plans[id] = CalendarSeries.plan(sorted.map(span), every: sorted[0].recurrence!)
        }
        var written = Set<Int64>()
        for o in dated {
            let description = [
                "Срок: \(o.term)", o.responsible.map { "Ответственные: \($0)" }, o.result.map { "Результат: \($0)" },
                "Дорожная карта: \(o.roadmapTitle)",
            ].compactMap { $0 }.joined(separator: "\n")
            let summary = ActivityLabel.text(number: o.number, activity: o.activity)
            // An activity may have one-off dates beside its series («01.09.2025, май»): those stay entries of their own.
            if o.recurrence != nil, let plan = plans[o.activityID] {
                if written.insert(o.activityID).inserted {
                    entries.append(
                        .init(
                            uid: "activity-\(o.activityID)@nastavnik", summary: summary, description: description,
                            start: plan.first.start, end: plan.first.end, isDeadline: o.isDeadline, rule: plan.rule,
                            exceptions: plan.exceptions))
                }
                if !span(o).excluded { continue }
            }
            // One entry per occurrence: a single date, a series no rule reproduces, or an
            // occurrence done or cancelled.
            entries.append(
                .init(
                    uid: "occurrence-\(o.id)@nastavnik", summary: summary, description: description,
                    start: o.start!, end: o.end!, isDeadline: o.isDeadline, done: o.status == .done,
                    completed: o.status == .done ? o.statusDate : nil, cancelled: o.status == .cancelled))
        }
        return entries
    }

    /// The calendar's name: the roadmap's title when one roadmap is asked for, else «Дорожные карты».
    public static func name(_ rows: [OccurrenceRow], roadmap: String?) -> String {
        roadmap.flatMap { key in rows.first { $0.roadmapKey == key }?.roadmapTitle } ?? "Дорожные карты"
    }
}
