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

#endif
