import Foundation
import NastavnikCLI

#if canImport(Glibc)
    // glibc raises its mmap threshold as large blocks are freed, and then keeps later large blocks
    // on the heap after they are freed, which raised a large import's peak memory (BENCHMARKS.md,
    // the mmap threshold row of the staff import table). A fixed threshold gives them back. A process-wide setting, so it is the process's.
    @_silgen_name("mallopt") private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
    private let glibcMmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD, <malloc.h> is not in Glibc's module
    _ = glibcMallopt(glibcMmapThreshold, 128 * 1024)
#endif

exit(await NastavnikCommand.runMain())
