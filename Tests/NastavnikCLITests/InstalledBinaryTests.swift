import Foundation
import Testing

/// `nastavnik demo` from an installed binary: the built program and its seeds bundle copied
/// elsewhere (as README's install does), run from a directory that is not the checkout.
@Suite struct InstalledBinaryTests {
    /// The build's products directory: the one holding the `nastavnik` binary and the seeds bundle.
    static let products: URL? = {
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent(),
            repositoryRoot.appendingPathComponent(".build/debug"),
            repositoryRoot.appendingPathComponent(".build/release"),
        ].compactMap { $0 }
        return candidates.first { dir in
            FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("nastavnik").path)
                && FileManager.default.fileExists(atPath: dir.appendingPathComponent(bundle).path)
        }
    }()
    static let bundle = "Nastavnik_NastavnikSeeds.resources"

    /// Runs `binary` with `arguments` in `directory`, without NASTAVNIK_SEEDS or NASTAVNIK_DB.
    static func launch(_ binary: String, _ arguments: [String], in directory: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NASTAVNIK_SEEDS"] = nil
        environment["NASTAVNIK_DB"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: products != nil, "пропущено: программа nastavnik не собрана (swift build)"))
    func demoRunsFromAnInstalledCopyInAnyDirectory() throws {
        let products = try #require(Self.products)
        let sandbox = try CLISandbox()
        let fm = FileManager.default
        let bin = sandbox.path("opt/bin")
        let elsewhere = sandbox.path("elsewhere")
        try fm.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        // The binary alone: no seeds anywhere near it, a Russian error, not a crash.
        try fm.copyItem(
            at: products.appendingPathComponent("nastavnik"), to: URL(fileURLWithPath: bin + "/nastavnik"))
        let alone = try Self.launch(bin + "/nastavnik", ["demo", "--db", "demo.sqlite"], in: elsewhere)
        #expect(alone.0 == 1, "\(alone.1)")
        #expect(alone.1.contains("Не найден каталог Seeds"))
        // With its bundle beside it, the demo loads from anywhere.
        try fm.copyItem(
            at: products.appendingPathComponent(Self.bundle), to: URL(fileURLWithPath: bin + "/" + Self.bundle))
        let installed = try Self.launch(
            bin + "/nastavnik", ["demo", "--db", "demo.sqlite", "--as-of", "22.11.2026"], in: elsewhere)
        #expect(installed.0 == 0, "\(installed.1)")
        #expect(installed.1.contains("Демонстрационная база создана"))
        #expect(fm.fileExists(atPath: elsewhere + "/demo.sqlite"))
        #expect(!fm.fileExists(atPath: elsewhere + "/Seeds"))
    }
}
