import CDeflate
import Dispatch
import Foundation

/// An Office Open XML package (a workbook, a Word document): its XML parts deflated into a ZIP
/// archive (PKWARE's APPNOTE.TXT 6.3.10, the subset ECMA-376 Part 2 §8 requires), with the same
/// modification date every time, so that the same content gives the same bytes.
///
/// A region's order is a part of hundreds of megabytes of XML: a large part is deflated as
/// blocks of `blockSize` on every core, each block primed with the 32 KiB before it and ended on
/// a byte boundary, and the blocks joined into one deflate stream (as pigz does). The blocks do
/// not depend on the number of cores, so neither do the bytes.
enum OfficePackage {
    /// A package that cannot be written; its description is for the user.
    struct PackageError: Error, CustomStringConvertible {
        var description: String
    }

    /// The input of one deflate block: 1 MiB, a judgement (enough work per block to keep the
    /// cores busy; a part smaller than this is one block, deflated as zlib alone would).
    static let blockSize = 1 << 20
    /// The window of deflate: each block is primed with this much of the input before it.
    static let window = 32 * 1024
    /// zlib's default level (6), for parts up to `largePart`: Excel's and Word's own files are
    /// about this size.
    static let level: Int32 = -1
    /// A part larger than this is deflated at `largePartLevel`: a judgement. The bench region's
    /// order (a 218 MB worksheet) deflates at level 6 in 2.71 s to 13.1 MB, at level 3 in 0.93 s to
    /// 15.7 MB (one core, BENCHMARKS.md «Session 17»): a fifth larger, three times sooner.
    static let largePart = 16 << 20
    static let largePartLevel: Int32 = 3
    /// 2026-01-01 00:00 as the MS-DOS date and time of a ZIP entry.
    static let dosDate: UInt16 = (2026 - 1980) << 9 | 1 << 5 | 1
    static let dosTime: UInt16 = 0

    /// The package's bytes: `parts` (path in the archive, XML) deflated in the given order.
    static func zip(_ parts: [(path: String, xml: String)]) throws -> [UInt8] {
        try zip(bytes: parts.map { ($0.path, Array($0.xml.utf8)) })
    }

    /// The package's bytes: `parts` (path in the archive, the part's bytes) deflated in the given order.
    static func zip(bytes parts: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (path, bytes) in parts {
            // The classic format's sizes and offsets are 32-bit; no report comes near (ZIP64 is not written).
            guard bytes.count < Int(Int32.max) else {
                throw PackageError(description: "Часть «\(path)» документа больше 2 ГБ: такой файл не записать.")
            }
            let (deflated, crc) = try deflate(bytes)
            guard out.count + deflated.count < Int(Int32.max) else {
                throw PackageError(description: "Документ больше 2 ГБ: такой файл не записать.")
            }
            let name = Array(path.utf8)
            let offset = out.count
            // The local file header (APPNOTE 4.3.7): version 2.0, no flags, deflated.
            out.le32(0x0403_4b50)
            out.entryFields(crc: crc, compressed: deflated.count, size: bytes.count, name: name)
            out.le16(0)  // no extra field
            out.append(contentsOf: name)
            out.append(contentsOf: deflated)
            // Its central directory record (APPNOTE 4.3.12).
            central.le32(0x0201_4b50)
            central.le16(20)  // made by: version 2.0, MS-DOS attributes
            central.entryFields(crc: crc, compressed: deflated.count, size: bytes.count, name: name)
            central.le16(0)  // no extra field
            central.le16(0)  // no comment
            central.le16(0)  // disk 0
            central.le16(0)  // internal attributes
            central.le32(0)  // external attributes
            central.le32(UInt32(offset))
            central.append(contentsOf: name)
        }
        let centralOffset = out.count
        out.append(contentsOf: central)
        // The end of central directory record (APPNOTE 4.3.16).
        out.le32(0x0605_4b50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(parts.count))
        out.le16(UInt16(parts.count))
        out.le32(UInt32(central.count))
        out.le32(UInt32(centralOffset))
        out.le16(0)
        return out
    }

    /// `bytes` as one raw deflate stream, and their CRC-32: the blocks deflated concurrently.
    static func deflate(_ bytes: [UInt8]) throws -> (deflated: [UInt8], crc: UInt32) {
        let count = max(1, (bytes.count + blockSize - 1) / blockSize)
        let level = bytes.count > largePart ? largePartLevel : Self.level
        var blocks = [[UInt8]](repeating: [], count: count)
        var crcs = [UInt32](repeating: 0, count: count)
        bytes.withUnsafeBufferPointer { input in
            blocks.withUnsafeMutableBufferPointer { blockOutputs in
                crcs.withUnsafeMutableBufferPointer { blockCRCs in
                    // Each iteration reads the input and writes only its own block's slots.
                    nonisolated(unsafe) let outputs = blockOutputs
                    nonisolated(unsafe) let sums = blockCRCs
                    nonisolated(unsafe) let base = input.baseAddress
                    DispatchQueue.concurrentPerform(iterations: count) { i in
                        let start = i * blockSize
                        let length = min(blockSize, bytes.count - start)
                        let primer = min(window, start)
                        var block = [UInt8](repeating: 0, count: nastavnik_deflate_bound(length))
                        let written = block.withUnsafeMutableBufferPointer { output in
                            nastavnik_deflate_block(
                                base.map { $0 + start - primer }, primer, base.map { $0 + start }, length,
                                i == count - 1 ? 1 : 0, level, output.baseAddress, output.count)
                        }
                        // A failed block stays empty: not even an empty input deflates to nothing.
                        guard written > 0 else { return }
                        block.removeSubrange(written...)
                        outputs[i] = block
                        sums[i] = nastavnik_crc32(0, base.map { $0 + start }, length)
                    }
                }
            }
        }
        guard !blocks.contains(where: \.isEmpty) else {
            throw PackageError(description: "Не удалось сжать документ (zlib).")
        }
        var crc = crcs[0]
        for i in 1..<count {
            crc = nastavnik_crc32_combine(crc, crcs[i], Int64(min(blockSize, bytes.count - i * blockSize)))
        }
        var deflated: [UInt8] = []
        deflated.reserveCapacity(blocks.reduce(0) { $0 + $1.count })
        for block in blocks { deflated.append(contentsOf: block) }
        return (deflated, crc)
    }

    /// `docProps/core.xml`: the title and the author, «Наставник».
    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(Typography.escape(title))</dc:title><dc:creator>Наставник</dc:creator></cp:coreProperties>
        """
    }
}

extension [UInt8] {
    /// Appends a 16-bit little-endian number, as the ZIP format stores them.
    fileprivate mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func le32(_ value: UInt32) {
        le16(UInt16(value & 0xFFFF))
        le16(UInt16(value >> 16))
    }

    /// The fields a local header and a central directory record share, from «version needed»
    /// to the name's length (APPNOTE 4.4.3–4.4.10).
    fileprivate mutating func entryFields(crc: UInt32, compressed: Int, size: Int, name: [UInt8]) {
        le16(20)  // version needed to extract: 2.0 (deflate)
        le16(0)  // flags
        le16(8)  // deflated
        le16(OfficePackage.dosTime)
        le16(OfficePackage.dosDate)
        le32(crc)
        le32(UInt32(compressed))
        le32(UInt32(size))
        le16(UInt16(name.count))
    }
}
