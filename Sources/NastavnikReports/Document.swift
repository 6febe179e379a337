import NastavnikCore

/// An administrative document as Russian departments draft them: an order (приказ) or a letter,
/// with the organisation's header, the subject, a preamble, numbered points with lists, a
/// signature block and appendices.
public struct Document: Sendable, Equatable {
    /// One numbered point; `items` are a dash list under it, `subpoints` numbered 1.1, 1.2…
    public struct Point: Sendable, Equatable {
        public var text: String
        public var items: [String]
        public var subpoints: [Point]

        public init(_ text: String, items: [String] = [], subpoints: [Point] = []) {
            self.text = text
            self.items = items
            self.subpoints = subpoints
        }
    }

    public struct Appendix: Sendable, Equatable {
        public var title: String
        public var blocks: [ReportBlock]
    }

    /// Lines of the header, top to bottom (the department, the administration).
    public var organisation: [String]
    /// «ПРИКАЗ», «РАСПОРЯЖЕНИЕ».
    public var kind: String = "ПРИКАЗ"
    public var date: LocalDate?
    public var number: String?
    public var place: String?
    /// «Об утверждении графика курсовой подготовки».
    public var subject: String
    public var preamble: String
    /// The words that end the preamble, «приказываю:».
    public var operative: String = "приказываю:"
    public var points: [Point]
    public var signatoryPosition: String
    public var signatoryName: String
    public var appendices: [Appendix] = []

    /// The header of a municipal education department's order. The municipality's name stands in
    /// the nominative, in quotes after «муниципального образования», as charters write it: its
    /// genitive («Светлореченского муниципального округа») cannot be formed reliably.
    public static func department(municipality: String?) -> [String] {
        [
            "Управление образования",
            municipality.map { "администрации муниципального образования «\($0)»" }
                ?? "администрации муниципального образования",
        ]
    }

    /// An order of the municipal education department: its header, `points` followed by the closing
    /// «Контроль за исполнением приказа оставляю за собой.», the head's signature with a blank for the
    /// name, and one appendix.
    static func departmentOrder(
        municipality: String?, date: LocalDate?, number: String?, subject: String, preamble: String,
        points: [Point], appendix: Appendix
    ) -> Document {
        Document(
            organisation: department(municipality: municipality), date: date, number: number, subject: subject,
            preamble: preamble, points: points + [Point("Контроль за исполнением приказа оставляю за собой.")],
            signatoryPosition: "Начальник управления образования", signatoryName: "________________",
            appendices: [appendix])
    }

    /// «от 01.09.2026 № 214», with blanks to fill in by hand where the date or number is not yet known.
    public var dateLine: (date: String, number: String) {
        (date.map { $0.russian } ?? "«___» ____________ 20___ г.", "№ " + (number ?? "______"))
    }
}
