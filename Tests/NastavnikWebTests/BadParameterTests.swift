import NastavnikCore
import Testing

/// Every page's refusal of a bad query parameter, as one catalogue (like `RouteCatalog` for the
/// access): a 400 saying, in Russian, the parameter or the whole message.
@Suite struct BadParameterTests {
    /// The addresses a specialist of the department is refused, each with what the refusal must say.
    static let specialist: [(uri: String, message: String)] = [
        // ClassificationRoutes
        ("/classification?years=вчера", "Параметр years: годы «вчера» не распознаны"),
        ("/classification?differences=yes", "Параметр differences"),
        ("/classification?format=pdf", "Параметр format: неизвестный формат «pdf»"),
        // DiagnosticsRoutes
        ("/diagnostics?campaign=99", "Параметр campaign"), ("/diagnostics?school=NOPE", "Параметр school"),
        ("/diagnostics?format=pdf", "Параметр format"),
        ("/diagnostics/dynamics?from=abc", "Параметр from"), ("/diagnostics/dynamics?to=99", "Параметр to"),
        ("/observations?school=NOPE", "Параметр school"),
        // IndicatorRoutes
        ("/indicators?school=NOPE", "Параметр school: школа с кодом «NOPE» не найдена."),
        ("/indicators?date=завтра", "Параметр date: дата «завтра» не распознана"),
        // ReportRoutes
        ("/reports/school", "Параметр code: укажите код школы."),
        ("/reports/school?code=NOPE", "«NOPE» не найдена"),
        ("/reports/municipality?format=pdf", "Параметр format: неизвестный формат «pdf»"),
        ("/reports/municipality?full=2", "Параметр full"),
        // SeminarRoutes
        ("/seminars/coverage?period=когда-то", "Параметр period"),
        ("/seminars/coverage?kind=пикник", "Параметр kind"),
        ("/seminars/plan?topic=x&capacity=0", "Параметр capacity"),
        ("/seminars/plan?topic=x&from=завтра", "Параметр from"),
        ("/seminars/plan?topic=x&from=10.12.2026&to=01.12.2026", "Параметр to"),
        ("/seminars/plan?topic=x&kind=пикник", "Параметр kind"), ("/seminars?format=md", "Параметр format"),
        ("/seminars/1/invitation?format=csv", "Параметр format"),
        // TrainingRoutes
        ("/training?as-of=32.13.2026", "Параметр as-of"), ("/training?school=NOPE", "Параметр school"),
        ("/training?page=9999", "Параметр page"), ("/training?page=x", "Параметр page"),
        ("/training?format=docx", "Параметр format"),
        ("/training/forecast?until=01.01.2020", "Параметр until"),
        ("/training/forecast?until=soon", "Параметр until"),
        ("/training/order?year=abc", "Параметр year"), ("/training/order?group-by=city", "Параметр group-by"),
        ("/training/order?format=csv", "Параметр format"),
        ("/training/order?order-date=вчера", "Параметр order-date"),
        ("/training/attestation?until=31.02.2027", "Параметр until"),
    ]

    @Test func aSpecialistsBadParametersAreNamedInRussian() async throws {
        try await WebClient.expectBadRequests(as: .specialist, Self.specialist)
    }

    /// The addresses a viewer is refused, each with what the refusal must say.
    static let viewer: [(uri: String, message: String)] = [
        // MentoringRoutes
        ("/mentoring?active_on=вчера", "Параметр active_on"),
        ("/mentoring/suggestions?all=да", "Параметр all"),
        ("/mentoring?format=docx", "Параметр format"),
    ]

    @Test func aViewersBadParametersAreNamedInRussian() async throws {
        try await WebClient.expectBadRequests(as: .viewer, Self.viewer)
    }

    /// The addresses the administrator is refused, each with what the refusal must say.
    static let admin: [(uri: String, message: String)] = [
        // AuditRoutes
        ("/audit?table=passwords", "Параметр table: неизвестная таблица «passwords»."),
        ("/audit?from=32.01.2026", "Параметр from: дата «32.01.2026» не распознана"),
        (
            "/audit?from=02.01.2026&to=01.01.2026",
            "Параметр to: дата «01.01.2026» раньше начала периода «02.01.2026»."
        ),
        ("/audit?page=0", "Параметр page: номер страницы «0»"),
    ]

    @Test func theAdministratorsBadFiltersAreNamedInRussian() async throws {
        try await WebClient.expectBadRequests(as: .admin, Self.admin)
    }
}
