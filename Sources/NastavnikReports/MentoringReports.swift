import NastavnikCore
import NastavnikStore

/// The mentoring tables, built from the matching and the stored mentorships.
public enum MentoringReports {
    /// The suggested mentors with their costs and reasons (`mentoring suggest`).
    public static func suggestions(_ suggestions: [MentorSuggestion]) -> ReportTable {
        ReportTable(
            columns: [
                Column("mentee_id", "Наставляемый: таб. №"), .mentee,
                .schoolCode,
                Column("why_mentee", "Почему"), Column("mentor_id", "Наставник: таб. №"), .mentor,
                Column("mentor_school", "Школа наставника"), Column("cost", "Стоимость"),
                Column("reason", "Обоснование"),
            ],
            rows: suggestions.map { s in
                [
                    .text(s.mentee.id), .text(s.mentee.fullName), .text(s.mentee.schoolCode),
                    .text(s.need.joined(separator: ", ")),
                    Cell(s.mentor?.id), Cell(s.mentor?.fullName), Cell(s.mentor?.schoolCode),
                    s.cost.map { .integer($0) } ?? .empty,
                    .text(s.reason),
                ]
            },
            emptyMessage: "Наставляемых без наставника нет.")
    }

    /// The mentorships (`mentoring list`).
    public static func list(_ mentorships: [MentorshipLine]) -> ReportTable {
        ReportTable(
            columns: [
                Column("id", "№"), Column("mentor_id", "Наставник: таб. №"), .mentor,
                Column("mentor_school", "Код ОО"),
                Column("mentee_id", "Наставляемый: таб. №"), .mentee,
                .menteeSchool,
                .mentorshipForm, Column("start", "Начало"), Column("end", "Окончание"),
                Column("consent", "Согласие"),
                .meetings, Column("goal", "Цель"),
            ],
            rows: mentorships.map { m in
                [
                    .integer(Int(m.id)), Cell(m.mentorID), .text(m.mentorName), .text(m.mentorSchool), Cell(m.menteeID),
                    .text(m.menteeName),
                    .text(m.menteeSchool), Cell(m.form), Cell(m.start), Cell(m.end), Cell(m.consent),
                    .integer(m.meetings), Cell(m.goal),
                ]
            },
            emptyMessage: "Наставнических пар нет.")
    }

    /// The mentors' load: each mentor of `mentorships` with the number of their pairs and
    /// meetings, the busiest first (give it the pairs active on a date for the current load).
    public static func load(_ mentorships: [MentorshipLine]) -> ReportTable {
        let byMentor = Dictionary(grouping: mentorships) { "\($0.mentorID ?? "")\u{1F}\($0.mentorName)" }
        let mentors = byMentor.values.sorted {
            ($0.count, $1[0].mentorName) > ($1.count, $0[0].mentorName)
        }
        return ReportTable(
            title: "Нагрузка наставников",
            columns: [
                Column("mentor_id", "Наставник: таб. №"), .mentor, Column("mentor_school", "Код ОО"),
                Column("mentees", "Наставляемых"), Column("meetings", "Встреч"),
            ],
            rows: mentors.map { pairs in
                [
                    Cell(pairs[0].mentorID), .text(pairs[0].mentorName), .text(pairs[0].mentorSchool),
                    .integer(pairs.count), .integer(pairs.reduce(0) { $0 + $1.meetings }),
                ]
            },
            emptyMessage: "Действующих наставнических пар нет.")
    }
}
