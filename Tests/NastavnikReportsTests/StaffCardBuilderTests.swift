import NastavnikCore
import Testing

@testable import NastavnikReports
@testable import NastavnikStore

@Suite struct StaffCardBuilderTests {
    let date = LocalDate(year: 2026, month: 12, day: 1)!

    func view(trainings: [TrainingLine] = [], diagnostics: [DiagnosticLine] = []) -> StaffCardView {
        let member = StaffMember(
            staffID: "SV-0001", fullName: "Иванова Анна Петровна", schoolCode: "SV001", position: "учитель",
            subjects: ["математика"], birthDate: LocalDate(year: 1990, month: 5, day: 1))
        let card = StaffCard(
            member: member, positionKind: .pedagogical, earlyCareerRule: EarlyCareerRule(), schoolName: "Школа № 1",
            trainings: trainings, diagnostics: diagnostics, mentors: [], mentees: [])
        return StaffCardView(
            card: card, asOf: date, rule: TrainingRule(), lastCountingTraining: nil, compliant: false, dueBy: nil,
            earlyCareer: false)
    }

    @Test func fieldsNameTheWorkerAndTheRuleInForce() {
        let card = StaffCardBuilder(view: view(), pseudonymize: false).card()
        #expect(card.title == "Карточка работника")
        #expect(card.fields.map(\.0).prefix(3) == ["staff_id", "full_name", "school_code"])
        #expect(card.fields[1].2 == .text("Иванова Анна Петровна"))
        #expect(card.fields.contains { $0.0 == "birth_date" })
        #expect(card.fields.contains { $0.1 == "Окончание последних КПК (от 16 ч)" })
        #expect(card.more.map(\.0) == ["trainings", "diagnostics"])
    }

    @Test func aPseudonymizedCardShowsAnAgeBandNotTheBirthDate() {
        let fields = StaffCardBuilder(view: view(), pseudonymize: true).fields()
        #expect(fields.contains { $0.0 == "age_band" })
        #expect(!fields.contains { $0.0 == "birth_date" })
    }

    @Test func trainingsAndDiagnosticsTables() {
        let training = TrainingLine(
            courseCode: "K-1", title: "Функциональная грамотность", provider: "ИРО", hours: 36,
            start: LocalDate(year: 2026, month: 3, day: 1), end: LocalDate(year: 2026, month: 3, day: 20),
            status: .completed, certificate: nil, external: true)
        let diagnostic = DiagnosticLine(
            date: date, instrument: "ЕФС", scores: [.subject: 72.5], deficits: ["оценивание"])
        let builder = StaffCardBuilder(
            view: view(trainings: [training], diagnostics: [diagnostic]), pseudonymize: false)
        let trainings = builder.trainings()
        #expect(trainings.columns.map(\.key).first == "course_code")
        #expect(trainings.rows[0][1].display == "Функциональная грамотность (вне каталога)")
        let diagnostics = builder.diagnostics()
        #expect(diagnostics.columns.count == 7)
        #expect(diagnostics.rows[0].count == 7)
        #expect(diagnostics.rows[0][3] == .empty)
        let empty = StaffCardBuilder(view: view(), pseudonymize: false)
        #expect(empty.trainings().emptyMessage == "Сведений о повышении квалификации нет.")
        #expect(empty.diagnostics().emptyMessage == "Диагностику не проходил(а).")
    }
}
