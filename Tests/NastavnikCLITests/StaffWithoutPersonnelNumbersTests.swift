import Foundation
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

/// Many municipal staff files have no personnel numbers (the import contract keys such people by
/// name and birth date). The commands that name one person take the full name then, as `staff
/// show` does; the old code answered «не найдено … с табельным номером» to every one of them.
@Suite struct StaffWithoutPersonnelNumbersTests: ImportedDatabaseSuite {
    let sandbox: CLISandbox

    static let files: [(String, String)] = [
        CSVFixture.oneSchool,
        (
            "staff",
            """
            ФИО;Код ОО;Должность;Предметы;Дата рождения;Дата начала педагогической деятельности;Категория
            Молодая Анна Ивановна;S1;учитель;математика;01.01.2001;01.09.2025;
            Опытная Вера Петровна;S1;учитель;математика;01.01.1970;01.09.1992;высшая
            Тёзкина Ольга;S1;учитель;химия;01.01.1980;;
            Тезкина Ольга;S1;учитель;химия;02.02.1982;;

            """
        ),
        (
            "courses",
            """
            Код программы;Наименование программы;Организатор;Объём (часов);Дата начала;Дата окончания;Количество мест
            K1;Формирующее оценивание;ИРО;36;01.02.2027;20.02.2027;10

            """
        ),
    ]

    @Test func enrolCompleteAndMentoringTakeAName() async throws {
        let enrol = await run(["training", "enrol", "молодая анна ивановна", "K1", "--as-of", "01.12.2026", "--db", db])
        #expect(enrol.status == 0, "\(enrol.err)")
        #expect(enrol.out.contains("Молодая Анна Ивановна записан(а)"))
        let assign = await run([
            "mentoring", "assign", "Опытная Вера Петровна", "Молодая Анна Ивановна", "--start", "01.12.2026",
            "--consent", "01.12.2026", "--db", db,
        ])
        #expect(assign.status == 0, "\(assign.err)")
        // A name two people bear (ё folded, as the import folds it) is refused, asking for the number.
        let twins = await run(["training", "enrol", "Тезкина Ольга", "K1", "--as-of", "01.12.2026", "--db", db])
        #expect(
            twins.status == 1 && twins.err.contains("Имя «Тезкина Ольга» носят 2 работников; укажите табельный номер."))
        let nobody = await run([
            "mentoring", "assign", "Никто", "Молодая Анна Ивановна", "--start", "01.12.2026", "--db", db,
        ])
        #expect(nobody.status == 1 && nobody.err.contains("наставник с табельным номером или ФИО «Никто»"))
    }
}
