#include "CAllocator.h"

// Any header of the C library defines __GLIBC__ under glibc.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void nastavnik_keep_freed_memory(int mmap_threshold, int trim_threshold, int top_pad) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
    mallopt(M_TOP_PAD, top_pad);
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    (void)top_pad;
#endif
}
