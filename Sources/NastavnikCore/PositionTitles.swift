import Foundation

/// The built-in reading of position titles.
public enum PositionTitles {
    /// The form titles are compared in: folded (`CellValue.fold`), dashes unified and without
    /// spaces around them, dots followed by a space («зам.директора» → «зам. директора»).
    public static func key(_ title: String) -> String {
        var s = CellValue.fold(title)
        for dash in ["‐", "‑", "‒", "–", "—", "−"] where s.contains(dash) {
            s = s.replacingOccurrences(of: dash, with: "-")
        }
        if s.contains("-") {
            while s.contains(" -") { s = s.replacingOccurrences(of: " -", with: "-") }
            while s.contains("- ") { s = s.replacingOccurrences(of: "- ", with: "-") }
        }
        if s.contains(".") {
            s = s.replacingOccurrences(of: ".", with: ". ")
            while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
            s = s.trimmingCharacters(in: .whitespaces)
        }
        return s
    }

    // Раздел I of the номенклатура (постановление Правительства РФ от 21.02.2022 № 225) and the
    // usual shortenings of its titles. Compared as prefixes of the title without «старший».
    static let pedagogicalPrefixes = [
        "учитель", "преподаватель", "педагог", "социальный педагог", "воспитатель", "тьютор",
        "советник директора по воспитанию", "советник руководителя по воспитанию", "советник по воспитанию",
        "вожатый", "вожатая", "методист", "инструктор по физической культуре", "инструктор по труду",
        "инструктор-методист",
        "музыкальный руководитель", "концертмейстер", "тренер-преподаватель", "мастер производственного обучения",
        "руководитель физического воспитания", "логопед", "дефектолог", "олигофренопедагог", "сурдопедагог",
        "тифлопедагог",
    ]

    // Posts outside раздел I and II: support and technical staff. «Хоз» (завхоз, заведующий
    // хозяйством, заместитель директора по АХЧ/АХР, по хозяйственной части) is tested apart.
    static let otherPrefixes = [
        "бухгалтер", "главный бухгалтер", "экономист", "лаборант", "секретарь", "делопроизводитель", "документовед",
        "специалист по кадрам", "инспектор по кадрам", "специалист по охране труда", "специалист по закупкам",
        "контрактный управляющий", "юрисконсульт", "библиотекарь", "заведующий библиотекой", "заведующая библиотекой",
        "инженер", "техник", "программист", "системный администратор", "электроник", "медицинская сестра", "медсестра",
        "врач", "фельдшер", "повар", "кухонный рабочий", "рабочий", "уборщ", "сторож", "вахтер", "гардеробщ", "дворник",
        "водитель", "кладовщик", "кастелянш", "электромонтер", "плотник", "слесарь", "оператор", "механик", "диспетчер",
        "охранник", "помощник воспитателя", "младший воспитатель", "специалист", "администратор", "кассир",
        "архивариус",
    ]

    // Раздел II: heads of an organisation, of a branch or a structural unit, and their deputies.
    static let leadingExact: Set<String> = [
        "директор", "руководитель", "заведующий", "заведующая", "начальник", "завуч",
        "заместитель директора", "заместитель руководителя", "заместитель заведующего",
        "заместитель заведующей", "заместитель", "зам. директора", "замдиректора", "зам директора",
        // After «и. о.»: the genitive.
        "директора", "заведующего", "заведующей", "руководителя",
    ]
    static let leadingPrefixes = [
        "директор ", "директор-", "заместитель директора ", "заместитель руководителя ", "заместитель заведующ",
        "зам. директора ", "замдиректора ", "зам директора ", "заведующий учебной частью", "заведующая учебной частью",
        "руководитель структурного", "руководитель филиала", "руководитель обособленного", "заведующий филиал",
        "заведующая филиал",
        "заведующий структурн", "заведующая структурн", "заведующий отделени", "заведующая отделени",
        "заведующий дошкольн", "заведующая дошкольн", "заведующий детск", "заведующая детск",
        "начальник структурн", "начальник филиал", "начальник отдела",
    ]

    /// The kind of a title and whether the lists above name it; an unknown title gets a guess
    /// from the words it has (a pedagogue's, a head's, or else other).
    public static func classify(_ title: String) -> PositionClassification {
        var s = key(title)
        for prefix in ["и. о. ", "исполняющий обязанности ", "исполняющая обязанности ", "врио "]
        where s.hasPrefix(prefix) {
            s.removeFirst(prefix.count)
        }
        // «старший методист», «старший вожатый», «старший воспитатель»… are the same kind.
        for prefix in ["старший ", "старшая "] where s.hasPrefix(prefix) && s.count > prefix.count {
            s.removeFirst(prefix.count)
        }
        if s.isEmpty { return PositionClassification(kind: .other, known: false) }
        // «Советник директора по воспитанию» and «музыкальный руководитель» name a head's
        // title but are pedagogical posts: the pedagogical list is read first.
        if pedagogicalPrefixes.contains(where: { s.hasPrefix($0) }) && !s.contains("хоз") {
            return PositionClassification(kind: .pedagogical, known: true)
        }
        // Administrative and economic work is not the school's management (issue #16).
        let words = s.split(whereSeparator: { !$0.isLetter })
        if s.contains("хоз") || words.contains("ахч") || words.contains("ахр") || words.contains("ахд") {
            return PositionClassification(kind: .other, known: true)
        }
        if leadingExact.contains(s) || leadingPrefixes.contains(where: { s.hasPrefix($0) }) {
            return PositionClassification(kind: .leading, known: true)
        }
        if otherPrefixes.contains(where: { s.hasPrefix($0) }) {
            return PositionClassification(kind: .other, known: true)
        }
        if ["педагог", "учител", "преподава", "воспитат", "методист", "тренер", "логопед"].contains(where: {
            s.contains($0)
        }) {
            return PositionClassification(kind: .pedagogical, known: false)
        }
        if ["директор", "заместитель", "руководител", "начальник"].contains(where: { s.contains($0) }) {
            return PositionClassification(kind: .leading, known: false)
        }
        return PositionClassification(kind: .other, known: false)
    }
}
