import NastavnikCore
import Testing

@testable import NastavnikStore

/// Every spelling `OccurrenceStatus(userValue:)` accepts, so that sharing the parsing lost none.
@Suite struct OccurrenceStatusTests {
    @Test func spellings() {
        let spellings: [OccurrenceStatus: [String]] = [
            .planned: ["planned", "Planned", "запланировано", "план"],
            .inProgress: ["inProgress", "inprogress", "in-progress", "выполняется", "В работе"],
            .done: ["done", "DONE", "выполнено", "сделано", "готово"],
            .overdue: ["overdue", "просрочено"],
            .cancelled: ["cancelled", "canceled", "отменено", "отмена"],
        ]
        for (status, texts) in spellings {
            for text in texts { #expect(OccurrenceStatus(userValue: text) == status, "\(text)") }
        }
        for text in ["", "started", "отложено"] { #expect(OccurrenceStatus(userValue: text) == nil, "\(text)") }
    }

    /// A user marks any status but «просрочено», which follows from the date (`roadmap mark`, the web form).
    @Test func everyStatusButOverdueIsMarked() {
        #expect(OccurrenceStatus.markable == [.done, .inProgress, .cancelled, .planned])
        #expect(OccurrenceStatus.markable("готово") == .done)
        #expect(OccurrenceStatus.markable("В работе") == .inProgress)
        for text in ["просрочено", "overdue", "", "отложено"] {
            #expect(OccurrenceStatus.markable(text) == nil, "\(text)")
        }
        #expect(
            OccurrenceStatus.unknownMarkStatus("отложено")
                == "Неизвестный статус «отложено»: укажите выполнено, выполняется, отменено или запланировано "
                + "(или done, inProgress, cancelled, planned); просрочка определяется по дате.")
    }
}
