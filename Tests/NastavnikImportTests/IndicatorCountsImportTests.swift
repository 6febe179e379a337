import Foundation
import GRDB
import NastavnikCore
import Testing

@testable import NastavnikImport
@testable import NastavnikStore

/// The counts of results and of the social context (issue #21): read under their Russian
/// headers, each part no more than its whole; files without them still valid.
@Suite struct IndicatorCountsImportTests: ImportingSuite {
    let base: ImportBase

    init() throws {
        base = try ImportBase()
        let s = try importer.summary(
            sandbox.write("s.csv", "Код ОО;Наименование ОО\nS1;Школа 1\nS2;Школа 2\n"), .schools)
        #expect(s.errors == [])
    }

    @Test func resultCountsAreReadAndAnOldFileStaysValid() throws {
        let text = """
            Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Получили «2»;Количество «3»;Кол-во «4»;Получили «5»;Набрали более 70 баллов
            S1;2025;ВПР;математика;5;20;3,6;2;7;8;3;
            S1;2025;ЕГЭ;физика;11;10;61;;;;;4

            """
        let summary = try importer.summary(sandbox.write("r.csv", text), .results)
        #expect(summary.errors == [])
        let rows = try db.indicatorResults()
        #expect(rows.map(\.count2) == [2, nil])
        #expect(rows.map(\.count3) == [7, nil])
        #expect(rows.map(\.count4) == [8, nil])
        #expect(rows.map(\.count5) == [3, nil])
        #expect(rows.map(\.above70) == [nil, 4])
        // A file of the old columns: valid, and the counts it does not have are kept.
        let old =
            "Код ОО;Год;Процедура;Предмет;Класс;Участников;Средний балл;Доля «2»\nS1;2025;ВПР;математика;5;20;3,7;10%\n"
        #expect(try importer.summary(sandbox.write("old.csv", old), .results).errors == [])
        let kept = try db.indicatorResults().first { $0.assessment == "ВПР" }
        #expect(kept?.meanScore == 3.7 && kept?.count2 == 2 && kept?.shareFail == 10)
    }

    @Test func aCountAboveTheParticipantsIsRefusedNamingLineColumnAndValue() throws {
        let text = """
            Код ОО;Год;Процедура;Предмет;Участников;Средний балл;Получили «2»;Получили «5»;Более 70 баллов
            S1;2025;ВПР;математика;20;3,6;25;;
            S1;2025;ВПР;русский язык;20;3,6;12;10;
            S1;2025;ЕГЭ;физика;10;61;;;11
            S2;2025;ВПР;математика;20;3,6;-1;;

            """
        let summary = try importer.summary(sandbox.write("bad.csv", text), .results)
        #expect(summary.errors.map(\.line) == [2, 3, 4, 5])
        #expect(summary.errors[0].column == "Получили «2»")
        #expect(summary.errors[0].message == "больше числа участников 20 (25)")
        #expect(
            summary.errors[1].message.contains("сумма получивших «2», «3», «4», «5» больше числа участников 20 (22)"))
        #expect(summary.errors[2].column == "Более 70 баллов" && summary.errors[2].message.hasSuffix("(11)"))
        #expect(summary.errors[3].message.contains("(-1)"))
        #expect(try db.indicatorResults().isEmpty)
    }

    @Test func socialCountsAreReadAndChecked() throws {
        let header =
            "Код ОО;Год;Численность обучающихся;Обучающихся с ОВЗ и детей-инвалидов;Из них обучаются по адаптированным программам;Оставлены на повторное обучение;Выпускников 9 классов;Получили аттестат об основном общем образовании;Выпускников 11 классов;Получили аттестат о среднем общем образовании"
        let good = header + "\nS1;2025;300;12;10;2;30;28;15;15\n"
        #expect(try importer.summary(sandbox.write("social.csv", good), .social).errors == [])
        let s = try #require(try db.indicatorSocial().first)
        #expect(
            [
                s.pupils, s.ovzPupils, s.ovzAdapted, s.repeaters, s.leavers9, s.certificates9, s.leavers11,
                s.certificates11,
            ]
                == [300, 12, 10, 2, 30, 28, 15, 15])
        let bad = header + "\nS2;2025;100;120;;;;;;\nS2;2024;100;10;11;;30;31;10;11\n"
        let summary = try importer.summary(sandbox.write("social-bad.csv", bad), .social)
        #expect(summary.errors.map(\.line) == [2, 3, 3, 3])
        #expect(summary.errors[0].column == "Обучающихся с ОВЗ и детей-инвалидов")
        #expect(summary.errors[0].message == "больше числа обучающихся 100 (120)")
        #expect(summary.errors[1].message == "больше числа обучающихся с ОВЗ 10 (11)")
        #expect(summary.errors[2].message == "больше числа выпускников 9 классов 30 (31)")
        #expect(summary.errors[3].column == "Получили аттестат о среднем общем образовании")
        // The old columns alone stay valid.
        let old = "Код ОО;Год;Доля обучающихся из семей в ТЖС\nS2;2025;9\n"
        #expect(try importer.summary(sandbox.write("social-old.csv", old), .social).errors == [])
    }
}
