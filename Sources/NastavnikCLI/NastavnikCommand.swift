import ArgumentParser
import Foundation
import NastavnikApp
import NastavnikCore
import NastavnikRegion
import NastavnikStore

/// The `nastavnik` command: the executable only calls `runMain()`, so every command is testable.
public struct NastavnikCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nastavnik",
        abstract: "Наставник: планировщик методической поддержки школ с низкими результатами (ШНОР, ШНСУ).",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ImportCommand.self, TemplateCommand.self, SchoolsCommand.self, StaffCommand.self,
            ReportCommand.self, RoadmapCommand.self, TrainingCommand.self, PlansCommand.self, DiagnosticsCommand.self,
            AttestationCommand.self, IndicatorsCommand.self, ObservationsCommand.self, CuratorsCommand.self,
            MentoringCommand.self, SeminarsCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
            AuditCommand.self, SettingsCommand.self, UsersCommand.self, ServeCommand.self,
            RisksCommand.self,
            ProgrammesCommand.self,
            MunicipalityCommand.self, RegionCommand.self,
        ]
    )

    public init() {}

    /// Parses and runs a command line, writing to `Console.current`; returns the exit status.
    public static func runMain(_ arguments: [String]? = nil) async -> Int32 {
        let words = arguments ?? Array(CommandLine.arguments.dropFirst())
        // The audit log keeps the command line: a regional database's address goes into it
        // without its password (issue 22).
        let recorded = (["nastavnik"] + words.map(RegionURL.redacting)).joined(separator: " ")
        return await Invocation.$current.withValue(recorded) {
            await RussianCommandLine.run(NastavnikCommand.self, arguments: words) {
                ($0 as? UserError)?.message ?? ($0 as? AppError)?.message
            }
        }
    }

    /// An error a command did not turn into a `UserError`, as a Russian sentence.
    static func russianDescription(of error: Error) -> String {
        if let text = russianStoreErrorDescription(error) { return text }
        if let text = (error as? LocalizedError)?.errorDescription,
            text.contains(where: { ("а"..."я").contains($0) || ("А"..."Я").contains($0) })
        {
            return text
        }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain {
            let path = (nsError.userInfo[NSFilePathErrorKey] as? String).map { " «\($0)»" } ?? ""
            return "не удалось выполнить операцию с файлом\(path): \(SystemErrorText.russian(error))."
        }
        return "непредвиденная ошибка программы (\(String(reflecting: type(of: error)))): «\(error)»."
    }
}
