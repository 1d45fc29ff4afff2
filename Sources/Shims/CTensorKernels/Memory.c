// Huge pages for large outputs, as NumPy does for arrays of 4 MB and more: with transparent
// huge pages in `madvise` mode (Debian's default) a fresh 40 MB array otherwise costs ten
// thousand page faults, about half the time of sampling it.
#include "CTensorKernels.h"
#include <stdint.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

void folio_advise_huge_pages(void *p, long bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = 1u << 21;
    if (bytes < (4l << 20)) return;
    uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1), end = ((uintptr_t)p + (uintptr_t)bytes) & ~(huge - 1);
    if (end > start) madvise((void *)start, end - start, MADV_HUGEPAGE);   // advice only: failure is harmless
#endif
}
