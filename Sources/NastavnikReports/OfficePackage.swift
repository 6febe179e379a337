import Foundation
import ZIPFoundation

/// An Office Open XML package (a workbook, a Word document): its XML parts zipped, with the
/// same modification date every time, so that the same content gives the same bytes.
enum OfficePackage {
    enum PackageError: Error { case noData }

    /// The package's bytes: `parts` (path in the archive, XML) deflated in the given order.
    static func zip(_ parts: [(path: String, xml: String)]) throws -> [UInt8] {
        try zip(bytes: parts.map { ($0.path, Array($0.xml.utf8)) })
    }

    /// The package's bytes: `parts` (path in the archive, the part's bytes) deflated in the given order.
    static func zip(bytes parts: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw PackageError.noData }
        return [UInt8](data)
    }

    /// `docProps/core.xml`: the title and the author, «Наставник».
    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(Typography.escape(title))</dc:title><dc:creator>Наставник</dc:creator></cp:coreProperties>
        """
    }
}
