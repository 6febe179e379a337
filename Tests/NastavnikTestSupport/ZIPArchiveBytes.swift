import Foundation
import ZIPFoundation

/// A ZIP archive made in memory by ZIPFoundation, for tests that need a real one (a Word
/// document's or a workbook's package, or an archive that is neither).
public enum ZIPArchiveBytes {
    /// An archive of `entries` (path → contents), in the order given, deflated.
    public static func make(_ entries: [(path: String, text: String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.text.utf8)
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }
}
