// The widest instruction set every kernel here may use, decided once per process.
#ifndef FOLIO_DISPATCH_H
#define FOLIO_DISPATCH_H

/// 3: AVX-512 (F, VL) with AVX2 and FMA; 2: AVX2 with FMA; 0: neither (or not x86-64).
/// FOLIO_TENSOR_ISA=avx2 or =baseline caps it, so tests can run every path on one machine.
int folio_isa_level(void);

#endif
