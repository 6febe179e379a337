import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikStore
import Testing

/// The staff page's use case (issue 19) on files loaded through the importer: a school's account
/// sees its school's staff only, whatever it asks; refusals name what is wrong; an import is on
/// the next page.
@Suite struct NastavnikAppStaffPageTests {
    static let asOf = LocalDate(year: 2026, month: 12, day: 1)!

    func ids(_ page: StaffPage) -> [String] { page.rows.compactMap(\.staffID) }

    @Test func aSchoolAccountNeverSeesAnotherSchoolsStaff() async throws {
        let fixture = try AppFixture()
        let app = fixture.app
        let everyone = try await app.staffPage(query: StaffQuery(), asOf: Self.asOf)
        #expect(everyone.total == 9)
        let own = try await app.staffPage(query: StaffQuery(), asOf: Self.asOf, schoolScope: "A")
        #expect(ids(own) == ["P2", "W1", "W2", "W3"] && own.total == 4)
        // A personnel number, a name and a filter of another school's people find nobody.
        #expect(try await app.staffPage(query: StaffQuery(text: "W4"), asOf: Self.asOf, schoolScope: "A").total == 0)
        #expect(
            ids(try await app.staffPage(query: StaffQuery(text: "учитель"), asOf: Self.asOf, schoolScope: "A"))
                == ["W1", "W2", "W3"])
        #expect(
            ids(
                try await app.staffPage(
                    query: StaffQuery(deficit: "формирующее оценивание", order: .name), asOf: Self.asOf,
                    schoolScope: "B")) == ["W4", "W5"])
        // Asking for another school is refused, not answered with the own school's staff.
        await #expect(throws: AppError.self) {
            try await app.staffPage(query: StaffQuery(schoolCode: "B"), asOf: Self.asOf, schoolScope: "A")
        }
        #expect(
            ids(try await app.staffPage(query: StaffQuery(schoolCode: "A"), asOf: Self.asOf, schoolScope: "A"))
                == ids(own))
    }

    @Test func refusalsNameTheParameterAndTheValue() async throws {
        let fixture = try AppFixture()
        let app = fixture.app
        await #expect(throws: AppError("Школа с кодом «Z9» не найдена.")) {
            try await app.staffPage(query: StaffQuery(schoolCode: "Z9"), asOf: Self.asOf)
        }
        await #expect(throws: AppError("Размер страницы (page-size) должен быть от 1 до 500, указано 900.")) {
            try await app.staffPage(query: StaffQuery(pageSize: 900), asOf: Self.asOf)
        }
        await #expect(throws: AppError("Номер страницы (page) должен быть от 1 до 1000000, указано 0.")) {
            try await app.staffPage(query: StaffQuery(page: 0), asOf: Self.asOf)
        }
    }

    /// The filters through the importer's data, and an import that follows: the next page has it.
    @Test func filtersAndAnImportOnTheNextPage() async throws {
        let fixture = try AppFixture()
        let app = fixture.app
        let deficit = try await app.staffPage(query: StaffQuery(deficit: "Формирующее оценивание"), asOf: Self.asOf)
        #expect(ids(deficit) == ["W1", "W2", "W3", "W4", "W5", "W6", "W7"] && deficit.totalIsExact)
        // Nobody's training is on record: every teacher's term is unknown, so overdue (as `training status`).
        let overdue = try await app.staffPage(query: StaffQuery(overdue: true), asOf: Self.asOf)
        let status = try await app.trainingStatus(asOf: Self.asOf).filter(\.overdue)
        #expect(overdue.total == status.count && ids(overdue) == status.compactMap(\.staffID))
        #expect(
            try await app.staffPage(query: StaffQuery(text: "сильн пёт"), asOf: Self.asOf).rows.map(\.fullName) == [
                "Сильный Пётр"
            ])
        try fixture.load(
            .staff,
            """
            Табельный номер;ФИО;Код ОО;Должность;Категория;Дата рождения;Дата начала педагогической деятельности
            N1;Новикова Ольга;C;учитель;;01.01.2000;01.09.2025

            """)
        let early = try await app.staffPage(query: StaffQuery(earlyCareer: true), asOf: Self.asOf)
        #expect(ids(early) == ["N1"])
        #expect(ids(try await app.staffPage(query: StaffQuery(text: "новикова"), asOf: Self.asOf)) == ["N1"])
    }

    /// With pseudonymisation (a viewer's `--pseudonymize`), names are pseudonyms and a search by
    /// name is refused in Russian.
    @Test func pseudonymisedNamesAreNotSearched() async throws {
        let fixture = try AppFixture()
        _ = try await fixture.app.staffPage(query: StaffQuery(), asOf: Self.asOf)
        let path = fixture.folder.appendingPathComponent("t.sqlite").path
        let hidden = NastavnikApp(database: try NastavnikDatabase(path: path, pseudonymize: true))
        let page = try await hidden.staffPage(query: StaffQuery(schoolCode: "A"), asOf: Self.asOf)
        #expect(page.total == 4 && !page.rows.contains { $0.fullName.contains("Сильный") })
        await #expect(throws: AppError.self) {
            try await hidden.staffPage(query: StaffQuery(text: "Сильный"), asOf: Self.asOf)
        }
    }
}
