import Testing

@testable import NastavnikCore

@Suite struct RussianPluralTests {
    @Test(arguments: [
        (0, "0 ошибок"), (1, "1 ошибка"), (2, "2 ошибки"), (4, "4 ошибки"), (5, "5 ошибок"),
        (11, "11 ошибок"), (12, "12 ошибок"), (14, "14 ошибок"), (21, "21 ошибка"), (22, "22 ошибки"),
        (25, "25 ошибок"), (101, "101 ошибка"), (111, "111 ошибок"), (1_000_003, "1000003 ошибки"),
    ])
    func agreesWithTheNumber(n: Int, text: String) {
        #expect(RussianPlural.count(n, "ошибка", "ошибки", "ошибок") == text)
    }
}
