#ifndef COLUMNAR_SHIMS_H
#define COLUMNAR_SHIMS_H

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
/// glibc's mallopt(M_MMAP_THRESHOLD / M_TRIM_THRESHOLD), which Swift's Glibc module does not export.
static inline int columnar_set_malloc_thresholds(int mmap_threshold, int trim_threshold) {
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1 && mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1;
}
#else
static inline int columnar_set_malloc_thresholds(int mmap_threshold, int trim_threshold) {
    (void)mmap_threshold; (void)trim_threshold;
    return 0;
}
#endif

#include <stddef.h>
/// Linux's mremap(MREMAP_MAYMOVE), which Swift cannot call (it is variadic): grows or shrinks an
/// anonymous mapping, moving its pages rather than copying them. Returns NULL on failure or off
/// Linux.
void *columnar_mremap(void *address, size_t old_size, size_t new_size);

/// Asks for the cache line at `address` ahead of a read (a hint; never faults).
static inline void columnar_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
