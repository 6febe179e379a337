import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikStore

/// The `nastavnik` command: the executable only calls `runMain()`, so every command is testable.
public struct NastavnikCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "nastavnik",
        abstract: "Наставник: планировщик методической поддержки школ с низкими результатами (ШНОР, ШНСУ).",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ImportCommand.self, TemplateCommand.self, SchoolsCommand.self, StaffCommand.self,
            ReportCommand.self, RoadmapCommand.self, TrainingCommand.self, PlansCommand.self, DiagnosticsCommand.self, AttestationCommand.self, IndicatorsCommand.self, ObservationsCommand.self, CuratorsCommand.self, MentoringCommand.self, SeminarsCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self, AuditCommand.self, SettingsCommand.self,
        ]
    )

    public init() {}

    /// Parses and runs a command line, writing to `Console.current`; returns the exit status.
    public static func runMain(_ arguments: [String]? = nil) -> Int32 {
        let words = arguments ?? Array(CommandLine.arguments.dropFirst())
        return Invocation.$current.withValue((["nastavnik"] + words).joined(separator: " ")) {
            ArgumentNotes.$current.withValue(ArgumentNotes()) { run(arguments) }
        }
    }

    private static func run(_ arguments: [String]?) -> Int32 {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            return report(error)
        }
        do {
            try command.run()
            return 0
        } catch let error as UserError {
            Console.current.err("Ошибка: \(error.message)\n")
            return 1
        } catch let error as ValidationError {
            return report(error)
        } catch let error as ExitCode {
            return report(error)
        } catch let error as CleanExit {
            return report(error)
        } catch {
            // `help` and `--help` after a subcommand arrive here: the help command throws the
            // library's own (internal) request.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return report(error) }
            Console.current.err("Ошибка: \(russianDescription(of: error))\n")
            return 1
        }
    }

    /// The parser's message for a parse error, a help request or a validation error, in Russian,
    /// written to stdout (help) or stderr (errors); the exit status.
    private static func report(_ error: Error) -> Int32 {
        let code = exitCode(for: error)
        let console = Console.current
        let width = RussianParserMessages.screenWidth(capturing: console !== Console.standard)
        let text = RussianParserMessages.translate(message: message(for: error), full: fullMessage(for: error, columns: width), width: width)
        if !text.isEmpty {
            if code == .success { console.out(text + "\n") } else { console.err(text + "\n") }
        }
        return code.rawValue
    }

    /// An error a command did not turn into a `UserError`, as a Russian sentence.
    static func russianDescription(of error: Error) -> String {
        if let text = russianStoreErrorDescription(error) { return text }
        if let text = (error as? LocalizedError)?.errorDescription, text.contains(where: { ("а"..."я").contains($0) || ("А"..."Я").contains($0) }) {
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
