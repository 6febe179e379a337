#ifndef CALLOCATOR_H
#define CALLOCATOR_H

/// Sets glibc's allocator to keep freed memory for the next allocation instead of returning it
/// to the system: blocks up to `mmap_threshold` bytes from the heap rather than mapped each time,
/// the heap trimmed only past `trim_threshold` and grown `top_pad` bytes at a time. Without
/// effect on other C libraries.
void nastavnik_keep_freed_memory(int mmap_threshold, int trim_threshold, int top_pad);

#endif
