import CAllocator

/// glibc's allocator set for a command that makes and drops many large buffers on several threads
/// and then ends (a region's push): freed memory is kept for the next buffer instead of being
/// returned to the system and asked for again, page by page (the executable's fixed 128 KiB
/// threshold, set for imports' peak memory, is raised for it). A full-size municipality's push
/// spent 0.18 s of system time on that (7,000 `mprotect` calls), 0.08 s with this, and 0.93 s of
/// wall time against 0.83 s (BENCHMARKS.md, session 20).
enum AllocatorTuning {
    static func keepFreedMemory() {
        // Blocks up to 32 MiB (glibc's largest threshold) from the heap; the heap trimmed past
        // 1 GiB, grown 64 MiB at a time.
        nastavnik_keep_freed_memory(32 << 20, 1 << 30, 64 << 20)
    }
}
