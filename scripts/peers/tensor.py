"""Peer workloads for folio-bench suite `tensor`, in NumPy. Same data sizes as Folio's cases.

Prints one JSON object per case: {"case": name, "peer": "numpy", "seconds": median seconds per call}.
"""
import json
import sys
import time

import numpy as np


def seconds_per_call(body, budget=1.0):
    body()
    calls = 1
    t = timed(body, calls)
    while t < 0.05:
        calls *= 2
        t = timed(body, calls)
    samples = [t / calls]
    start = time.perf_counter()
    while time.perf_counter() - start < budget or len(samples) < 5:
        samples.append(timed(body, calls) / calls)
    samples.sort()
    return samples[len(samples) // 2]


def timed(body, calls):
    t0 = time.perf_counter()
    for _ in range(calls):
        body()
    return time.perf_counter() - t0


def sgemm(n):
    i = np.arange(n * n)
    a = (((i * 7919) % 1000) / 1000 - 0.5).astype(np.float32).reshape(n, n)
    b = (((i * 104729) % 1000) / 1000 - 0.5).astype(np.float32).reshape(n, n)
    return lambda: a @ b


CASES = {f"sgemm-{n}": (lambda n=n: sgemm(n)) for n in (32, 64, 128, 256, 1024)}

for name in sys.argv[1:]:
    if name not in CASES:
        print(f"tensor.py: unknown case {name}", file=sys.stderr)
        sys.exit(4)
    print(json.dumps({"case": name, "peer": "numpy", "seconds": seconds_per_call(CASES[name]())}), flush=True)
