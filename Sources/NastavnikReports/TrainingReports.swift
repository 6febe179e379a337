import NastavnikCore
import NastavnikStore

/// The in-service training lists and the training order, built from the store's status lines and
/// the order's assignments.
public enum TrainingReports {
    /// How the order's list and totals are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case provider, school, course
    }

    /// The columns of `training status`.
    public static let statusColumns = [
        .staffID, .fullName, .schoolCode,
        Column("last_training_end", "Окончание последних КПК"),
        Column("teaching_since", "Начало педагогической деятельности"),
        Column("due_by", "Срок следующих КПК"), Column("overdue", "Срок прошёл"),
        Column("trained_within_3_years", "КПК за 3 года"), Column("compliant", "В правиле"),
    ]

    /// A person's row of `training status`.
    public static func statusRow(_ line: TrainingStatusLine) -> [Cell] {
        [
            Cell(line.staffID), .text(line.fullName), .text(line.schoolCode), Cell(line.lastTrainingEnd),
            Cell(line.teachingSince),
            Cell(line.dueBy), .bool(line.overdue), .bool(line.trainedWithin3Years), .bool(line.compliant),
        ]
    }

    /// The columns of `training forecast`.
    public static let forecastColumns = [
        .staffID, .fullName, .schoolCode,
        Column("last_training_end", "Окончание последних КПК"), Column("due_by", "Срок следующих КПК"),
        Column("out_of_compliance_from", "Вне правила с"), Column("compliant_now", "Сейчас в правиле"),
        Column("planned_training_end", "Записан на КПК до"),
    ]

    /// A person's row of `training forecast`; `plannedEnd`: the end of a course they are enrolled on.
    public static func forecastRow(_ line: TrainingStatusLine, plannedEnd: LocalDate?) -> [Cell] {
        [
            Cell(line.staffID), .text(line.fullName), .text(line.schoolCode), Cell(line.lastTrainingEnd),
            Cell(line.dueBy),
            Cell(line.outOfComplianceFrom), .bool(line.compliant), Cell(plannedEnd),
        ]
    }

    /// The order's tables (`orderTables`) as one JSON object with stable English keys for scripts:
    /// the list, the totals, who has no course, the needs without a programme.
    public static func orderJSON(_ tables: [ReportTable]) -> JSONValue {
        let renderer = JSONRenderer()
        return .object(zip(["assignments", "totals", "unplaced", "needs"], tables).map { ($0, renderer.value($1)) })
    }

    /// The order's tables: the list of people with their courses, the totals by the grouping,
    /// and those left without a course.
    public static func orderTables(_ assignments: [OrderAssignment], groupBy: Grouping, year: Int) -> [ReportTable] {
        let placed = assignments.filter { $0.course != nil }
        func group(_ a: OrderAssignment) -> String {
            switch groupBy {
            case .provider: a.course!.provider
            case .school: "\(a.candidate.schoolCode) \(a.candidate.schoolName)"
            case .course: a.course!.label
            }
        }
        let sorted = placed.sorted {
            (group($0), $0.candidate.schoolCode, $0.candidate.fullName) < (
                group($1), $1.candidate.schoolCode, $1.candidate.fullName
            )
        }
        let list = ReportTable(
            title: "График курсовой подготовки на \(year) год",
            columns: [
                Column("group", groupBy == .provider ? "Организатор" : groupBy == .school ? "Школа" : "Программа"),
                .staffID, .fullName, .schoolCode,
                Column("course_code", "Код программы"), Column("course", "Программа"), Column("hours", "Часы"),
                Column("start", "Начало"), Column("end", "Окончание"), Column("reason", "Основание"),
            ],
            rows: sorted.map { a in
                let c = a.course!
                return [
                    .text(group(a)), Cell(a.candidate.staffID), .text(a.candidate.fullName),
                    .text(a.candidate.schoolCode),
                    Cell(c.code), .text(c.title), .number(c.hours, decimals: 0), Cell(c.start), Cell(c.end),
                    .text(a.candidate.reason),
                ]
            },
            emptyMessage: "Направлять на курсы в \(year) году некого.")
        var totals: [String: (people: Int, hours: Double)] = [:]
        for a in placed {
            totals[group(a), default: (0, 0)].people += 1
            totals[group(a)]!.hours += a.course!.hours
        }
        var totalRows = totals.keys.sorted().map { k in
            [Cell.text(k), .integer(totals[k]!.people), .number(totals[k]!.hours, decimals: 0)]
        }
        totalRows.append([
            .text("Итого"), .integer(placed.count), .number(placed.reduce(0) { $0 + $1.course!.hours }, decimals: 0),
        ])
        let summary = ReportTable(
            title: "Итоги",
            columns: [Column("group", "Группа"), Column("people", "Человек"), Column("hours", "Часов")],
            rows: totalRows)
        let unplaced = ReportTable(
            title: "Без курса: нет подходящих программ или мест",
            columns: [.staffID, .fullName, .schoolCode, .subjects, Column("reason", "Основание")],
            rows: assignments.filter { $0.course == nil }.map { a in
                [
                    Cell(a.candidate.staffID), .text(a.candidate.fullName), .text(a.candidate.schoolCode),
                    .list(a.candidate.subjects),
                    .text(a.candidate.reason),
                ]
            },
            emptyMessage: "Все направляемые обеспечены местами.")
        let needs = ReportTable(
            title: "Потребность без программы: запросить программы у организаторов ДПО",
            columns: [
                Column("topic", "Тема (дефицит, компетенция)"), Column("people", "Человек"),
                .subjects,
                Column("schools", "Школы"), Column("staff", "Работники"),
            ],
            rows: TrainingOrderPlanner.needs(assignments).map { n in
                [
                    .text(n.topic), .integer(n.candidates.count), .list(n.subjects),
                    .list(Array(Set(n.candidates.map(\.schoolCode))).sorted()),
                    .list(n.candidates.map { $0.staffID ?? $0.fullName }),
                ]
            },
            emptyMessage: "Потребности без программы нет.")
        return [list, summary, unplaced, needs]
    }

    /// The draft order «Об утверждении графика курсовой подготовки» with `tables` (`orderTables`) in its appendix.
    public static func orderDocument(
        _ assignments: [OrderAssignment], tables: [ReportTable], year: Int, date: LocalDate?, number: String?,
        municipality: String?
    ) -> Document {
        let placed = assignments.filter { $0.course != nil }
        let providers = Set(placed.map { $0.course!.provider }).sorted()
        let needs = TrainingOrderPlanner.needs(assignments)
        var points: [Document.Point] = [
            .init(
                "Утвердить график курсовой подготовки педагогических и руководящих работников на \(year) год (приложение): \(RussianPlural.count(placed.count, "человек", "человека", "человек")) по программам организаторов:",
                items: providers),
            .init(
                "Руководителям общеобразовательных организаций обеспечить направление работников на курсы в соответствии с графиком и представить копии удостоверений в управление образования в течение 10 дней после окончания обучения."
            ),
        ]
        if !needs.isEmpty {
            points.append(
                .init(
                    "Муниципальному координатору направить организаторам дополнительного профессионального образования запрос на программы повышения квалификации по темам, для которых в каталоге нет открытой программы (потребность без программы, приложение):",
                    items: needs.map { "\($0.topic) — \($0.candidates.count) чел." }))
        }
        points.append(
            .init(
                "Муниципальному координатору вести учёт прохождения курсовой подготовки и ежеквартально информировать о выполнении графика."
            ))
        return .departmentOrder(
            municipality: municipality, date: date, number: number,
            subject:
                "Об утверждении графика курсовой подготовки педагогических и руководящих работников на \(year) год",
            preamble:
                "В соответствии с пунктом 2 части 5 статьи 47 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», в целях обеспечения права педагогических работников на дополнительное профессиональное образование не реже чем один раз в три года и устранения выявленных профессиональных дефицитов",
            points: points,
            appendix: .init(
                title: "Приложение к приказу. График курсовой подготовки на \(year) год",
                blocks: tables.map { .table($0) }))
    }
}
