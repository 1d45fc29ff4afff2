"""Peer workloads for folio-bench suite `autograd`: one training step (forward, backward,
gradient-descent update) of the same MLPs as Sources/Tools/folio-bench/AutogradSuite.swift, in NumPy
with hand-written gradients, PyTorch eager and JAX jit — each framework that is installed.

Prints one JSON object per case and framework: {"case", "peer", "seconds"}.
"""
import json
import sys
import time

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p):
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(np.float32).reshape(shape)


def parse(name):
    parts = name.split("-")
    widths = [int(w) for w in parts[1:-1]]
    return widths, int(parts[-1][1:])


def init(widths, rng):
    return [(rng.standard_normal((o, i)).astype(np.float32) * np.float32(np.sqrt(2 / i)), np.zeros(o, np.float32))
            for i, o in zip(widths[:-1], widths[1:])]


def numpy_step(widths, batch, classify):
    rng = np.random.default_rng(1)
    params = init(widths, rng)
    x = data((batch, widths[0]), 7919)
    labels = np.arange(batch) % widths[-1]
    y = data((batch, widths[-1]), 104729)
    lr = np.float32(0.01)

    def step():
        acts, pre = [x], []
        h = x
        for k, (w, b) in enumerate(params):
            z = h @ w.T + b
            pre.append(z)
            h = np.maximum(z, 0) if k < len(params) - 1 else z
            acts.append(h)
        if classify:
            z = h - h.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(batch), labels] -= 1
            g = p / batch
        else:
            g = 2 * (h - y) / h.size
        for k in reversed(range(len(params))):
            w, b = params[k]
            gw, gb = g.T @ acts[k], g.sum(axis=0)
            if k > 0:
                g = (g @ w) * (pre[k - 1] > 0)
            params[k] = (w - lr * gw, b - lr * gb)
    return step


def torch_step(widths, batch, classify):
    import torch
    torch.manual_seed(1)
    layers = []
    for k, (i, o) in enumerate(zip(widths[:-1], widths[1:])):
        layers.append(torch.nn.Linear(i, o))
        if k < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    x = torch.from_numpy(data((batch, widths[0]), 7919))
    labels = torch.arange(batch) % widths[-1]
    y = torch.from_numpy(data((batch, widths[-1]), 104729))
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss() if classify else torch.nn.MSELoss()
    target = labels if classify else y

    def step():
        opt.zero_grad()
        loss_fn(net(x), target).backward()
        opt.step()
    return step


def jax_step(widths, batch, classify):
    import jax
    import jax.numpy as jnp
    params = [(jnp.asarray(w), jnp.asarray(b)) for w, b in init(widths, np.random.default_rng(1))]
    x = jnp.asarray(data((batch, widths[0]), 7919))
    labels = jnp.arange(batch) % widths[-1]
    y = jnp.asarray(data((batch, widths[-1]), 104729))

    def loss(ps):
        h = x
        for k, (w, b) in enumerate(ps):
            h = h @ w.T + b
            if k < len(ps) - 1:
                h = jax.nn.relu(h)
        if classify:
            return -jnp.mean(jax.nn.log_softmax(h)[jnp.arange(batch), labels])
        return jnp.mean((h - y) ** 2)

    @jax.jit
    def update(ps):
        g = jax.grad(loss)(ps)
        return [(w - 0.01 * gw, b - 0.01 * gb) for (w, b), (gw, gb) in zip(ps, g)]

    state = [params]

    def step():
        state[0] = update(state[0])
        jax.block_until_ready(state[0])
    return step


PEERS = {"numpy": numpy_step, "pytorch": torch_step, "jax": jax_step}

for name in sys.argv[1:]:
    if not name.startswith("mlp-"):
        continue  # Folio-only ratio rows have no peer
    widths, batch = parse(name)
    classify = widths[-1] > 1
    for peer, make in PEERS.items():
        try:
            step = make(widths, batch, classify)
        except ImportError:
            continue
        print(json.dumps({"case": name, "peer": peer, "seconds": seconds_per_call(step)}), flush=True)
