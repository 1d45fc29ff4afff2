// The CPUs this thread may run on (sched_getaffinity), for Cores' count of available cores.
// In C because glibc declares it only under _GNU_SOURCE, which Swift's Glibc module does not set.
#define _GNU_SOURCE
#include "CTensorKernels.h"

#if defined(__linux__)
#include <sched.h>

int folio_affinity_cpus(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    return CPU_COUNT(&set);
}

#else

int folio_affinity_cpus(void) { return 0; }

#endif
