import ArgumentParser
import Foundation

/// The `nastavnik` command: the executable only calls `runMain()`, so every command is testable.
public struct NastavnikCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nastavnik",
        abstract: "Наставник: планировщик методической поддержки школ с низкими результатами (ШНОР, ШНСУ).",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ImportCommand.self, TemplateCommand.self, SchoolsCommand.self, StaffCommand.self,
            ReportCommand.self, RoadmapCommand.self, TrainingCommand.self, PlansCommand.self, DiagnosticsCommand.self, AttestationCommand.self, IndicatorsCommand.self, ObservationsCommand.self, CuratorsCommand.self, MentoringCommand.self, SeminarsCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self, AuditCommand.self, SettingsCommand.self, BenchAssignmentCommand.self,
        ]
    )

    public init() {}

    /// Parses and runs a command line, writing to `Console.current`; returns the exit status.
    public static func runMain(_ arguments: [String]? = nil) -> Int32 {
        let words = arguments ?? Array(CommandLine.arguments.dropFirst())
        return Invocation.$current.withValue((["nastavnik"] + words).joined(separator: " ")) { run(arguments) }
    }

    private static func run(_ arguments: [String]?) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as UserError {
            Console.current.err("Ошибка: \(error.message)\n")
            return 1
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            // The parser's own words, for a Russian user.
            if message.hasPrefix("Error: ") { message = "Ошибка: " + message.dropFirst("Error: ".count) }
            message = message.replacingOccurrences(of: "\nUsage: ", with: "\nИспользование: ")
                .replacingOccurrences(of: "See 'nastavnik", with: "Справка: 'nastavnik")
            if !message.isEmpty {
                if code == .success { Console.current.out(message + "\n") } else { Console.current.err(message + "\n") }
            }
            return code.rawValue
        }
    }
}
