"""Peer workloads for folio-bench suite `spectral`, in NumPy: numpy.fft and
numpy.einsum(optimize=True). Same data as Sources/Tools/folio-bench/SpectralSuite.swift.

Prints one JSON object per case: {"case": name, "peer": "numpy", "seconds": median seconds per call}.
"""
import json
import sys

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p):
    """Element i is ((i*p) mod 1000)/1000 - 0.5, as TensorSuite.data."""
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(np.float64).reshape(shape)


def signal(shape):
    return data(shape, 7919) + 1j * data(shape, 104729)


def fft(n):
    x = signal((n,))
    return lambda: np.fft.fft(x)


def rfft(n):
    x = data((n,), 7919)
    return lambda: np.fft.rfft(x)


def fft2(n):
    x = signal((n, n))
    return lambda: np.fft.fft2(x)


def einsum_network(d):
    a, b, c, e = (data((d, d, d), p) for p in (7919, 104729, 15485863, 32452843))
    return lambda: np.einsum("ijk,jkl,lmn,mni->", a, b, c, e, optimize=True)


CASES = {f"fft-c128-{n}": (lambda n=n: fft(n)) for n in (1024, 65536, 1000, 1009)}
CASES["rfft-f64-65536"] = lambda: rfft(65536)
CASES["fft2-c128-512"] = lambda: fft2(512)
CASES["einsum-ring-32"] = lambda: einsum_network(32)

for name in sys.argv[1:]:
    if name not in CASES:
        print(f"spectral.py: unknown case {name}", file=sys.stderr)
        sys.exit(4)
    print(json.dumps({"case": name, "peer": "numpy", "seconds": seconds_per_call(CASES[name]())}), flush=True)
