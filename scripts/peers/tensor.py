"""Peer workloads for folio-bench suite `tensor`, in NumPy. Same data sizes and formulas as
Folio's cases (Sources/Tools/folio-bench/TensorSuite.swift).

Prints one JSON object per case: {"case": name, "peer": "numpy", "seconds": median seconds per call}.
"""
import json
import sys
import time

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p, dtype):
    """Element i is ((i*p) mod 1000)/1000 - 0.5, as TensorSuite.data."""
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(dtype).reshape(shape)


def gemm(n, dtype):
    a, b = data((n, n), 7919, dtype), data((n, n), 104729, dtype)
    return lambda: a @ b


def tanh_affine(n):
    x = data((n,), 7919, np.float32)
    return lambda: np.tanh(x * 0.5 + 0.25)


def total(n):
    x = data((n,), 7919, np.float32)
    return lambda: x.sum()


def softmax_rows(n, rows):
    m = data((n,), 7919, np.float32).reshape(rows, n // rows)

    def body():
        e = np.exp(m - m.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return body


def normal():
    rng = np.random.default_rng(0)
    return lambda: rng.standard_normal(10_000_000, dtype=np.float32)


def svd():
    a = data((512, 512), 7919, np.float64)
    return lambda: np.linalg.svd(a)


def eigh():
    a = data((512, 512), 7919, np.float64)
    s = a + a.T
    return lambda: np.linalg.eigh(s)


CASES = {}
for n in (32, 64, 128, 256, 1024):
    CASES[f"sgemm-{n}"] = lambda n=n: gemm(n, np.float32)
    CASES[f"dgemm-{n}"] = lambda n=n: gemm(n, np.float64)
for label, n, rows in (("100", 100, 10), ("1e6", 1_000_000, 1000)):
    CASES[f"tanh-affine-{label}"] = lambda n=n: tanh_affine(n)
    CASES[f"sum-{label}"] = lambda n=n: total(n)
    CASES[f"softmax-rows-{label}"] = lambda n=n, rows=rows: softmax_rows(n, rows)
CASES["normal-f32-1e7"] = normal
CASES["svd-f64-512"] = svd
CASES["eigh-f64-512"] = eigh

for name in sys.argv[1:]:
    if name not in CASES:
        print(f"tensor.py: unknown case {name}", file=sys.stderr)
        sys.exit(4)
    print(json.dumps({"case": name, "peer": "numpy", "seconds": seconds_per_call(CASES[name]())}), flush=True)
