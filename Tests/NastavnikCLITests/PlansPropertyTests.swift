import Foundation
import GRDB
import NastavnikCore
import PropertyBased
import Testing
@testable import NastavnikCLI

/// Random municipalities through the whole chain (import → `plans generate` → `training order`):
/// no plan item or order line names a session that has begun before the as-of date, ends after
/// the deadline, is full, or is another subject's; every pedagogical and leading worker of a НОР
/// school has a plan.
@Suite struct PlansPropertyTests {
    /// Each subject spelt the ways files spell it; the index is the test's own notion of «the same subject».
    static let subjects: [[String]] = [
        ["математика", "Математика"], ["физическая культура", "физкультура", "Физическая культура"],
        ["химия", "Химия"], ["ОБЗР", "ОБЖ"], ["русский язык", "Русский язык"],
    ]
    static let topics = ["подготовка к ГИА", "формирующее оценивание", "проектная деятельность"]
    static let surnames = ["Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова", "Волкова", "Зайцева", "Соколова", "Орлова",
                           "Лебедева", "Козлова", "Новикова", "Морозова", "Павлова"]
    static let givenNames = ["Анна", "Мария", "Ольга", "Елена", "Ирина", "Татьяна"]

    struct Municipality {
        var files: [(String, String)] = []
        var asOf: LocalDate
        var subjectIndex: [String: Int] = [:]
        var lowResultSchools: Set<String> = []

        init(seed: UInt64) {
            var rng = SplitMixCLI(seed: seed)
            func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
            for (i, spellings) in PlansPropertyTests.subjects.enumerated() { for s in spellings { subjectIndex[s] = i } }
            asOf = LocalDate(year: 2026, month: 9, day: 1)!.adding(days: Int(rng.next() % 240))
            var schools = "Код ОО;Наименование ОО;Статус\n"
            for s in 1...3 {
                let status = pick(["НОР", "ЗПР", "эффективная", ""])
                if status == "НОР" || status == "ЗПР" { lowResultSchools.insert("S\(s)") }
                schools += "S\(s);Школа \(s);\(status)\n"
            }
            var staff = "Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения\n"
            var diagnostics = "Табельный номер;Дата диагностики;Предметные компетенции;Методические компетенции;Дефициты\n"
            let people = 3 + Int(rng.next() % 10)
            for p in 1...people {
                let position = p % 6 == 1 ? "директор" : "учитель"
                let subjects = position == "директор" ? "" : (0..<(1 + Int(rng.next() % 2))).map { _ in pick(pick(PlansPropertyTests.subjects)) }.joined(separator: ", ")
                staff += "T\(p);\(PlansPropertyTests.surnames[p % 15]) \(pick(PlansPropertyTests.givenNames)) Петровна;S\(1 + p % 3);\(position);\(subjects);01.01.\(1960 + p)\n"
                if rng.next() % 3 != 0 {
                    let deficits = (0..<Int(rng.next() % 3)).map { _ in pick(PlansPropertyTests.topics) }
                    diagnostics += "T\(p);15.03.2026;\(5 + rng.next() % 15);\(10 + rng.next() % 20);\"\(Set(deficits).sorted().joined(separator: "; "))\"\n"
                }
            }
            var courses = "Код программы;Наименование программы;Организатор;Объём (часов);Темы;Предметы;Дата начала;Дата окончания;Количество мест\n"
            let base = LocalDate(year: 2026, month: 6, day: 1)!
            for c in 1...(2 + Int(rng.next() % 12)) {
                var dates = ";"
                if rng.next() % 4 != 0 {
                    let start = base.adding(days: Int(rng.next() % 700))
                    dates = "\(start.russian);\(start.adding(days: Int(rng.next() % 40)).russian)"
                }
                let subjects = rng.next() % 2 == 0 ? "" : "\"\(pick(pick(PlansPropertyTests.subjects)))\""
                let seats = rng.next() % 3 == 0 ? "" : String(rng.next() % 3)
                courses += "K\(c);Программа \(c);\(pick(["ГАУ ДПО ИРО", "ООО «Курсы»"]));\(pick([16, 36, 72]));\(pick(PlansPropertyTests.topics));\(subjects);\(dates);\(seats)\n"
            }
            files = [("schools", schools), ("staff", staff), ("courses", courses), ("diagnostics", diagnostics)]
        }

        func sameSubject(_ a: String, _ b: String) -> Bool {
            guard let x = subjectIndex[a.trimmingCharacters(in: .whitespaces)], let y = subjectIndex[b.trimmingCharacters(in: .whitespaces)] else { return false }
            return x == y
        }
    }

    @Test func noPlanItemOrOrderLineNamesAClosedSession() async throws {
        await propertyCheck(count: 12, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let world = Municipality(seed: seed)
            guard let sandbox = try? CLISandbox() else { Issue.record("нет каталога"); return }
            let db = sandbox.path("db.sqlite")
            for (kind, text) in world.files {
                let result = run(["import", kind, sandbox.write("\(kind).csv", text), "--db", db, "--as-of", "01.09.2026"])
                #expect(result.status == 0, "семя \(seed), \(kind): \(result.err)\n\(text)")
                if result.status != 0 { return }
            }
            let generated = run(["plans", "generate", "--year", "2026/27", "--as-of", world.asOf.russian, "--db", db])
            #expect(generated.status == 0, "семя \(seed): \(generated.err)")
            let earliest = max(world.asOf, LocalDate(year: 2026, month: 9, day: 1)!)
            do {
                let queue = try DatabaseQueue(path: db)
                try queue.read { d in
                    // Every plan item's course, against the test's own reading of the rule.
                    var taken: [String: Int] = [:]
                    for row in try Row.fetchAll(d, sql: """
                        SELECT st.staff_id, st.subjects, c.code, c.start_date, c.end_date, c.seats, c.subjects
                        FROM plan_item i JOIN development_plan p ON p.id = i.plan_id AND p.superseded_by IS NULL
                        JOIN staff st ON st.id = p.staff_id JOIN course c ON c.id = i.course_id
                        """) {
                        let code: String = row[2]
                        taken[code, default: 0] += 1
                        if let start = (row[3] as String?).flatMap({ LocalDate(parsing: $0) }) {
                            #expect(start >= earliest, "семя \(seed): \(row[0] as String) — \(code) начался \(start.russian)")
                        }
                        if let end = (row[4] as String?).flatMap({ LocalDate(parsing: $0) }) {
                            #expect(end <= LocalDate(year: 2027, month: 8, day: 31)!, "семя \(seed): \(code) кончается \(end.russian)")
                        }
                        if let seats: Int = row[5] { #expect(taken[code]! <= seats, "семя \(seed): \(code) сверх мест") }
                        let courseSubjects = ((row[6] as String?) ?? "").split(separator: ";").map(String.init).filter { !$0.isEmpty }
                        let mine = ((row[1] as String?) ?? "").split(separator: ";").map(String.init)
                        #expect(courseSubjects.isEmpty || courseSubjects.contains { c in mine.contains { world.sameSubject(c, $0) } },
                                "семя \(seed): \(row[0] as String) (\(mine)) — \(code) по предмету \(courseSubjects)")
                    }
                    // Every worker of a НОР or ЗПР school has a plan.
                    let planned = Set(try String.fetchAll(d, sql: "SELECT st.staff_id FROM development_plan p JOIN staff st ON st.id = p.staff_id"))
                    for row in try Row.fetchAll(d, sql: "SELECT st.staff_id, s.code FROM staff st JOIN school s ON s.id = st.school_id") {
                        if world.lowResultSchools.contains(row[1]) { #expect(planned.contains(row[0]), "семя \(seed): у \(row[0] as String) нет плана") }
                    }
                }
                let order = run(["training", "order", "--year", "2027", "--as-of", world.asOf.russian, "--db", db, "--format", "json"])
                #expect(order.status == 0, "семя \(seed): \(order.err)")
                let lines = try #require(try jsonObject(order.out)["assignments"] as? [[String: Any]])
                let courses = try queue.read { d in
                    try Dictionary(uniqueKeysWithValues: Row.fetchAll(d, sql: "SELECT code, start_date, end_date, subjects, seats FROM course").map { ($0[0] as String, $0) })
                }
                let staffSubjects = try queue.read { d in
                    try Dictionary(uniqueKeysWithValues: Row.fetchAll(d, sql: "SELECT staff_id, subjects FROM staff").map { ($0[0] as String, ($0[1] as String?) ?? "") })
                }
                var seats: [String: Int] = [:]
                for line in lines {
                    let code = try #require(line["course_code"] as? String), staff = try #require(line["staff_id"] as? String)
                    let c = try #require(courses[code])
                    seats[code, default: 0] += 1
                    if let start = (c[1] as String?).flatMap({ LocalDate(parsing: $0) }) {
                        #expect(start >= max(world.asOf, LocalDate(year: 2027, month: 1, day: 1)!), "семя \(seed): заказ \(staff) — \(code) с \(start.russian)")
                    }
                    if let end = (c[2] as String?).flatMap({ LocalDate(parsing: $0) }) {
                        #expect(end <= LocalDate(year: 2027, month: 12, day: 31)!, "семя \(seed): заказ \(code) до \(end.russian)")
                    }
                    if let limit: Int = c[4] { #expect(seats[code]! <= limit, "семя \(seed): заказ \(code) сверх мест") }
                    let courseSubjects = ((c[3] as String?) ?? "").split(separator: ";").map(String.init).filter { !$0.isEmpty }
                    let mine = (staffSubjects[staff] ?? "").split(separator: ";").map(String.init)
                    #expect(courseSubjects.isEmpty || courseSubjects.contains { x in mine.contains { world.sameSubject(x, $0) } },
                            "семя \(seed): заказ \(staff) (\(mine)) — \(code) по предмету \(courseSubjects)")
                }
            } catch {
                Issue.record("семя \(seed): \(error)")
            }
        }
    }
}

/// SplitMix64: a random municipality from one property-test input.
struct SplitMixCLI: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
