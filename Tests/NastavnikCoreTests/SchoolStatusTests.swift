import Testing

@testable import NastavnikCore

@Suite struct SchoolStatusTests {
    @Test(arguments: [
        ("НОР", SchoolStatus.lowResults), ("ШНОР", .lowResults), ("ЗПР — зона повышенного риска", .highRisk),
        ("ЗУР", .moderateRisk), ("зур — зона умеренного риска", .moderateRisk), ("ШНСУ", .adverseSocial),
        ("эффективная", .effective), ("Эффективная", .effective), ("lowResults", .lowResults),
    ])
    func readsStatuses(text: String, status: SchoolStatus) {
        #expect(SchoolStatus(russian: text) == status)
    }

    @Test func unknownStatus() {
        #expect(SchoolStatus(russian: "отличная") == nil)
    }
}
