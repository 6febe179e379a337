import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikImport
import NastavnikReports

// The types of option values: each reads what a Russian user types (a decimal comma, a date as
// ДД.ММ.ГГГГ, Russian names of choices, the English ones still working) and says in Russian why
// it refuses a value (`ArgumentNotes`; `RussianParserMessages` puts the reason in the error).

/// A number as a Russian user writes it: `0,85` or `0.85`, `1 000,5`; shown with a comma.
struct DecimalNumber: ExpressibleByArgument, Sendable, Equatable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral
{
    var value: Double

    init(_ value: Double) { self.value = value }
    init(floatLiteral value: Double) { self.value = value }
    init(integerLiteral value: Int) { self.value = Double(value) }

    init?(argument: String) {
        guard let value = DecimalNumber.parse(argument) else {
            ArgumentNotes.refuse(
                argument, because: "нужно число, например 0,85 или 12 (дробная часть — через запятую или точку).")
            return nil
        }
        self.value = value
    }

    /// `argument` as a finite number: spaces (also no-break and thin) between digit groups
    /// dropped, one decimal comma or point, an optional sign; nothing else.
    static func parse(_ argument: String) -> Double? {
        var text = argument.trimmingCharacters(in: .whitespaces)
        text.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        if text.hasPrefix("−") { text = "-" + text.dropFirst() }
        let separators = text.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { return nil }
        text = text.replacingOccurrences(of: ",", with: ".")
        var digits = text
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits.removeFirst() }
        guard !digits.isEmpty, digits.contains(where: \.isNumber),
            digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    var defaultValueDescription: String { Cell.russianNumber(value, decimals: Self.decimals(value)) }

    /// The digits a value needs to be shown as it is (at most 6).
    private static func decimals(_ value: Double) -> Int {
        var decimals = 0
        while decimals < 6, (value * pow(10, Double(decimals))).rounded() != value * pow(10, Double(decimals)) {
            decimals += 1
        }
        return decimals
    }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard let date = LocalDate(parsing: argument) else {
            if argument.wholeMatch(of: #/\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*/#) != nil {
                ArgumentNotes.refuse(
                    argument,
                    because:
                        "такой даты нет в календаре (или год вне \(LocalDate.plausibleYears.lowerBound)–\(LocalDate.plausibleYears.upperBound))."
                )
                return nil
            }
            ArgumentNotes.refuse(
                argument,
                because:
                    "нужна дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (например, 01.09.2026), год — от \(LocalDate.plausibleYears.lowerBound) до \(LocalDate.plausibleYears.upperBound)."
            )
            return nil
        }
        self = date
    }

    public var defaultValueDescription: String { russian }
}

/// A choice named by one of `names` (compared folded: case, «ё» and spaces do not matter).
private func choice<T: CaseIterable>(_ argument: String, _ names: (T) -> [String]) -> T? {
    let folded = CellValue.fold(argument)
    return T.allCases.first { value in names(value).contains { CellValue.fold($0) == folded } }
}

/// Says which values a choice takes, for the error (the library lists only `allValueStrings`).
private func refuseChoice<T: CaseIterable>(_ argument: String, _ type: T.Type, _ names: (T) -> [String]) {
    let list = T.allCases.map { names($0).joined(separator: " или ") }.joined(separator: "; ")
    ArgumentNotes.refuse(argument, because: "допустимые значения: \(list).")
}

extension Competence {
    /// `--competence предметные` (or `subject`, the key in files and JSON).
    public init?(argument: String) {
        let names = { (c: Competence) in [c.russian, c.rawValue] + Competence.aliases(c) }
        guard let value: Competence = choice(argument, names) else { return nil }
        self = value
    }

    /// Singular and short forms a user may type.
    static func aliases(_ c: Competence) -> [String] {
        switch c {
        case .subject: ["предметная"]
        case .methodological: ["методическая"]
        case .psychological: ["психолого-педагогическая", "психологические", "психологическая"]
        case .communicative: ["коммуникативная"]
        }
    }

    public static var allValueStrings: [String] { allCases.map(\.russian) }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { russian }
}

extension OrderGrouping {
    /// `--group-by школа` as well as `school`.
    init?(argument: String) {
        guard let value: OrderGrouping = choice(argument, OrderGrouping.names) else { return nil }
        self = value
    }

    // The keys stay the values help lists: the library shows an enumeration's default by its
    // raw value (`Bare.defaultValueDescription`), and the list should match it.
    static func names(_ g: OrderGrouping) -> [String] {
        switch g {
        case .provider: ["provider", "организатор", "организация", "провайдер"]
        case .school: ["school", "школа"]
        case .course: ["course", "курс", "программа"]
        }
    }
}

extension ImportKind {
    /// `import кадры ФАЙЛ`, `template кадры` as well as `staff`.
    public init?(argument: String) {
        guard let value: ImportKind = choice(argument, ImportKind.names) else {
            refuseChoice(argument, ImportKind.self) { [$0.rawValue, ImportKind.names($0)[1]] }
            return nil
        }
        self = value
    }

    /// The key, then the Russian name shown in help, then other Russian names.
    static func names(_ kind: ImportKind) -> [String] {
        switch kind {
        case .schools: ["schools", "школы"]
        case .staff: ["staff", "кадры", "работники", "педагоги"]
        case .diagnostics: ["diagnostics", "диагностика"]
        case .courses: ["courses", "курсы", "программы"]
        case .trainings: ["trainings", "обучение", "кпк"]
        case .results: ["results", "результаты"]
        case .social: ["social", "контекст", "социальный контекст"]
        case .roadmap: ["roadmap", "дорожная-карта", "дорожная карта"]
        case .curators: ["curators", "кураторы"]
        case .mentoring: ["mentoring", "наставничество"]
        case .observations: ["observations", "уроки", "посещения"]
        case .frdo: ["frdo", "фрдо", "фис-фрдо", "удостоверения"]
        case .risks: ["risks", "риски", "рисковый профиль"]
        }
    }

    /// «schools (школы), staff (кадры), …» for help.
    static var argumentList: String {
        allCases.map { "\($0.rawValue) (\(names($0)[1]))" }.joined(separator: ", ")
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
