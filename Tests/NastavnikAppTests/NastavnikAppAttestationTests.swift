import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

@Suite struct NastavnikAppAttestationTests {
    @Test func listsThoseDueByTheDateInOrder() async throws {
        let staff = """
            Табельный номер;ФИО;Код ОО;Должность;Категория;Дата аттестации;Дата назначения на должность
            K1;Категорийная Анна;A;учитель;высшая;10.03.2022;01.09.2010
            F1;Соответствующий Борис;B;учитель;соответствие занимаемой должности;15.01.2022;01.09.2015
            N1;Новый Виктор;A;учитель;;;01.09.2026
            D1;Директор Галина;A;директор;;;01.09.2000

            """
        let fixture = try AppFixture(staff: staff, diagnostics: nil)
        let list = try await fixture.app.attestationDue(
            until: LocalDate(year: 2027, month: 12, day: 31)!,
            asOf: LocalDate(year: 2026, month: 12, day: 1)!)
        // The fitness attestation of 2022 falls due in January 2027, the category of 2022 expires in March;
        // the newcomer is exempt for two years, the director is not attested by this Порядок.
        #expect(list.lines.map { $0.staff.staffID } == ["F1", "K1"])
        #expect(
            list.lines.map(\.listing.what) == [
                "аттестация на соответствие должности", "истекает срок категории «высшая»",
            ])
        #expect(list.lines.first?.lastAttestation == LocalDate(year: 2022, month: 1, day: 15)!)
    }
}
