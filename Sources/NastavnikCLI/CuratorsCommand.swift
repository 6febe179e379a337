import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct CuratorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curators",
        abstract: "Школы-кураторы: оптимальные пары с обоснованием, решения, проект приказа.",
        subcommands: [Suggest.self, Capacity.self, Assign.self, List.self, OrderDocument.self]
    )

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Предложить пары «школа — куратор» с минимальной суммарной стоимостью (точное решение, не жадное).",
            discussion: "Стоимость пары: расстояние в км + 20 за каждый слабый предмет школы, в котором куратор не силён + 10 за частый дефицит школы, не реже встречающийся у педагогов куратора + 15 за новую пару. Вместимость куратора — 2 школы (--capacity), у отдельной школы — своя (nastavnik curators capacity КОД N). Команда ничего не записывает. Куратора предлагают каждой школе со статусом НОР, ЗПР, ЗУР или ШНСУ; куратором может быть школа со статусом из настройки curators.statuses (по умолчанию «эффективная»); школа без пары получает причину.")

        @Option(name: .long, help: "Годы результатов: 2022-2024 (по умолчанию три последних).")
        var years: String?

        @Option(name: .long, help: "Сколько школ может курировать одна школа.")
        var capacity: Int = 2

        @Option(name: .long, help: "Закрепить пару ШКОЛА:КУРАТОР (можно повторять).")
        var lock: [String] = []

        @Option(name: .long, help: "Запретить пару ШКОЛА:КУРАТОР (можно повторять).")
        var forbid: [String] = []

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let range = try yearRange(years)
            guard capacity >= 0 else { throw UserError("Вместимость (--capacity) не может быть отрицательной: \(capacity).") }
            let db = try database.open()
            let overview = try db.schools()
            let known = Set(overview.map(\.code))
            // Pairs name schools that exist; a school is locked to one curator.
            func pair(_ text: String, option: String) throws -> (school: String, curator: String) {
                let parts = text.split(separator: ":").map { CellValue.trimmed(String($0)) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw UserError("Пара «\(text)» в \(option) записывается как ШКОЛА:КУРАТОР.")
                }
                for code in parts where !known.contains(code) { throw UserError("Нет школы с кодом «\(code)» (\(option) \(text)).") }
                guard parts[0] != parts[1] else { throw UserError("Школа не может курировать сама себя (\(option) \(text)).") }
                return (parts[0], parts[1])
            }
            var locks: [String: String] = [:]
            for text in lock {
                let (school, curator) = try pair(text, option: "--lock")
                if let other = locks[school], other != curator {
                    throw UserError("Школа \(school) закреплена дважды: за \(other) и за \(curator).")
                }
                locks[school] = curator
            }
            let forbidden = Set(try forbid.map { text in let p = try pair(text, option: "--forbid"); return "\(p.school):\(p.curator)" })
            let schools = try db.matchSchools(years: range, defaultCapacity: capacity)
            let allowed = CuratorMatching.allowedStatuses(try db.settings())
            let byCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0) })
            for (school, curator) in locks.sorted(by: { $0.key < $1.key }) {
                if let refusal = CuratorMatching.lockRefusal(school: byCode[school]!, curator: byCode[curator]!, allowed: allowed) {
                    throw UserError("Пару \(school):\(curator) (--lock) закрепить нельзя: \(refusal).")
                }
            }
            let existing = Set(try db.pairings().map { "\($0.schoolCode)|\($0.curatorSchoolCode)" })
            let suggestions = try CuratorMatching.suggest(schools: schools, existing: existing, locks: locks, forbidden: forbidden, allowed: allowed,
                                                          cutoffs: CuratorCutoffs(try db.settings()))
            try format.emit([ReportTable(
                title: "",
                columns: [Column("school_code", "Код ОО"), Column("school", "Школа"), Column("curator_code", "Код куратора"),
                          Column("curator", "Школа-куратор"), Column("cost", "Стоимость"), Column("distance", "Расстояние"),
                          Column("uncovered_subjects", "Не закрыты предметы"), Column("uncovered_deficits", "Не закрыты дефициты"),
                          Column("continuity", "Новая пара"), Column("reason", "Обоснование")],
                rows: suggestions.map { s in
                    [.text(s.school.code), .text(s.school.name), Cell(s.curator?.code), Cell(s.curator?.name),
                     s.cost.map { .integer($0.total) } ?? .empty, s.cost.map { .integer($0.distance) } ?? .empty,
                     .list(s.cost?.uncoveredSubjects ?? []), .list(s.cost?.uncoveredDeficits ?? []),
                     s.cost.map { .bool($0.continuity > 0) } ?? .empty,
                     .text(s.reason)]
                },
                emptyMessage: "Школ со статусами НОР, ЗПР, ЗУР, ШНСУ нет.")])
        }
    }

    /// The one write of a school's own curator capacity (it was a side effect of `suggest`).
    struct Capacity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Записать вместимость школы-куратора: сколько школ она может курировать (вместо --capacity команды suggest).")

        @Argument(help: "Код школы-куратора.")
        var school: String

        @Argument(help: "Сколько школ она может курировать (0 — ни одной).")
        var capacity: Int

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard capacity >= 0 else { throw UserError("Вместимость школы \(school) не может быть отрицательной: \(capacity).") }
            let code = CellValue.trimmed(school)
            try database.open().setCuratorCapacity(school: code, capacity: capacity).orUserError()
            Console.current.out("Школа \(code) может курировать школ: \(capacity).\n")
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Записать решение: школа, её куратор, координатор и приказ.")

        @Argument(help: "Код курируемой школы.")
        var school: String

        @Argument(help: "Код школы-куратора.")
        var curator: String

        @Option(name: .long, help: "Куратор (ФИО и должность).")
        var curatorName: String?

        @Option(name: .long, help: "Муниципальный координатор.")
        var coordinator: String?

        @Option(name: .long, help: "Приказ о закреплении.")
        var order: String?

        @Option(name: .long, help: "С даты (ДД.ММ.ГГГГ); по умолчанию сегодня.")
        var since: LocalDate?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().assignCurator(school: school, curator: curator, curatorName: curatorName, coordinator: coordinator,
                                                     orderRef: order, since: since ?? .today()).orUserError()
            Console.current.out("Школа \(school): куратор — школа \(curator).\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Действующие пары «школа — куратор».")
        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let pairs = try database.open().pairings()
            try format.emit([ReportTable(
                title: "",
                columns: [Column("school_code", "Код ОО"), Column("school", "Школа"), Column("curator_code", "Код куратора"),
                          Column("curator_school", "Школа-куратор"), Column("curator", "Куратор"), Column("coordinator", "Координатор"),
                          Column("since", "С"), Column("order", "Приказ")],
                rows: pairs.map { p in
                    [.text(p.schoolCode), .text(p.schoolName), .text(p.curatorSchoolCode), .text(p.curatorSchoolName), Cell(p.curatorName),
                     Cell(p.coordinator), Cell(p.since), Cell(p.orderRef)]
                },
                emptyMessage: "Пар нет: nastavnik curators suggest, затем curators assign.")])
        }
    }

    struct OrderDocument: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "order", abstract: "Проект приказа о закреплении школ-кураторов.")

        @OptionGroup var output: DocumentOutputOptions

        @Option(name: .long, help: "Дата приказа.")
        var date: LocalDate?

        @Option(name: .long, help: "Номер приказа.")
        var number: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open()
            let pairs = try db.pairings()
            guard !pairs.isEmpty else { throw UserError("Пар «школа — куратор» нет: сначала curators assign.") }
            let grouped = Dictionary(grouping: pairs, by: \.curatorSchoolCode)
            let items = grouped.keys.sorted().map { code -> String in
                let list = grouped[code]!
                return "\(list[0].curatorSchoolName) для " + list.map(\.schoolName).joined(separator: ", ") + ";"
            }
            let coordinators = Array(Set(pairs.compactMap(\.coordinator))).sorted()
            var points: [Document.Point] = [.init("Определить школу-куратора для школ с низкими образовательными результатами и школ в зоне риска снижения образовательных результатов:", items: items)]
            if !coordinators.isEmpty {
                points.append(.init("Назначить муниципальными координаторами:", items: coordinators.map { $0 + ";" }))
            }
            points += [
                .init("Руководителям школ-кураторов организовать методическое сопровождение курируемых школ: взаимопосещение уроков, консультации, участие педагогов в семинарах и мастер-классах."),
                .init("Контроль за исполнением приказа оставляю за собой."),
            ]
            let document = Document(
                organisation: Document.department(municipality: try db.schools().compactMap(\.municipality).first),
                date: date, number: number, subject: "О закреплении школ-кураторов",
                preamble: "В целях оказания адресной методической помощи школам с низкими образовательными результатами и школам, находящимся в зоне риска снижения образовательных результатов,",
                points: points, signatoryPosition: "Начальник управления образования", signatoryName: "________________",
                appendices: [.init(title: "Приложение к приказу. Закрепление школ-кураторов", blocks: [.table(Self.appendix(pairs))])])
            // In XLSX the order is its appendix: the list a department edits and sends on.
            try output.write(document, defaultName: "curators-order")
        }

        /// One row per curated school, grouped by curator school as the order's first point is.
        static func appendix(_ pairs: [PairingLine]) -> ReportTable {
            let ordered = pairs.sorted { ($0.curatorSchoolCode, $0.schoolCode) < ($1.curatorSchoolCode, $1.schoolCode) }
            return ReportTable(
                title: "",
                columns: [Column("number", "№ п/п"), Column("curator_code", "Код школы-куратора"), Column("curator_school", "Школа-куратор"),
                          Column("curator", "Куратор"), Column("school_code", "Код курируемой школы"), Column("school", "Курируемая школа"),
                          Column("coordinator", "Муниципальный координатор")],
                rows: ordered.enumerated().map { index, p in
                    [.integer(index + 1), .text(p.curatorSchoolCode), .text(p.curatorSchoolName), Cell(p.curatorName),
                     .text(p.schoolCode), .text(p.schoolName), Cell(p.coordinator)]
                })
        }
    }
}
