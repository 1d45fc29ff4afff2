"""Peer workloads for folio-bench suite `theory`: the probes of Sources/Tools/folio-bench/TheorySuite.swift
(trajectory lengths, loss landscapes, activation regions) in NumPy and PyTorch CPU — each framework
that is installed — with the same sizes and precisions.

Loss landscapes use the reference approach: one full forward pass per grid point with that point's
parameters θ* + αδ₁ + βδ₂. The 784-100-10 surface would take minutes that way, so only its first
grid row is timed and the time is multiplied by the number of rows; the peer's name says so.

Prints one JSON object per case and framework: {"case", "peer", "seconds"}.
"""
import json
import sys

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p):
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(np.float32).reshape(shape)


def he(widths, rng, dtype=np.float32, bias_std=0.0):
    return [((rng.standard_normal((o, i)) * np.sqrt(2 / i)).astype(dtype),
             (rng.standard_normal(o) * bias_std).astype(dtype))
            for i, o in zip(widths[:-1], widths[1:])]


def circle(n):
    t = 2 * np.pi * np.arange(n) / n
    return np.stack([np.cos(t), np.sin(t)], axis=1).astype(np.float32)


# ---- trajectory length: lengths per layer of a closed curve through every layer -------------------

TRAJ_WIDTHS = [2] + [100] * 20


def trajectory_numpy(count):
    nets = [he(TRAJ_WIDTHS, np.random.default_rng(s + 1)) for s in range(count)]
    ws = [np.stack([net[k][0] for net in nets]) for k in range(len(nets[0]))]   # [count, out, in]
    bs = [np.stack([net[k][1] for net in nets])[:, None, :] for k in range(len(nets[0]))]
    x = np.broadcast_to(circle(10_000), (count, 10_000, 2))

    def length(h):
        return np.sqrt(((h - np.roll(h, -1, axis=1)) ** 2).sum(axis=2)).sum(axis=1)

    def run():
        h = x
        lengths = [length(h)]
        for w, b in zip(ws, bs):
            h = np.maximum(np.matmul(h, w.transpose(0, 2, 1)) + b, 0)
            lengths.append(length(h))
        return lengths
    return run


def trajectory_torch(count):
    import torch
    nets = [he(TRAJ_WIDTHS, np.random.default_rng(s + 1)) for s in range(count)]
    ws = [torch.from_numpy(np.stack([net[k][0] for net in nets])).transpose(1, 2) for k in range(len(nets[0]))]
    bs = [torch.from_numpy(np.stack([net[k][1] for net in nets])[:, None, :]) for k in range(len(nets[0]))]
    x = torch.from_numpy(circle(10_000)).expand(count, 10_000, 2)

    def length(h):
        return (h - torch.roll(h, -1, dims=1)).norm(dim=2).sum(dim=1)

    def run():
        with torch.no_grad():
            h = x
            lengths = [length(h)]
            for w, b in zip(ws, bs):
                h = torch.baddbmm(b, h, w).relu_()
                lengths.append(length(h))
            return lengths
    return run


# ---- loss landscape: one full forward pass per grid point -----------------------------------------

def filter_normalised(params, rng):
    out = []
    for w, b in params:
        d = rng.standard_normal(w.shape).astype(w.dtype)
        d *= np.linalg.norm(w, axis=1, keepdims=True) / (np.linalg.norm(d, axis=1, keepdims=True) + 1e-10)
        out.append((d, np.zeros_like(b)))
    return out


def landscape_setup(widths, n):
    rng = np.random.default_rng(1)
    params = he(widths, rng)
    d1, d2 = filter_normalised(params, rng), filter_normalised(params, rng)
    x = data((n, widths[0]), 7919)
    c = widths[-1]
    if c > 1:
        y = np.zeros((n, c), np.float32)
        y[np.arange(n), np.arange(n) % c] = 1
    else:
        y = data((n, 1), 104729)
    return params, d1, d2, x, y


def landscape_numpy(widths, n, grid, rows):
    params, d1, d2, x, y = landscape_setup(widths, n)
    axis = np.linspace(-1, 1, grid).astype(np.float32)

    def loss(h):
        if widths[-1] == 1:
            return float(((h - y) ** 2).mean())
        z = h - h.max(axis=1, keepdims=True)
        return float(-(y * (z - np.log(np.exp(z).sum(axis=1, keepdims=True)))).sum(axis=1).mean())

    def run():
        values = []
        for beta in axis[:rows]:
            for alpha in axis:
                h = x
                for k, ((w, b), (a1, _), (a2, _)) in enumerate(zip(params, d1, d2)):
                    h = h @ (w + alpha * a1 + beta * a2).T + b
                    if k < len(params) - 1:
                        h = np.maximum(h, 0)
                values.append(loss(h))
        return values
    return run


def landscape_torch(widths, n, grid, rows):
    import torch
    params, d1, d2, x, y = landscape_setup(widths, n)
    T = torch.from_numpy
    params = [(T(w), T(b)) for w, b in params]
    d1, d2 = [T(w) for w, _ in d1], [T(w) for w, _ in d2]
    x, y = T(x), T(y)
    axis = torch.linspace(-1, 1, grid)

    def run():
        values = []
        with torch.no_grad():
            for beta in axis[:rows]:
                for alpha in axis:
                    h = x
                    for k, ((w, b), a1, a2) in enumerate(zip(params, d1, d2)):
                        h = torch.nn.functional.linear(h, w + alpha * a1 + beta * a2, b)
                        if k < len(params) - 1:
                            h = h.relu_()
                    if widths[-1] == 1:
                        values.append(float(torch.nn.functional.mse_loss(h, y)))
                    else:
                        values.append(float(-(y * torch.log_softmax(h, dim=1)).sum(dim=1).mean()))
        return values
    return run


# ---- activation regions: distinct patterns on a grid (f64) ----------------------------------------

REGION_WIDTHS = [2, 32, 32, 32, 1]


def region_grid(res):
    c = -2 + 4 * (np.arange(res) + 0.5) / res
    gx, gy = np.meshgrid(c, c)
    return np.stack([gx.ravel(), gy.ravel()], axis=1)


def regions_numpy():
    params = he(REGION_WIDTHS, np.random.default_rng(1), np.float64, bias_std=0.1)[:-1]
    pts = region_grid(1024)

    def run():
        h, bits = pts, []
        for w, b in params:
            z = h @ w.T + b
            bits.append(z > 0)
            h = np.maximum(z, 0)
        packed = np.ascontiguousarray(np.packbits(np.concatenate(bits, axis=1), axis=1))
        keys = packed.view(np.dtype((np.void, packed.shape[1]))).ravel()
        uniq, inverse = np.unique(keys, return_inverse=True)
        return len(uniq), inverse
    return run


def regions_torch():
    import torch
    params = [(torch.from_numpy(w), torch.from_numpy(b))
              for w, b in he(REGION_WIDTHS, np.random.default_rng(1), np.float64, bias_std=0.1)[:-1]]
    pts = torch.from_numpy(region_grid(1024))
    powers = 2 ** torch.arange(48, dtype=torch.int64)

    def run():
        with torch.no_grad():
            h, bits = pts, []
            for w, b in params:
                z = torch.nn.functional.linear(h, w, b)
                bits.append(z > 0)
                h = z.relu_()
            allbits = torch.cat(bits, dim=1).to(torch.int64)
            words = torch.stack([(allbits[:, k:k + 48] * powers[:allbits[:, k:k + 48].shape[1]]).sum(dim=1)
                                 for k in range(0, allbits.shape[1], 48)], dim=1)
            uniq, inverse = torch.unique(words, dim=0, return_inverse=True)
            return uniq.shape[0], inverse
    return run


def make(name, peer):
    numpy_peer = peer == "numpy"
    if name.startswith("trajectory-"):
        count = int(name.split("batch")[1]) if "batch" in name else 1
        return (trajectory_numpy if numpy_peer else trajectory_torch)(count), peer
    if name.startswith("landscape-"):
        parts = name.split("-")
        widths = [int(w) for w in parts[1:-2]]
        n, grid = int(parts[-2][1:]), int(parts[-1].split("x")[0])
        # Time a whole surface when it takes seconds; otherwise one grid row, scaled below.
        rows = grid if widths[0] * widths[1] * n <= 10_000_000 else 1
        run = (landscape_numpy if numpy_peer else landscape_torch)(widths, n, grid, rows)
        label = peer if rows == grid else f"{peer} (1 of {grid} rows timed, ×{grid})"
        return (run, grid // rows), label
    if name.startswith("regions-"):
        return (regions_numpy if numpy_peer else regions_torch)(), peer
    raise SystemExit(f"theory.py: unknown case {name}")


for name in sys.argv[1:]:
    for peer in ("numpy", "pytorch"):
        try:
            made, label = make(name, peer)
        except ImportError:
            continue
        run, scale = made if isinstance(made, tuple) else (made, 1)
        print(json.dumps({"case": name, "peer": label, "seconds": scale * seconds_per_call(run)}), flush=True)
