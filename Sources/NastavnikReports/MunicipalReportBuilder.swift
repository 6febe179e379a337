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
        minimumHours: Double = TrainingRule().minimumHours, earlyCareer: EarlyCareerRule = EarlyCareerRule(),
        targets: IndicatorSummary? = nil,
        risks: [RiskProfileLine] = [], programmeGaps: [ProgrammeGap] = []
    ) -> Report {
        let title =
            school.map { "Отчёт по школе: \($0.name) (\($0.code))" }
            ?? "Методическая поддержка школ муниципалитета"
        let municipality = data.schools.compactMap(\.municipality).first
        let subtitle = [municipality, "по состоянию на \(date.russian)"].compactMap { $0 }.joined(separator: ", ")
        let single = school != nil
        // The figures first, each with its chart, in the order a head of department asks for them;
        // the lists behind them (of people, of events, per school) go to the appendix.
        var parts: [(ReportSection, [ReportSection])] = [
            statuses(data, single: single),
            training(data, asOf: date, minimumHours: minimumHours),
            diagnostics(data),
            roadmap(data, asOf: date),
            indicatorSection(indicators, single: single),
            staff(data, single: single, earlyCareer: earlyCareer),
            mentoring(mentorships, school: school),
            seminars(events, school: school, asOf: date),
        ]
        if let targets { parts.append(targets.section()) }
        if let riskPart = Self.risks(risks, gaps: programmeGaps, single: single) { parts.append(riskPart) }
        return Report(
            title: title, subtitle: subtitle, sections: parts.map(\.0), appendix: parts.flatMap(\.1))
    }

    /// A section and the lists it leaves to the appendix.
    typealias Part = (section: ReportSection, appendix: [ReportSection])

    /// One list of the appendix: a section holding one table, titled as the table is; a title
    /// longer than a sheet's name may be (Excel: 31 characters) stays on the table and the section
    /// takes the short `sheet` name, so that the workbook's tabs read whole.
    static func list(_ table: ReportTable, sheet: String? = nil) -> ReportSection {
        var table = table
        guard let sheet, table.title.count > XLSXWriter.sheetNameLimit else {
            let title = table.title
            table.title = ""
            return ReportSection(title: title, blocks: [.table(table)])
        }
        return ReportSection(title: sheet, blocks: [.table(table)])
    }

    static func seminars(_ events: [EventLine], school: SchoolOverview?, asOf date: LocalDate) -> Part {
        let title = "Семинары, мастер-классы и другие мероприятия"
        let yearStart = LocalDate(year: date.month >= 9 ? date.year : date.year - 1, month: 9, day: 1)!
        let shown = events.filter { e in
            e.date >= yearStart && e.date < yearStart.adding(years: 1)
                && (school.map { s in e.hostCode == s.code || e.participants.contains { $0.school == s.code } } ?? true)
        }
        guard !shown.isEmpty else { return (.empty(title, "В этом учебном году мероприятий нет."), []) }
        let kinds = Dictionary(grouping: shown, by: \.kind.russian)
        let summary = ReportTable(
            columns: [
                Column("kind", "Вид"), Column("events", "Мероприятий"), Column("invited", "Приглашено"),
                Column("attended", "Пришли"),
            ],
            rows: kinds.keys.sorted().map { kind in
                let list = kinds[kind]!
                return [
                    .text(kind), .integer(list.count), .integer(list.reduce(0) { $0 + $1.participants.count }),
                    .integer(list.reduce(0) { $0 + $1.participants.filter { $0.attended == true }.count }),
                ]
            })
        let list = ReportTable(
            title: "Мероприятия учебного года",
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
            })
        return (
            ReportSection(
                title: title,
                blocks: [
                    .paragraph(
                        "Мероприятий в учебном году \(yearStart.year)/\(String((yearStart.year + 1) % 100)): \(shown.count)."
                    ),
                    .table(summary),
                ]),
            [Self.list(list)]
        )
    }

    static func mentoring(_ list: [MentorshipLine], school: SchoolOverview?) -> Part {
        let title = "Наставничество"
        let shown = school.map { s in list.filter { $0.menteeSchool == s.code || $0.mentorSchool == s.code } } ?? list
        guard !shown.isEmpty else { return (.empty(title, "Действующих наставнических пар нет."), []) }
        let forms = Dictionary(grouping: shown, by: { $0.form ?? "форма не указана" })
        let pairs = ReportTable(
            title: "Действующие наставнические пары",
            columns: [
                .mentee, .menteeSchool,
                .mentor,
                Column("mentor_school", "Код ОО наставника"), .mentorshipForm,
                Column("consent", "Согласие наставника"),
                .meetings,
            ],
            rows: shown.map { m in
                [
                    .text(m.menteeName), .text(m.menteeSchool), .text(m.mentorName), .text(m.mentorSchool),
                    Cell(m.form), Cell(m.consent),
                    .integer(m.meetings),
                ]
            })
        return (
            ReportSection(
                title: title,
                blocks: [
                    .paragraph(
                        "Действующих наставнических пар: \(shown.count); без согласия наставника (ТК РФ, ст. 351.8): \(shown.filter { $0.consent == nil }.count)."
                    ),
                    .table(
                        ReportTable(
                            columns: [.mentorshipForm, Column("pairs", "Пар")],
                            rows: forms.keys.sorted().map { [.text($0), .integer(forms[$0]!.count)] })),
                ]),
            [Self.list(pairs, sheet: "Наставнические пары")]
        )
    }

    /// The indicators of the roadmaps and the coverage of the school year, with their chart;
    /// the per-school table goes to the appendix.
    static func indicatorSection(_ indicators: StaffIndicators?, single: Bool) -> Part {
        let title = "Целевые показатели и охват"
        guard let indicators, indicators.total.staff > 0 else {
            return (.empty(title, "Нет данных для расчёта показателей."), [])
        }
        // The figures' table; the coverage, by school, drawn against its target (3.1 is drawn in
        // the training section).
        var blocks: [ReportBlock] = [.table(indicators.figuresTable())]
        if !single { blocks += indicators.coverageCharts().map { .chart($0) } }
        var bySchool = indicators.table(includeTotal: !single)
        bySchool.title = "Показатели по школам: доли от педагогических и руководящих работников школы"
        return (
            ReportSection(title: title, blocks: blocks),
            single ? [] : [Self.list(bySchool, sheet: "Показатели по школам")]
        )
    }

    static func statuses(_ data: MunicipalData, single: Bool) -> Part {
        let title = "Школы по статусам, кураторы и координаторы"
        guard !data.schools.isEmpty else {
            return (.empty(title, "Школы не загружены: nastavnik import schools ФАЙЛ."), [])
        }
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
            return (ReportSection(title: title, blocks: blocks), [])
        }
        // The table names each status in full; the chart, beside it, by its short name.
        let counts: [(short: String, full: String, schools: Int)] =
            SchoolStatus.allCases.map { status in
                (
                    status.russianShort, "\(status.russianShort) — \(status.russianTitle)",
                    data.schools.filter { $0.statuses.contains(status) }.count
                )
            } + [("без статуса", "без статуса", data.schools.filter { $0.statuses.isEmpty }.count)]
        blocks.append(
            .table(
                ReportTable(
                    columns: [Column("status", "Статус"), Column("schools", "Школ")],
                    rows: counts.map { [.text($0.full), .integer($0.schools)] })))
        blocks.append(
            .chart(
                .bars(
                    BarChart(
                        title: "Школы по статусам (школа может иметь два статуса)", valueTitle: "Школ",
                        items: counts.map { BarChart.Item(label: $0.short, value: Double($0.schools)) },
                        percent: false))))
        let supported = data.schools.filter { $0.statuses.contains(where: \.needsSupport) }
        let byCode = Dictionary(grouping: data.pairings, by: \.schoolCode)
        func cells(_ s: SchoolOverview) -> [Cell] {
            let p = byCode[s.code] ?? []
            return [
                .text(s.code), .text(s.name), .list(s.statuses.map(\.russianShort)),
                .list(p.map { "\($0.curatorSchoolCode) \($0.curatorSchoolName)" }), .list(p.compactMap(\.curatorName)),
                .list(Array(Set(p.compactMap(\.coordinator))).sorted()),
                .list(Array(Set(p.compactMap(\.orderRef))).sorted()),
            ]
        }
        let columns: [Column] = [
            .code, .name, Column("statuses", "Статус"),
            .curatorSchool, .curator,
            .coordinator, Column("order", "Приказ"),
        ]
        // The summary names the curators; the coordinators and orders are in the appendix's list.
        blocks.append(
            .table(
                ReportTable(
                    title: "Школы, которым оказывается поддержка", columns: Array(columns.prefix(5)),
                    rows: supported.map { Array(cells($0).prefix(5)) },
                    emptyMessage: "Школ со статусами НОР, ЗПР, ЗУР и ШНСУ нет.")))
        let unpaired = supported.filter { byCode[$0.code] == nil }
        if !unpaired.isEmpty {
            blocks.append(
                .note("Без школы-куратора: " + unpaired.map { "\($0.code) \($0.name)" }.joined(separator: "; ") + "."))
        }
        let appendix =
            supported.isEmpty
            ? []
            : [
                Self.list(
                    ReportTable(
                        title: "Кураторы, координаторы и приказы школ с НОР, ЗПР, ЗУР и ШНСУ", columns: columns,
                        rows: supported.map(cells)), sheet: "Кураторы и координаторы")
            ]
        return (ReportSection(title: title, blocks: blocks), appendix)
    }

    /// `earlyCareer`: the rule in force (settings `staff.early_career.*`), said in the title of its list.
    // «Педагог-методист» and «педагог-наставник» (приказ № 196) count with their own columns.
    static let categories: [QualificationCategory?] = [
        .methodist, .mentor, .highest, .first, .fitsPost, QualificationCategory.none, nil,
    ]
    static let categoryNames = [
        "педагог-методист", "педагог-наставник", "высшая", "первая", "СЗД", "без категории", "не указана",
    ]

    static func staff(_ data: MunicipalData, single: Bool, earlyCareer: EarlyCareerRule) -> Part {
        let title = "Педагогические и руководящие кадры"
        guard data.staff.contains(where: { $0.total > 0 }) else {
            return (.empty(title, "Сведения о работниках не загружены."), [])
        }
        let (categories, categoryNames) = (Self.categories, Self.categoryNames)
        func sum(_ value: (SchoolStaffFigures) -> Int) -> Int { data.staff.reduce(0) { $0 + value($1) } }
        let totals = ReportTable(
            columns: [Column("figure", "Показатель"), Column("value", "Работников")],
            rows: [
                [.text("Всего работников"), .integer(sum(\.total))],
                [.text("Педагогических"), .integer(sum { $0.byKind[.pedagogical] ?? 0 })],
                [.text("Руководящих"), .integer(sum { $0.byKind[.leading] ?? 0 })],
                [.text("Прочих"), .integer(sum { $0.byKind[.other] ?? 0 })],
                [.text("Стаж до 3 лет"), .integer(sum { $0.byExperience[0] })],
                [.text("Стаж 20 лет и более"), .integer(sum { $0.byExperience[3] })],
                [.text("Молодых специалистов (\(earlyCareer.russian))"), .integer(sum(\.earlyCareer))],
            ])
        let composition = ReportTable(
            title: "Состав кадров по школам",
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
        let early = ReportTable(
            title: "Молодые специалисты (\(earlyCareer.russian); настройки staff.early_career)",
            columns: Column.staffIdentity + [.subjects, .experienceYears],
            rows: data.earlyCareer.map { s in
                s.identityCells + [
                    .list(s.subjects),
                    s.experience.map { .number($0, decimals: 0) } ?? .empty,
                ]
            },
            emptyMessage: "Молодых специалистов нет.")
        var compositionSection = Self.list(composition)
        if !single {
            compositionSection.blocks.append(
                .chart(
                    .stackedBars(
                        StackedBarChart(
                            title: "Квалификационные категории по школам", series: categoryNames,
                            items: data.staff.map { f in
                                StackedBarChart.Item(
                                    label: "\(f.code) \(f.name)",
                                    values: categories.map { Double(f.byCategory[$0] ?? 0) })
                            }))))
        }
        return (
            ReportSection(
                title: title,
                blocks: [
                    .table(totals),
                    .chart(
                        .bars(
                            BarChart(
                                title: "Квалификационные категории", valueTitle: "Работников",
                                items: zip(categoryNames, categories).map { name, category in
                                    BarChart.Item(label: name, value: Double(sum { $0.byCategory[category] ?? 0 }))
                                }, percent: false))),
                ]),
            [compositionSection, Self.list(early, sheet: "Молодые специалисты")]
        )
    }

    /// `minimumHours`: the setting `training.minimum_hours` the figures were counted with, said in the text.
    static func training(_ data: MunicipalData, asOf date: LocalDate, minimumHours: Double) -> Part {
        let title = "Повышение квалификации за последние 3 года"
        let withBase = data.staff.filter { $0.trainingBase > 0 }
        guard !withBase.isEmpty else { return (.empty(title, "Нет педагогических и руководящих работников."), []) }
        let base = withBase.reduce(0) { $0 + $1.trainingBase }
        let trained = withBase.reduce(0) { $0 + $1.trained }
        let share = { (f: SchoolStaffFigures) in Double(f.trained) * 100 / Double(f.trainingBase) }
        let table = ReportTable(
            title: "Повышение квалификации по школам",
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
            })
        return (
            ReportSection(
                title: title,
                blocks: [
                    .paragraph(
                        "Прошли повышение квалификации (курсы от \(Setting.format(minimumHours)) ч, настройка \(Settings.trainingMinimumHours.id)) в течение 3 лет до \(date.russian): \(trained) из \(base) педагогических и руководящих работников (\(Cell.russianNumber(Double(trained) * 100 / Double(base), decimals: 1)) %), не прошли — \(base - trained). Норма — каждый не реже одного раза в 3 года (273-ФЗ, ст. 47, ч. 5, п. 2)."
                    ),
                    .chart(
                        .bars(
                            BarChart(
                                title: "Доля прошедших КПК за 3 года, по школам", valueTitle: "Доля",
                                items: withBase.map { BarChart.Item(label: "\($0.code) \($0.name)", value: share($0)) },
                                target: 100))),
                ]),
            [Self.list(table, sheet: "КПК по школам")]
        )
    }

    static func diagnostics(_ data: MunicipalData) -> Part {
        let title = "Диагностика профессиональных дефицитов"
        let diagnosed = data.deficits.filter { $0.diagnosed > 0 }
        guard !diagnosed.isEmpty else {
            return (.empty(title, "Диагностика профессиональных дефицитов не проводилась или не загружена."), [])
        }
        var totals: [String: Int] = [:]
        for d in diagnosed { for (topic, n) in d.byTopic { totals[topic, default: 0] += n } }
        let topics = totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }
        guard !topics.isEmpty else {
            return (ReportSection(title: title, blocks: [.note("У прошедших диагностику дефицитов не выявлено.")]), [])
        }
        return (
            ReportSection(
                title: title,
                blocks: [
                    .paragraph(
                        "Доля педагогов школы с дефицитом по теме, % от прошедших последнюю диагностику в школе."),
                    .chart(
                        .heatmap(
                            Heatmap(
                                title: "Дефициты по школам",
                                rows: diagnosed.map { "\($0.schoolCode) \($0.schoolName)" },
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
                ]),
            []
        )
    }

    /// The statuses of the roadmaps' dated terms, in the order the summary counts them.
    static let statusOrder = ["done", "inProgress", "planned", "overdue", "cancelled"]
    static let statusTitles = ["выполнено", "выполняется", "запланировано", "просрочено", "отменено"]
    static let statusColumns = ["Выполнено", "Выполняется", "Запланировано", "Просрочено", "Отменено"]

    /// The roadmaps' terms by status with a chart, the overdue ones counted first; the overdue
    /// terms and the timelines go to the appendix.
    static func roadmap(_ data: MunicipalData, asOf date: LocalDate) -> Part {
        let title = "Дорожная карта"
        guard !data.roadmaps.isEmpty else {
            return (.empty(title, "Дорожные карты не загружены: nastavnik import roadmap ФАЙЛ."), [])
        }
        let grouped = Dictionary(grouping: data.occurrences, by: \.roadmap)
        // The statuses some term has, in their order: a column of zeros says nothing.
        let present = statusOrder.indices.filter { i in data.occurrences.contains { $0.status == statusOrder[i] } }
        let counts = data.roadmaps.map { r in
            present.map { i in (grouped[r.title] ?? []).filter { $0.status == statusOrder[i] }.count }
        }
        let overdue = data.occurrences.filter { $0.status == "overdue" }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Просрочено на \(date.russian): \(RussianPlural.count(overdue.count, "срок", "срока", "сроков")) мероприятий из \(data.occurrences.count) с датами."
            ),
            .table(
                ReportTable(
                    title: "Сроки мероприятий по статусам",
                    columns: [Column("roadmap", "Дорожная карта"), Column("activities", "Мероприятий")]
                        + present.map { Column(statusOrder[$0], statusColumns[$0]) },
                    rows: zip(data.roadmaps, counts).map { r, c in
                        [.text(r.title), .integer(r.activities)] + c.map { .integer($0) }
                    })),
        ]
        var appendix: [ReportSection] = []
        if data.occurrences.isEmpty {
            blocks.append(.note("У мероприятий пока нет сроков в виде дат, временная шкала не построена."))
        } else {
            blocks.append(
                .chart(
                    .stackedBars(
                        StackedBarChart(
                            title: "Сроки мероприятий по статусам, по дорожным картам",
                            series: present.map { statusTitles[$0] },
                            items: zip(data.roadmaps, counts).map { r, c in
                                StackedBarChart.Item(label: r.title, values: c.map(Double.init))
                            }, colors: present.map { SVGChart.statusColors[statusOrder[$0]]! }))))
            appendix.append(
                Self.list(
                    ReportTable(
                        title: "Просроченные сроки мероприятий дорожных карт",
                        columns: [
                            Column("roadmap", "Дорожная карта"), Column("activity", "Мероприятие"),
                            Column("start", "Начало"), Column("end", "Окончание"),
                        ],
                        rows: overdue.map { o in
                            [
                                .text(o.roadmap), .text(ActivityLabel.text(number: o.number, activity: o.activity)),
                                .date(o.start), .date(o.end),
                            ]
                        },
                        emptyMessage: "Просроченных сроков нет."), sheet: "Просроченные сроки"))
            var timelines: [ReportBlock] = []
            for (roadmapTitle, _) in data.roadmaps {
                guard let lines = grouped[roadmapTitle], !lines.isEmpty else { continue }
                // One row per activity, a segment per occurrence, in the roadmap's order.
                var order: [String] = []
                var segments: [String: [Timeline.Segment]] = [:]
                for o in lines {
                    let label = ActivityLabel.text(number: o.number, activity: o.activity)
                    if segments[label] == nil { order.append(label) }
                    segments[label, default: []].append(
                        Timeline.Segment(start: o.start, end: o.end, status: o.status))
                }
                timelines.append(
                    .chart(
                        .timeline(
                            Timeline(
                                title: roadmapTitle,
                                rows: order.map { Timeline.Row(label: $0, segments: segments[$0]!) }, today: date))))
            }
            appendix.append(ReportSection(title: "Сроки дорожных карт", blocks: timelines))
        }
        return (ReportSection(title: title, blocks: blocks), appendix)
    }
}
