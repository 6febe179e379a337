import Foundation

/// A new directory under the system's temporary one for one test's files, removed with the object.
/// Shared by the test targets that write input files of their own.
public final class ScratchDirectory {
    /// The directory itself.
    public let url: URL

    /// Makes `<temporary directory>/<prefix>-<UUID>`.
    public init(prefix: String = "nastavnik-tests") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of the file `name` in the directory.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `bytes` to the file `name` and returns its path.
    @discardableResult
    public func writeBytes(_ name: String, _ bytes: [UInt8]) -> String {
        _ = FileManager.default.createFile(atPath: path(name), contents: Data(bytes))
        return path(name)
    }

    /// Writes `text` in UTF-8 to the file `name` and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String { writeBytes(name, Array(text.utf8)) }
}
