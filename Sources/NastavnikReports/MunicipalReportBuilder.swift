import NastavnikCore
import NastavnikStore

/// Builds the municipal report (or one school's) from the store's read models, passed as values:
/// it never opens the database. Later capabilities add their sections here.
public enum MunicipalReportBuilder {
    /// The report as of `date`: the whole municipality, or one school when `school` is given (then `data`
    /// must be read for that school). `indicators`, `mentorships` and `events` come from their own reads;
    /// `minimumHours` and `earlyCareer` are the rules in force, said in the text.
    public static func build(
        _ data: MunicipalData, asOf date: LocalDate, school: SchoolOverview? = nil,
        indicators: StaffIndicators? = nil, mentorships: [MentorshipLine] = [], events: [EventLine] = [],
        minimumHours: Double = TrainingRule().minimumHours, earlyCareer: EarlyCareerRule = EarlyCareerRule()
    ) -> Report {
        let title =
            school.map { "Отчёт по школе: \($0.name) (\($0.code))" }
            ?? "Методическая поддержка школ муниципалитета"
        let municipality = data.schools.compactMap(\.municipality).first
        let subtitle = [municipality, "по состоянию на \(date.russian)"].compactMap { $0 }.joined(separator: ", ")
        return Report(
            title: title, subtitle: subtitle,
            sections: [
                statuses(data, single: school != nil),
                staff(data, single: school != nil, earlyCareer: earlyCareer),
                indicatorSection(indicators, single: school != nil),
                training(data, asOf: date, minimumHours: minimumHours),
                diagnostics(data),
                mentoring(mentorships, school: school),
                seminars(events, school: school, asOf: date),
                roadmap(data, asOf: date),
            ])
    }

    static func seminars(_ events: [EventLine], school: SchoolOverview?, asOf date: LocalDate) -> ReportSection {
        let title = "Семинары, мастер-классы и другие мероприятия"
        let yearStart = LocalDate(year: date.month >= 9 ? date.year : date.year - 1, month: 9, day: 1)!
        let shown = events.filter { e in
            e.date >= yearStart && e.date < yearStart.adding(years: 1)
                && (school.map { s in e.hostCode == s.code || e.participants.contains { $0.school == s.code } } ?? true)
        }
        guard !shown.isEmpty else { return .empty(title, "В этом учебном году мероприятий нет.") }
        return ReportSection(
            title: title,
            blocks: [
                .table(
                    ReportTable(
                        columns: [
                            Column("date", "Дата"), Column("kind", "Вид"), Column("title", "Название"),
                            Column("host", "Площадка"),
                            Column("invited", "Приглашено"), Column("attended", "Пришли"),
                        ],
                        rows: shown.map { e in
                            [
                                .date(e.date), .text(e.kind.russian), .text(e.title), Cell(e.hostName),
                                .integer(e.participants.count),
                                .integer(e.participants.filter { $0.attended == true }.count),
                            ]
                        }))
            ])
    }

    static func mentoring(_ list: [MentorshipLine], school: SchoolOverview?) -> ReportSection {
        let title = "Наставничество"
        let shown = school.map { s in list.filter { $0.menteeSchool == s.code || $0.mentorSchool == s.code } } ?? list
        guard !shown.isEmpty else { return .empty(title, "Действующих наставнических пар нет.") }
        return ReportSection(
            title: title,
            blocks: [
                .table(
                    ReportTable(
                        title: "Действующие наставнические пары: \(shown.count)",
                        columns: [
                            Column("mentee", "Наставляемый"), Column("mentee_school", "Код ОО"),
                            Column("mentor", "Наставник"),
                            Column("mentor_school", "Код ОО наставника"), Column("form", "Форма"),
                            Column("consent", "Согласие наставника"),
                            Column("meetings", "Встреч"),
                        ],
                        rows: shown.map { m in
                            [
                                .text(m.menteeName), .text(m.menteeSchool), .text(m.mentorName), .text(m.mentorSchool),
                                Cell(m.form), Cell(m.consent),
                                .integer(m.meetings),
                            ]
                        }))
            ])
    }

    static func indicatorSection(_ indicators: StaffIndicators?, single: Bool) -> ReportSection {
        let title = "Целевые показатели по кадрам"
        guard let indicators, indicators.total.staff > 0 else {
            return .empty(title, "Нет данных для расчёта показателей.")
        }
        var blocks: [ReportBlock] = [
            .table(indicators.figuresTable()), .table(indicators.table(includeTotal: !single)),
        ]
        let low = indicators.lines.filter { $0.lowResults && $0.staff > 0 }
        if !single, !low.isEmpty {
            blocks.append(
                .chart(
                    .bars(
                        BarChart(
                            title:
                                "Доля педагогических и руководящих работников выше порога предметных компетенций, школы с НОР",
                            valueTitle: "Доля",
                            items: low.map { l in
                                BarChart.Item(
                                    label: "\(l.code) \(l.name)", value: Double(l.aboveSubject) * 100 / Double(l.staff))
                            }))))
        }
        return ReportSection(title: title, blocks: blocks)
    }

    static func statuses(_ data: MunicipalData, single: Bool) -> ReportSection {
        let title = "Школы по статусам, кураторы и координаторы"
        guard !data.schools.isEmpty else { return .empty(title, "Школы не загружены: nastavnik import schools ФАЙЛ.") }
        var blocks: [ReportBlock] = []
        if single, let school = data.schools.first {
            let curatedBy = data.pairings.filter { $0.schoolCode == school.code }
            let curates = data.pairings.filter { $0.curatorSchoolCode == school.code }
            blocks.append(
                .table(
                    ReportTable(
                        columns: [Column("field", "Поле"), Column("value", "Значение")],
                        rows: [
                            [.text("Статус"), .list(school.statuses.map(\.russianShort))],
                            [
                                .text("Школа-куратор"),
                                .list(curatedBy.map { "\($0.curatorSchoolCode) \($0.curatorSchoolName)" }),
                            ],
                            [.text("Куратор"), .list(curatedBy.compactMap(\.curatorName))],
                            [
                                .text("Муниципальный координатор"),
                                .list(Array(Set(curatedBy.compactMap(\.coordinator))).sorted()),
                            ],
                            [.text("Курирует школы"), .list(curates.map { "\($0.schoolCode) \($0.schoolName)" })],
                        ])))
            return ReportSection(title: title, blocks: blocks)
        }
        if !single {
            var counts = SchoolStatus.allCases.map { status in
                [
                    Cell.text("\(status.russianShort) — \(status.russianTitle)"),
                    .integer(data.schools.filter { $0.statuses.contains(status) }.count),
                ]
            }
            counts.append([.text("без статуса"), .integer(data.schools.filter { $0.statuses.isEmpty }.count)])
            blocks.append(
                .table(
                    ReportTable(
                        columns: [Column("status", "Статус"), Column("schools", "Школ")], rows: counts)))
        }
        let supported = data.schools.filter { $0.statuses.contains(where: \.needsSupport) }
        let byCode = Dictionary(grouping: data.pairings, by: \.schoolCode)
        let rows: [[Cell]] = supported.map { s in
            let p = byCode[s.code] ?? []
            return [
                .text(s.code), .text(s.name), .list(s.statuses.map(\.russianShort)),
                .list(p.map { "\($0.curatorSchoolCode) \($0.curatorSchoolName)" }), .list(p.compactMap(\.curatorName)),
                .list(Array(Set(p.compactMap(\.coordinator))).sorted()),
                .list(Array(Set(p.compactMap(\.orderRef))).sorted()),
            ]
        }
        blocks.append(
            .table(
                ReportTable(
                    title: "Школы, которым оказывается поддержка",
                    columns: [
                        .code, .name, Column("statuses", "Статус"),
                        Column("curator_school", "Школа-куратор"), Column("curator", "Куратор"),
                        Column("coordinator", "Муниципальный координатор"), Column("order", "Приказ"),
                    ],
                    rows: rows, emptyMessage: "Школ со статусами НОР, ЗПР, ЗУР и ШНСУ нет.")))
        let unpaired = supported.filter { byCode[$0.code] == nil }
        if !unpaired.isEmpty, !single {
            blocks.append(
                .note("Без школы-куратора: " + unpaired.map { "\($0.code) \($0.name)" }.joined(separator: "; ") + "."))
        }
        return ReportSection(title: title, blocks: blocks)
    }

    /// `earlyCareer`: the rule in force (settings `staff.early_career.*`), said in the title of its table.
    static func staff(_ data: MunicipalData, single: Bool, earlyCareer: EarlyCareerRule) -> ReportSection {
        let title = "Педагогические и руководящие кадры"
        guard data.staff.contains(where: { $0.total > 0 }) else {
            return .empty(title, "Сведения о работниках не загружены.")
        }
        // «Педагог-методист» and «педагог-наставник» (приказ № 196) count with their own columns.
        let categories: [QualificationCategory?] = [
            .methodist, .mentor, .highest, .first, .fitsPost, QualificationCategory.none, nil,
        ]
        let table = ReportTable(
            title: "Состав по школам",
            columns: [
                .code, .name, Column("total", "Всего"),
                Column("pedagogical", "Педагогических"),
                Column("leading", "Руководящих"), Column("other", "Прочих"), Column("methodist", "Педагог-методист"),
                Column("mentor", "Педагог-наставник"), Column("highest", "Высшая"),
                Column("first", "Первая"), Column("fits_post", "СЗД"), Column("no_category", "Без категории"),
                Column("exp_under_3", "Стаж до 3 лет"), Column("exp_3_9", "3–9 лет"), Column("exp_10_19", "10–19 лет"),
                Column("exp_20_plus", "20 лет и более"), Column("early_career", "Молодых специалистов"),
            ],
            rows: data.staff.map { f in
                let kinds: [Cell] = [
                    .integer(f.byKind[.pedagogical] ?? 0), .integer(f.byKind[.leading] ?? 0),
                    .integer(f.byKind[.other] ?? 0),
                ]
                let byCategory: [Cell] = categories.prefix(6).map { .integer(f.byCategory[$0] ?? 0) }
                let byExperience: [Cell] = f.byExperience.prefix(4).map { .integer($0) }
                return [.text(f.code), .text(f.name), .integer(f.total)] + kinds + byCategory + byExperience + [
                    .integer(f.earlyCareer)
                ]
            })
        var blocks: [ReportBlock] = [.table(table)]
        if !single {
            blocks.append(
                .chart(
                    .stackedBars(
                        StackedBarChart(
                            title: "Квалификационные категории по школам",
                            series: [
                                "педагог-методист", "педагог-наставник", "высшая", "первая", "СЗД", "без категории",
                                "не указана",
                            ],
                            items: data.staff.map { f in
                                StackedBarChart.Item(
                                    label: "\(f.code) \(f.name)",
                                    values: categories.map { Double(f.byCategory[$0] ?? 0) })
                            }))))
        }
        blocks.append(
            .table(
                ReportTable(
                    title: "Молодые специалисты (\(earlyCareer.russian); настройки staff.early_career)",
                    columns: Column.staffIdentity + [.subjects, .experienceYears],
                    rows: data.earlyCareer.map { s in
                        s.identityCells + [
                            .list(s.subjects),
                            s.experience.map { .number($0, decimals: 0) } ?? .empty,
                        ]
                    },
                    emptyMessage: "Молодых специалистов нет.")))
        return ReportSection(title: title, blocks: blocks)
    }

    /// `minimumHours`: the setting `training.minimum_hours` the figures were counted with, said in the text.
    static func training(_ data: MunicipalData, asOf date: LocalDate, minimumHours: Double) -> ReportSection {
        let title = "Повышение квалификации за последние 3 года"
        let withBase = data.staff.filter { $0.trainingBase > 0 }
        guard !withBase.isEmpty else { return .empty(title, "Нет педагогических и руководящих работников.") }
        let base = withBase.reduce(0) { $0 + $1.trainingBase }
        let trained = withBase.reduce(0) { $0 + $1.trained }
        let share = { (f: SchoolStaffFigures) in Double(f.trained) * 100 / Double(f.trainingBase) }
        return ReportSection(
            title: title,
            blocks: [
                .paragraph(
                    "Прошли повышение квалификации (курсы от \(Setting.format(minimumHours)) ч, настройка \(Settings.trainingMinimumHours.id)) в течение 3 лет до \(date.russian): \(trained) из \(base) педагогических и руководящих работников (\(Cell.russianNumber(Double(trained) * 100 / Double(base), decimals: 1)) %). Норма — каждый не реже одного раза в 3 года (273-ФЗ, ст. 47, ч. 5, п. 2)."
                ),
                .chart(
                    .bars(
                        BarChart(
                            title: "Доля прошедших КПК за 3 года, по школам", valueTitle: "Доля",
                            items: withBase.map { BarChart.Item(label: "\($0.code) \($0.name)", value: share($0)) },
                            target: 100))),
                .table(
                    ReportTable(
                        columns: [
                            .code, .name,
                            Column("base", "Педагогов и руководителей"),
                            Column("trained", "Прошли КПК за 3 года"), Column("untrained", "Не прошли"),
                            Column("share", "Доля"),
                        ],
                        rows: withBase.map { f in
                            [
                                .text(f.code), .text(f.name), .integer(f.trainingBase), .integer(f.trained),
                                .integer(f.trainingBase - f.trained), .percent(share(f)),
                            ]
                        })),
            ])
    }

    static func diagnostics(_ data: MunicipalData) -> ReportSection {
        let title = "Диагностика профессиональных дефицитов"
        let diagnosed = data.deficits.filter { $0.diagnosed > 0 }
        guard !diagnosed.isEmpty else {
            return .empty(title, "Диагностика профессиональных дефицитов не проводилась или не загружена.")
        }
        var totals: [String: Int] = [:]
        for d in diagnosed { for (topic, n) in d.byTopic { totals[topic, default: 0] += n } }
        let topics = totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }
        guard !topics.isEmpty else {
            return ReportSection(title: title, blocks: [.note("У прошедших диагностику дефицитов не выявлено.")])
        }
        return ReportSection(
            title: title,
            blocks: [
                .paragraph("Доля педагогов школы с дефицитом по теме, % от прошедших последнюю диагностику в школе."),
                .chart(
                    .heatmap(
                        Heatmap(
                            title: "Дефициты по школам", rows: diagnosed.map { "\($0.schoolCode) \($0.schoolName)" },
                            columns: topics,
                            values: diagnosed.map { d in
                                topics.map { t in Double(d.byTopic[t] ?? 0) * 100 / Double(d.diagnosed) }
                            },
                            legend: "% педагогов с дефицитом"))),
                .table(
                    ReportTable(
                        title: "Чаще всего встречающиеся дефициты",
                        columns: [Column("topic", "Дефицит"), Column("teachers", "Педагогов")],
                        rows: topics.map { [.text($0), .integer(totals[$0]!)] })),
            ])
    }

    static func roadmap(_ data: MunicipalData, asOf date: LocalDate) -> ReportSection {
        let title = "Дорожная карта"
        guard !data.roadmaps.isEmpty else {
            return .empty(title, "Дорожные карты не загружены: nastavnik import roadmap ФАЙЛ.")
        }
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    columns: [Column("roadmap", "Дорожная карта"), Column("activities", "Мероприятий")],
                    rows: data.roadmaps.map { [.text($0.title), .integer($0.activities)] }))
        ]
        let grouped = Dictionary(grouping: data.occurrences, by: \.roadmap)
        var drawn = false
        for (title, _) in data.roadmaps {
            guard let lines = grouped[title], !lines.isEmpty else { continue }
            drawn = true
            // One row per activity, a segment per occurrence, in the roadmap's order.
            var order: [String] = []
            var segments: [String: [Timeline.Segment]] = [:]
            for o in lines {
                let label = ActivityLabel.text(number: o.number, activity: o.activity)
                if segments[label] == nil { order.append(label) }
                segments[label, default: []].append(Timeline.Segment(start: o.start, end: o.end, status: o.status))
            }
            blocks.append(
                .chart(
                    .timeline(
                        Timeline(
                            title: title, rows: order.map { Timeline.Row(label: $0, segments: segments[$0]!) },
                            today: date))))
        }
        if !drawn { blocks.append(.note("У мероприятий пока нет сроков в виде дат, временная шкала не построена.")) }
        return ReportSection(title: title, blocks: blocks)
    }
}
