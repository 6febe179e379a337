/// The small CSV files many command tests import: schools and their staff, a row a line, under
/// the headers given here once.
enum CSVFixture {
    /// One school, S1 «Школа».
    static let oneSchool = schools("S1;Школа")

    /// A schools file, a row a school: code and name.
    static func schools(_ rows: String...) -> (String, String) {
        ("schools", lines(["Код ОО;Наименование ОО"] + rows))
    }

    /// A staff file, a row a person: personnel number, full name, school, position, subjects,
    /// birth date and first day of pedagogical work.
    static func staff(_ rows: [String]) -> (String, String) {
        ("staff", lines([staffHeader] + rows))
    }

    /// The staff file of `staff(_:)` with each person's category last.
    static func staffWithCategories(_ rows: [String]) -> (String, String) {
        ("staff", lines([staffHeader + ";Категория"] + rows))
    }

    private static let staffHeader =
        "Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности"

    private static func lines(_ rows: [String]) -> String { rows.map { $0 + "\n" }.joined() }
}
