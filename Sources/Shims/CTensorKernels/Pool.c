// A tiny thread pool for kernels whose whole run takes microseconds (a 64³ product: 1–2 µs),
// where handing work to a sleeping thread (Dispatch, a condition variable: 5–50 µs on this
// VM) costs more than the work. Workers spin on a generation counter for a while after each
// job, the way OpenBLAS's threads do, then sleep on a futex. One job runs at a time; a caller
// that finds the pool busy (another thread's job, or a job started from inside a task) runs its
// tasks inline, so nesting never deadlocks. Hand-written because nothing in our registries
// offers a spinning pool for C (OpenMP would bring a second runtime beside Dispatch).
#include "CTensorKernels.h"
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__linux__)
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

// 63 helpers and the caller: Cores.maximum threads.
enum { MaxWorkers = 63 };

// `claim` packs the job's generation (high 32 bits) with the next task index (low 32), so a
// worker that wakes late can never take a task of a job other than the one it read.
static struct {
    _Atomic uint32_t generation;   // futex word: bumped when a job is published
    _Atomic uint64_t claim;
    _Atomic long finished;         // tasks completed in the current job
    _Atomic(FolioTask) fn;
    _Atomic(void *) ctx;
    _Atomic long tasks;
    _Atomic int sleepers;
    atomic_flag busy;
    int workers;                   // started so far (under `busy`)
} pool = { .busy = ATOMIC_FLAG_INIT };

static inline void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#endif
}

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/// Takes and runs tasks of generation `gen` until none is left.
static void drain(uint32_t gen) {
    uint64_t c = atomic_load(&pool.claim);
    if ((uint32_t)(c >> 32) != gen) return;
    FolioTask fn = atomic_load(&pool.fn);
    void *ctx = atomic_load(&pool.ctx);
    long tasks = atomic_load(&pool.tasks);
    for (;;) {
        if ((uint32_t)(c >> 32) != gen || (long)(uint32_t)c >= tasks) return;
        if (!atomic_compare_exchange_weak(&pool.claim, &c, c + 1)) continue;
        // The claim succeeded under `gen`, so that job is unfinished and fn/ctx/tasks are its own.
        fn(ctx, (long)(uint32_t)c);
        atomic_fetch_add(&pool.finished, 1);
        c = atomic_load(&pool.claim);
    }
}

static void *worker(void *unused) {
    (void)unused;
    uint32_t seen = atomic_load_explicit(&pool.generation, memory_order_acquire);
    for (;;) {
        uint32_t gen;
        // Spin for a while (200 µs: longer than the gaps between a training step's products),
        // then sleep until the next job is published.
        double start = seconds();
        int spins = 0;
        while ((gen = atomic_load_explicit(&pool.generation, memory_order_acquire)) == seen) {
            relax();
            if (++spins % 256 == 0 && seconds() - start > 200e-6) {
                atomic_fetch_add(&pool.sleepers, 1);
                if (atomic_load(&pool.generation) == seen)
                    syscall(SYS_futex, &pool.generation, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
                atomic_fetch_sub(&pool.sleepers, 1);
                start = seconds();
            }
        }
        seen = gen;
        drain(gen);
    }
    return NULL;
}

static void start_workers(int want) {
    if (want > MaxWorkers) want = MaxWorkers;
    while (pool.workers < want) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, 1 << 20);
        pthread_t t;
        int failed = pthread_create(&t, &attr, worker, NULL);
        pthread_attr_destroy(&attr);
        if (failed) break;   // fewer helpers; the caller's thread still runs every task
        pthread_detach(t);
        pool.workers++;
    }
}

void folio_parallel(long tasks, int threads, FolioTask fn, void *ctx) {
    if (tasks <= 0) return;
    if (threads <= 1 || tasks == 1 || tasks >= UINT32_MAX || atomic_flag_test_and_set_explicit(&pool.busy, memory_order_acquire)) {
        for (long t = 0; t < tasks; t++) fn(ctx, t);
        return;
    }
    start_workers(threads - 1);
    // Close the claim word under the new generation before rewriting the job, then open it:
    // a worker still holding the old generation fails its claim instead of pairing the old
    // generation with the new job (all sequentially consistent, so the order is the same
    // for every thread).
    uint32_t gen = atomic_load(&pool.generation) + 1;
    atomic_store(&pool.claim, ((uint64_t)gen << 32) | UINT32_MAX);
    atomic_store(&pool.fn, fn);
    atomic_store(&pool.ctx, ctx);
    atomic_store(&pool.tasks, tasks);
    atomic_store(&pool.finished, 0);
    atomic_store(&pool.claim, (uint64_t)gen << 32);
    atomic_store(&pool.generation, gen);
    if (atomic_load(&pool.sleepers) > 0)
        syscall(SYS_futex, &pool.generation, FUTEX_WAKE_PRIVATE, MaxWorkers, NULL, NULL, 0);
    drain(gen);
    while (atomic_load_explicit(&pool.finished, memory_order_acquire) < tasks) relax();
    atomic_flag_clear_explicit(&pool.busy, memory_order_release);
}

#else

void folio_parallel(long tasks, int threads, FolioTask fn, void *ctx) {
    (void)threads;
    for (long t = 0; t < tasks; t++) fn(ctx, t);
}

#endif
