"""The timing rule every peer shares with folio-bench's Measure.swift: warm up once, grow the
batch of calls until it takes 50 ms, then take the median seconds per call over batches for
about `budget` seconds (at least five). folio-bench sets FOLIO_BENCH_BUDGET for both sides."""
import os
import time

BUDGET = float(os.environ.get("FOLIO_BENCH_BUDGET", "0.5"))


def seconds_per_call(body, budget=BUDGET):
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
