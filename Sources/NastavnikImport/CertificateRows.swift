import NastavnikCore
import NastavnikStore

/// Rows of the ФИС ФРДО register of ДПО certificates (kind `frdo`): each certificate is a
/// completed training of the person it was issued to, recorded as `training complete` records
/// one (the 3-year rule counts it, the plan items for the course close).
final class CertificateRows: RowMapper {
    /// The provider of a course the register brings into the catalogue: the template does not
    /// name the organisation that issued it. The hours are part of it, so that a programme of
    /// the same title and other hours is another course.
    static func provider(hours: Double) -> String { "не указан (ФИС ФРДО, \(Setting.format(hours)) ч)" }

    /// «Дубликат» certificates, checked when the whole file is read: the original (earlier or
    /// later in the file, or stored) is what counts; a duplicate never adds a training.
    private var duplicates: [(line: Int, staffRowID: Int64, courseID: Int64?, display: String)] = []

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let series = row.identifier(map["series"])
        let number = row.identifier(map["number"])
        if number == nil, row.raw(map["number"]) == nil {
            row.error(map["number"], "обязательное значение не заполнено")
        }
        let issued = row.date(map["issued"], required: true)
        let title = row.text(map["program_title"], required: true)
        let hours = row.number(map["hours"], required: true, range: 1...10_000)
        let surname = row.text(map["surname"], required: true)
        let givenName = row.text(map["given_name"], required: true)
        let patronymic = row.raw(map["patronymic"])
        let birth = row.date(map["birth_date"])
        let snils = row.snils(map["snils"])
        if let issued, issued > options.today {
            row.error(map["issued"], "дата выдачи в будущем (\(issued.russian))")
        }
        let isDuplicate = row.raw(map["document_status"]).map { CellValue.fold($0) == "дубликат" } ?? false
        guard let number, let issued, let title, let hours, let surname, let givenName else { return nil }
        let fullName = CellValue.singleSpaced(
            [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " "))
        guard let person = try recipient(snils: snils, fullName: fullName, birth: birth, row: &row) else { return nil }
        let certificate = [series, number].compactMap { $0 }.joined(separator: " ")
        guard claim(certificate, display: certificate, row: &row, slot: map["number"]), row.issues.isEmpty else {
            return nil
        }
        if isDuplicate {
            // The programme is looked up, not added: a duplicate brings no course of its own.
            let courseID = try guarded { try session.courseID(title: title, hours: hours) }
            duplicates.append((row.line, person, courseID, "\(fullName), «\(title)»"))
            return .unchanged
        }
        return try guarded {
            let courseID = try session.course(title: title, hours: hours, provider: Self.provider(hours: hours))
            return try session.recordCertificate(
                staffRowID: person, courseID: courseID, certificate: certificate, issued: issued)
        }
    }

    /// The staff member a certificate was issued to: by СНИЛС, else by full name and birth date.
    private func recipient(snils: SNILS?, fullName: String, birth: LocalDate?, row: inout RowReader) throws
        -> Int64?
    {
        if let snils, let id = try guarded({ try session.staffRowID(snils: snils) }) { return id }
        let slot = map["surname"]
        guard let birth else {
            let why = snils.map { "нет работника со СНИЛС \($0.formatted), а" } ?? "нет СНИЛС, а"
            row.error(slot, "получатель не найден: \(why) без даты рождения работника по ФИО не найти (\(fullName))")
            return nil
        }
        let found = try guarded { try session.staffRowIDs(fullName: fullName, birthDate: birth) }
        switch found.count {
        case 1: return found[0]
        case 0:
            let bySNILS = snils.map { "со СНИЛС \($0.formatted) и " } ?? ""
            row.error(
                slot,
                "получатель не найден среди работников: нет работника \(bySNILS)с ФИО и датой рождения \(birth.russian) (\(fullName))"
            )
        default:
            row.error(
                slot,
                "получателя не различить: \(found.count) работника с ФИО и датой рождения \(birth.russian); укажите СНИЛС (\(fullName))"
            )
        }
        return nil
    }

    /// A duplicate whose original is nowhere (neither stored nor in the file) is not counted:
    /// the register's original certificate, when imported, is.
    override func finish() throws -> [(UpsertOutcome, Int)] {
        for duplicate in duplicates {
            let counted = try duplicate.courseID.map { courseID in
                try guarded { try session.hasCompletedTraining(staffRowID: duplicate.staffRowID, courseID: courseID) }
            }
            if counted != true {
                warnings.append(
                    ImportIssue(
                        line: duplicate.line, column: map["document_status"].header,
                        message:
                            "дубликат удостоверения не учтён: оригинала (обучения по этой программе) нет ни в базе, ни в файле; загрузите строку оригинала (\(duplicate.display))"
                    ))
            }
        }
        return []
    }
}
