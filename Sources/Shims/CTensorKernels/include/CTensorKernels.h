// Kernels for Tensor that need the machine's vector width (AVX2, AVX-512), which Swift code
// built for baseline x86-64 (SSE2) cannot use. Each entry point checks the CPU once at run
// time and takes the widest path it supports; results never depend on how a caller splits the
// work across threads. Built for every platform: where a path does not exist (no AVX2, not
// x86-64 Linux) the functions that can decline return 0 and Tensor uses its Swift loops.
#ifndef C_TENSOR_KERNELS_H
#define C_TENSOR_KERNELS_H

#include <stdint.h>

/// Elementwise functions vectorised through glibc's libmvec.
typedef enum {
    FolioVExp, FolioVExpm1, FolioVLog, FolioVLog1p, FolioVTanh, FolioVSin, FolioVCos, FolioVErf, FolioVSigmoid
} FolioVFunction;

/// y[i] = f(x[i]) for i < n (x and y may be the same buffer). Returns 1 when done, 0 when this
/// machine has no libmvec vector path for f (the caller computes it instead).
int folio_vmath_f32(FolioVFunction f, const float *x, float *y, long n);
int folio_vmath_f64(FolioVFunction f, const double *x, double *y, long n);

/// z = x op y elementwise; mode 0: y is an array, 1: y[0] is a scalar right operand, 2: y[0]
/// is a scalar left operand (s − x, s / x). z may be x itself, or y itself in mode 0 (results
/// computed in place); otherwise x, y and z do not overlap. Returns 0 (nothing written)
/// without a vector path.
typedef enum { FolioAdd, FolioSub, FolioMul, FolioDiv } FolioArith;
int folio_arith_f32(FolioArith op, int mode, const float *x, const float *y, float *z, long n);
int folio_arith_f64(FolioArith op, int mode, const double *x, const double *y, double *z, long n);

/// Asks the kernel to back a fresh buffer of `bytes` (≥ 4 MB, else ignored) with huge pages.
void folio_advise_huge_pages(void *p, long bytes);

/// Softmax of each of `rows` contiguous rows of n values, in place, with libmvec's exp.
/// Returns 0 (nothing written) when the machine has no vector path.
int folio_softmax_rows_f32(float *x, long rows, long n);
int folio_softmax_rows_f64(double *x, long rows, long n);

/// Standard normal Float samples, bit-identical to Tensor's Swift Box–Muller over
/// Philox4x32-10 (RNG.normal): batch b (32 values) comes from blocks 8b…8b+7 of counter
/// (block, draw) under key (key0, key1). Writes batches first..<first+count to out[0…].
void folio_normal_f32(uint32_t key0, uint32_t key1, uint64_t draw, long first, long count, float *out);

/// C = alpha·op(A)·op(B) + beta·C, row-major, where OpenBLAS (Haswell kernels) is slower: every
/// dimension ≤ 96, or with AVX-512 every size. Returns 0 (nothing written) outside that
/// range or without AVX2+FMA; the caller then uses OpenBLAS. Runs on up to `threads` threads
/// (Pool.c). Each element of C is one FMA chain over k in order, so every vector path, and any
/// split of the work, gives the same bits.
int folio_gemm_f32(int transA, int transB, long m, long n, long k, float alpha, const float *a, long lda,
                   const float *b, long ldb, float beta, float *c, long ldc, int threads);
int folio_gemm_f64(int transA, int transB, long m, long n, long k, double alpha, const double *a, long lda,
                   const double *b, long ldb, double beta, double *c, long ldc, int threads);
/// Pool.c: runs fn(ctx, t) for t in 0..<tasks on up to `threads` threads, the caller's among
/// them, and returns when all are done (inline when the pool is busy).
typedef void (*FolioTask)(void *ctx, long task);
void folio_parallel(long tasks, int threads, FolioTask fn, void *ctx);

/// Whether folio_gemm_* takes an m×k by k×n product on this machine.
int folio_gemm_accepts(long m, long n, long k);

/// BlasRouting.c: the Fortran sgemm_/dgemm_ that LAPACK calls go through folio_gemm_* on
/// this many threads (Tensor sets it from the available cores) when it takes the shape; the count of calls it took.
void folio_set_blas_threads(int threads);
/// Affinity.c: the number of CPUs in the calling thread's affinity mask (0 when unknown).
int folio_affinity_cpus(void);
long folio_blas_routed_calls(void);

#endif
