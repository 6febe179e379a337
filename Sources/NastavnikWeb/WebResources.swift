import Foundation

/// Where the web interface's templates, style sheet and script are: the target's resource
/// bundle, found beside the binary wherever it runs (an installed copy included).
enum WebResources {
    static let bundleName = "Nastavnik_NastavnikWeb.resources"

    /// The `Resources` directory, or `nil` when no bundle is beside the binary.
    static let directory: URL? = {
        if let override = ProcessInfo.processInfo.environment["NASTAVNIK_WEB_RESOURCES"] {
            return URL(fileURLWithPath: override)
        }
        let beside = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()]
            .compactMap { $0?.appendingPathComponent(bundleName) }
        // SwiftPM copies the `Resources` directory into the bundle beside the binary. (`Bundle.module`
        // would stop the program when no bundle is there: a missing bundle must be a Russian error.)
        return beside.map { $0.appendingPathComponent("Resources") }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }
    }()
}
