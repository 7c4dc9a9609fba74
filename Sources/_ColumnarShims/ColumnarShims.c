#define _GNU_SOURCE
#include "ColumnarShims.h"

#if defined(__linux__)
#include <sys/mman.h>

void *columnar_mremap(void *address, size_t old_size, size_t new_size) {
    void *moved = mremap(address, old_size, new_size, MREMAP_MAYMOVE);
    return moved == MAP_FAILED ? 0 : moved;
}
#else
void *columnar_mremap(void *address, size_t old_size, size_t new_size) {
    (void)address; (void)old_size; (void)new_size;
    return 0;
}
#endif
