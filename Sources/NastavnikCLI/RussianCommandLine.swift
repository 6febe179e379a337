import ArgumentParser
import Foundation

/// Runs another executable's root command with the same Russian parser texts as `nastavnik`
/// (help, usage and errors), so a tool beside the product speaks as the product does.
public enum RussianCommandLine {
    /// Parses and runs `Command` on `arguments` (the process's by default); an error the command
    /// throws is printed as «Ошибка: …» with `describe`'s Russian text (or the generic one).
    /// Returns the exit status.
    public static func run<Command: ParsableCommand>(
        _: Command.Type, arguments: [String]? = nil,
        describe: (Error) -> String? = { _ in nil }
    ) async -> Int32 {
        await ArgumentNotes.$current.withValue(ArgumentNotes()) {
            var command: ParsableCommand
            do {
                command = try Command.parseAsRoot(arguments)
            } catch {
                return report(Command.self, error)
            }
            do {
                // An asynchronous command awaits its use case; a synchronous one runs as is.
                if var command = command as? AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                if error is ValidationError || error is ExitCode || error is CleanExit
                    || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
                {
                    return report(Command.self, error)
                }
                let text = describe(error) ?? NastavnikCommand.russianDescription(of: error)
                Console.current.err("Ошибка: \(text)\n")
                return 1
            }
        }
    }

    private static func report<Command: ParsableCommand>(_: Command.Type, _ error: Error) -> Int32 {
        let code = Command.exitCode(for: error)
        let console = Console.current
        let width = RussianParserMessages.screenWidth(capturing: console !== Console.standard)
        let text = RussianParserMessages.translate(
            message: Command.message(for: error),
            full: Command.fullMessage(for: error, columns: width), width: width)
        if !text.isEmpty {
            if code == .success { console.out(text + "\n") } else { console.err(text + "\n") }
        }
        return code.rawValue
    }
}
