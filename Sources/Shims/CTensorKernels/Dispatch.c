#include "Dispatch.h"
#include <stdlib.h>
#include <string.h>

int folio_isa_level(void) {
    static int cached = -1;
    if (cached < 0) {
        int lvl = 0;
#if defined(__x86_64__)
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) lvl = 2;
        if (lvl == 2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl")) lvl = 3;
#endif
        const char *cap = getenv("FOLIO_TENSOR_ISA");
        if (cap && strcmp(cap, "avx2") == 0 && lvl > 2) lvl = 2;
        if (cap && strcmp(cap, "baseline") == 0) lvl = 0;
        cached = lvl;   // a benign race: every thread computes the same value
    }
    return cached;
}
