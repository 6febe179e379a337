import Foundation
import ZIPFoundation

/// The parts of an Office Open XML package (a workbook, a Word document) a test wrote, read back.
public enum ZIPParts {
    /// Each file of the archive `bytes` by its path, as UTF-8 text.
    public static func read(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }
}
