import ArgumentParser
import Foundation
import Testing

@testable import NastavnikCLI

/// Every command parses: a flag named twice (a command's own and a shared group's) fails
/// ArgumentParser's validation only when that command is parsed.
@Suite struct NastavnikCommandTests {
    static func paths(_ command: any ParsableCommand.Type, prefix: [String] = []) -> [[String]] {
        let subcommands = command.configuration.subcommands
        if subcommands.isEmpty { return [prefix] }
        return subcommands.flatMap { sub in
            paths(sub, prefix: prefix + [sub.configuration.commandName ?? sub._commandName])
        }
    }

    static func all(_ command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { all($0) }
    }

    /// Every command gives its name: ArgumentParser otherwise makes it from the type's name by
    /// reflection, for every command of the tree before any runs (13 ms of each start).
    @Test func everyCommandNamesItself() {
        let unnamed = Self.all(NastavnikCommand.self).filter { $0.configuration.commandName == nil }
        #expect(unnamed.map { String(reflecting: $0) } == [])
    }

    @Test func everyCommandShowsItsHelp() async {
        let all = Self.paths(NastavnikCommand.self)
        #expect(all.count > 50)
        for path in all {
            let result = await run(path + ["--help"])
            #expect(result.status == 0, "\(path.joined(separator: " ")): \(result.err)")
        }
    }
}
