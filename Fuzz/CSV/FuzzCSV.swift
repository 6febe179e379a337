import NastavnikCore
import NastavnikImport

/// libFuzzer entry: the CSV reader with encoding and delimiter detection, and the header
/// matching that follows it; the same bytes read in small chunks, as a file is read, must give
/// the same records and the same field issues, read one by one or appended to one batch. Built only with NASTAVNIK_FUZZ=1 (see
/// Scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? CSVReader(bytes: bytes) else { return 0 }
    var whole: [CSVRecord] = []
    var wholeError: CSVError?
    do {
        while let record = try reader.next() {
            if whole.isEmpty {
                _ = KindInference.infer(headers: record.fields)
                _ = record.fields.map(ImportKind.normalizeHeader)
            }
            for field in record.fields.prefix(8) {
                _ = CellValue.number(field)
                _ = LocalDate(parsing: field)
                _ = CellValue.list(field)
            }
            whole.append(record)
            if whole.count > 10_000 { return 0 }
        }
    } catch {
        wholeError = error as? CSVError
    }
    // Small chunks, but no more than 256 of them: the seeds are whole demo files.
    let chunkSize = max(4 + Int(bytes.first ?? 0) % 13, size / 256)
    guard
        let chunked = try? CSVReader(
            bytes: bytes, encoding: reader.encoding, delimiter: reader.delimiter,
            chunkSize: chunkSize)
    else { fatalError("chunked reader refused what the whole one read") }
    // Read in batches, as an import reads: records appended to one buffer, a failed one not.
    var batch = RawRecords()
    var streamedError: CSVError?
    do {
        while try chunked.read(into: &batch) {}
    } catch {
        streamedError = error as? CSVError
    }
    let streamed = (0..<batch.count).map { batch.record($0) }
    precondition(streamed == whole && streamedError == wholeError, "chunks of \(chunkSize) read differently")
    precondition(chunked.fieldIssues == reader.fieldIssues, "chunks of \(chunkSize) report different field issues")
    precondition(chunked.sha256 == reader.sha256)
    return 0
}
