"""Peer workloads for folio-bench suite `conv-method` (Sources/Tools/folio-bench/ConvMethodSuite.swift):
the valid cross-correlation of x [1, C, 4096] with w [C, C, k] (conv1d) or of x [1, C, 256, 256]
with w [C, C, k, k] (conv2d), summed over input channels, by scipy.signal.fftconvolve (the kernel
flipped, every channel pair at once by broadcasting) and, for 1-D, by numpy.correlate (direct).

Case names: conv{1,2}d-{f32,f64}-{L4096,256}-c{C}-k{k}-auto. Prints one JSON object per case and
peer: {"case", "peer", "seconds"}.
"""
import json
import re
import sys

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p, dtype):
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(dtype).reshape(shape)


def workloads(name):
    m = re.fullmatch(r"conv([12])d-(f32|f64)-(?:L4096|256)-c(\d+)-k(\d+)-auto", name)
    if not m:
        return {}
    dims, dtype, c, k = int(m[1]), np.float32 if m[2] == "f32" else np.float64, int(m[3]), int(m[4])
    from scipy import signal
    if dims == 1:
        x, w = data((1, c, 4096), 7919, dtype), data((c, c, k), 104729, dtype)
        flipped = np.ascontiguousarray(w[:, :, ::-1])

        def fft():
            return signal.fftconvolve(x[:, None], flipped[None], mode="valid", axes=-1).sum(axis=2)

        def direct():
            return np.array([[sum(np.correlate(x[0, i], w[o, i], "valid") for i in range(c)) for o in range(c)]])
        return {"scipy-fftconvolve": fft, "numpy-correlate": direct}
    x, w = data((1, c, 256, 256), 7919, dtype), data((c, c, k, k), 104729, dtype)
    flipped = np.ascontiguousarray(w[:, :, ::-1, ::-1])

    def fft2():
        return signal.fftconvolve(x[:, None], flipped[None], mode="valid", axes=(-2, -1)).sum(axis=2)
    return {"scipy-fftconvolve": fft2}


for name in sys.argv[1:]:
    for peer, body in workloads(name).items():
        print(json.dumps({"case": name, "peer": peer, "seconds": seconds_per_call(body)}), flush=True)
