import Foundation
import NastavnikCore
@_spi(StaffBulkLoad) import NastavnikStore

final class StaffRows: RowMapper {
    /// The file's columns, looked up once. A class: a tuple of twelve slots was copied, with
    /// two arrays retained and released per slot, on every one of a million rows.
    private final class Slots {
        let id, name, school, position, subjects, birth, since, experience, category, categoryDate, email, phone,
            postSince, snils: FieldSlot
        init(_ map: ColumnMap) {
            (id, name, school, position) = (map["staff_id"], map["full_name"], map["school_code"], map["position"])
            (subjects, birth, since, experience) = (
                map["subjects"], map["birth_date"], map["teaching_since"], map["experience_years"]
            )
            (category, categoryDate, email, phone) = (map["category"], map["category_date"], map["email"], map["phone"])
            (postSince, snils) = (map["post_since"], map["snils"])
        }
    }

    private lazy var slots = Slots(map)

    private lazy var rawColumns = RawColumns(map)
    // Written on every row, by the importing thread alone: no runtime check of exclusive
    // access (such checks were a good part of that thread's instructions).
    @exclusivity(unchecked) private var key: [UInt8] = []
    /// Titles the classifier does not know, reported once each (at their first line).
    private var reportedTitles: Set<String> = []
    /// The session's classification and the category rule, remembered by the cells' bytes.
    private lazy var positionKinds = ByteMemo { [positions = session.positions] in positions.classify($0) }
    private let categories = ByteMemo { QualificationCategory.cached($0) }
    /// The file's СНИЛС and their stored holders, read at the first row that gives one.
    private var snilsClaims: SNILSClaims?

    private func claims() throws -> SNILSClaims {
        if let snilsClaims { return snilsClaims }
        let made = SNILSClaims(stored: try guarded { try session.storedSNILSHolders() })
        snilsClaims = made
        return made
    }

    /// A warning for a title whose kind was guessed, the first time the file has it.
    private func reportUnknownTitle(_ title: String, kind: PositionKind, line: Int) {
        guard reportedTitles.insert(title).inserted else { return }
        warnings.append(
            ImportIssue(
                line: line, column: map["position"].header,
                message:
                    "должности нет в номенклатуре (постановление Правительства РФ № 225): отнесена к виду «\(kind.russian)»; "
                    + "если неверно — nastavnik staff positions --set \"\(title)\" --kind педагогический|руководящий|прочий (\(title))"
            ))
    }

    /// A row with a personnel number whose every cell reads as it is written: read from its
    /// bytes, checked by the same rules as `handle` (`StaffRowRules`, `Plausibility`, the
    /// session's classifier) and packed for the writer without a `String` per cell. Such a row
    /// is most of a large file; any other row, or a row with a problem, goes to `handle`.
    override func handleRaw(_ raw: RawRecord) throws -> RawHandling {
        let load = session.staffBulkLoad
        guard options.readsRowsAsBytes, load.writesInBackground, let c = rawColumns, raw.count >= c.width else {
            return .fullCheck
        }
        for index in c.width..<raw.count where !raw[index].isEmpty { return .fullCheck }
        guard let id = ByteCell.plain(raw, c.id), !id.isEmpty, !id.contains(UInt8(ascii: "+")),
            ByteCell.startsWithNonBlank(id) || ByteCell.startsWithNonBlank(raw[c.name])
        else { return .fullCheck }
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: "id:".utf8)
        key.append(contentsOf: id)
        // The map of keys is far larger than the cache: its slot loads while the cells are read.
        key.withUnsafeBufferPointer { load.prefetch(key: $0) }
        guard let name = ByteCell.plain(raw, c.name), !name.isEmpty, ByteCell.isSingleSpaced(name),
            let code = ByteCell.plain(raw, c.school), !code.isEmpty, let schoolID = load.schoolID(code: code),
            let position = ByteCell.plain(raw, c.position), !position.isEmpty,
            let subjects = ByteCell.plain(raw, c.subjects),
            let birthCell = ByteCell.plain(raw, c.birth), let sinceCell = ByteCell.plain(raw, c.since),
            let experienceCell = ByteCell.plain(raw, c.experience), let categoryCell = ByteCell.plain(raw, c.category),
            let categoryDateCell = ByteCell.plain(raw, c.categoryDate),
            let postSinceCell = ByteCell.plain(raw, c.postSince), let snilsCell = ByteCell.plain(raw, c.snils),
            let email = ByteCell.plain(raw, c.email), let phone = ByteCell.plain(raw, c.phone)
        else { return .fullCheck }
        func date(_ cell: UnsafeBufferPointer<UInt8>) -> LocalDate?? {
            cell.isEmpty ? .some(nil) : LocalDate(utf8: cell).map { .some($0) }
        }
        guard let birth = date(birthCell), let since = date(sinceCell), let categoryDate = date(categoryDateCell),
            let postSince = date(postSinceCell)
        else { return .fullCheck }
        // The verdicts of `handle`, by the same rules: a row any of them refuses goes to it,
        // which reports the problem.
        if let postSince, StaffRowRules.postSinceProblem(postSince, asOf: options.today) != nil { return .fullCheck }
        if let birth, Plausibility.birthDateProblem(birth, asOf: options.today) != nil { return .fullCheck }
        if let birth, let since, StaffRowRules.teachingStartProblem(since: since, birth: birth) != nil {
            return .fullCheck
        }
        // Only a cell with a `+` may be Excel's exponent (`Plausibility.isExcelExponent`):
        // `handle` decides.
        if phone.contains(UInt8(ascii: "+")) { return .fullCheck }
        var experience: Double?
        if !experienceCell.isEmpty {
            guard let value = ByteCell.number(experienceCell), StaffRowRules.experienceYears.contains(value) else {
                return .fullCheck
            }
            experience = value
        }
        var category: QualificationCategory?
        if !categoryCell.isEmpty {
            guard let known = categories.value(categoryCell) else { return .fullCheck }
            category = known
        }
        var snils: SNILS?
        if !snilsCell.isEmpty {
            // A number that does not read, or that someone else has, is `handle`'s to report.
            guard case .success(let number)? = SNILS.parse(utf8: snilsCell),
                try key.withUnsafeBufferPointer({ try claims().accepts(number, key: $0) })
            else { return .fullCheck }
            snils = number
        }
        let classification = positionKinds.value(position)
        guard classification.known || reportedTitles.contains(String(decoding: position, as: UTF8.self)) else {
            return .fullCheck
        }
        let kind = classification.kind
        let start = StaffRowRules.teachingStart(since: since, experienceYears: experience, asOf: options.today)
        let rejects = options.rejectsPath != nil
        let result: KeyedWrite.Result
        do {
            result = try guarded {
                try key.withUnsafeBufferPointer { key in
                    try load.write(key: key, line: raw.line, fields: { rejects ? raw.fields : [] }) { batch in
                        batch.text(id)
                        batch.text(name)
                        batch.integer(schoolID)
                        batch.text(position)
                        batch.text(kind.rawValue)
                        batch.list(subjects) { ByteCell.listItems(subjects, $0) }
                        batch.date(birth)
                        batch.date(start)
                        batch.real(experience)
                        batch.text(category?.rawValue)
                        batch.date(categoryDate)
                        if email.isEmpty { batch.null() } else { batch.text(email) }
                        if phone.isEmpty { batch.null() } else { batch.text(phone) }
                        batch.date(postSince)
                        batch.text(snils?.formatted)
                    }
                }
            }
        } catch is DatabaseRowError {
            return .fullCheck
        }
        // Recorded once the row is written (it was accepted above).
        func claimed<T>(_ handled: T) throws -> T {
            if let snils { _ = try claims().claim(snils, key: String(decoding: key, as: UTF8.self), line: raw.line) }
            return handled
        }
        switch result {
        case .written(let outcome): return try claimed(.handled(outcome))
        case .pending: return try claimed(.handled(nil))
        // Reported, with the line that had it first, by `handle`.
        case .duplicate: return .fullCheck
        }
    }

    override func handle(_ row: inout RowReader) throws -> UpsertOutcome? {
        let s = slots
        let staffID = row.identifier(s.id)
        let name = row.text(s.name, required: true).map(CellValue.singleSpaced)
        let code = row.text(s.school, required: true)
        let position = row.text(s.position, required: true)
        let birth = row.date(s.birth)
        let since = row.date(s.since)
        let experience = row.number(s.experience, range: StaffRowRules.experienceYears)
        var category: QualificationCategory?
        if let value = row.raw(s.category) {
            category = QualificationCategory.cached(value)
            if category == nil {
                row.error(
                    s.category,
                    "неизвестная категория; допустимы высшая, первая, педагог-методист, педагог-наставник, СЗД, без категории (\(value))"
                )
            }
        }
        let categoryDate = row.date(s.categoryDate)
        if let birth, let problem = Plausibility.birthDateProblem(birth, asOf: options.today) {
            row.error(s.birth, problem)
        }
        // A phone saved by Excel as 7,91234E+10 has lost its digits.
        let phone = row.identifier(s.phone)
        if let birth, let since, let problem = StaffRowRules.teachingStartProblem(since: since, birth: birth) {
            row.error(s.since, problem)
        }
        let postSince = row.date(s.postSince)
        if let postSince, let problem = StaffRowRules.postSinceProblem(postSince, asOf: options.today) {
            row.error(s.postSince, problem)
        }
        let snils = row.snils(s.snils)
        let schoolID = school(code, s.school, row: &row)
        guard let name, let code, let position, let schoolID else { return nil }
        let classification = session.positions.classify(position)
        if !classification.known, row.issues.isEmpty {
            reportUnknownTitle(position, kind: classification.kind, line: row.line)
        }
        // Without a personnel number, the stored person with the row's СНИЛС is the row's
        // person, under the key they were stored with (the name may have changed since); else a
        // person already stored with a number is still the same person by name and birth date.
        var knownID: String?
        var storedKey: String?
        if staffID == nil {
            if let snils, let holder = try claims().holder(snils) {
                if holder.personKey.hasPrefix("id:") {
                    knownID = String(holder.personKey.dropFirst(3))
                } else {
                    storedKey = holder.personKey
                }
            } else {
                knownID = try guarded {
                    try session.storedStaffID(fullName: name, birthDate: birth, schoolID: schoolID)
                }
            }
        }
        let member = StaffMember(
            staffID: staffID ?? knownID, fullName: name, schoolCode: code, position: position,
            subjects: row.list(s.subjects), birthDate: birth,
            teachingSince: StaffRowRules.teachingStart(since: since, experienceYears: experience, asOf: options.today),
            experienceYears: experience, category: category, categoryDate: categoryDate,
            email: row.raw(s.email), phone: phone, postSince: postSince, snils: snils)
        guard row.issues.isEmpty else { return nil }
        let key = storedKey ?? member.personKey
        if let snils, let problem = try claims().claim(snils, key: key, line: row.line) {
            row.error(s.snils, problem)
            return nil
        }
        // The session knows every person written so far, so it also finds repeats in the file.
        switch try guarded({
            try session.writeStaff(
                member, key: key, schoolID: schoolID, line: row.line,
                fields: options.rejectsPath == nil ? [] : row.record.fields)
        }) {
        case .written(let outcome):
            return outcome
        case .pending:
            // Counted when the background writer is done.
            return nil
        case .duplicate(let first):
            row.error(
                staffID != nil ? s.id : s.name,
                "повтор: запись с тем же ключом уже есть в строке \(first) (\(staffID ?? name))")
            return nil
        }
    }
}

extension StaffRows {
    /// Where the columns of a staff row are, for reading rows as bytes (-1: not in the file).
    final class RawColumns {
        let id, name, school, position, subjects, birth, since, experience, category, categoryDate, email, phone,
            postSince, snils: Int
        let width: Int

        /// `nil` when the file repeats a column: `RowReader.raw` then takes the first filled one.
        init?(_ map: ColumnMap) {
            var columns: [Int] = []
            for key in [
                "staff_id", "full_name", "school_code", "position", "subjects", "birth_date", "teaching_since",
                "experience_years", "category", "category_date", "email", "phone", "post_since", "snils",
            ] {
                let slot = map[key]
                guard slot.indices.count <= 1 else { return nil }
                columns.append(slot.indices.first ?? -1)
            }
            (id, name, school, position, subjects, birth) = (
                columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]
            )
            (since, experience, category, categoryDate, email, phone) = (
                columns[6], columns[7], columns[8], columns[9], columns[10], columns[11]
            )
            (postSince, snils) = (columns[12], columns[13])
            width = map.width
        }
    }
}
