"""Peer workloads for folio-bench suite `conv`: forward and backward of a small CNN (input
[64, 3, 32, 32], two 3x3 'same' convolutions of 32 channels with bias, ReLU between, loss the mean
square of the output), the same as Sources/Tools/folio-bench/ConvSuite.swift, in PyTorch eager
and JAX jit — each framework that is installed.

Prints one JSON object per case and framework: {"case", "peer", "seconds"}.
"""
import json
import sys

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p):
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(np.float32).reshape(shape)


def parameters():
    return [data((32, 3, 3, 3), 31) * np.float32(0.3), data((32,), 37) * np.float32(0.1),
            data((32, 32, 3, 3), 41) * np.float32(0.1), data((32,), 43) * np.float32(0.1)]


def torch_step():
    import torch
    x = torch.from_numpy(data((64, 3, 32, 32), 7919))
    ps = [torch.from_numpy(p).requires_grad_() for p in parameters()]

    def step():
        for p in ps:
            p.grad = None
        h = torch.relu(torch.nn.functional.conv2d(x, ps[0], ps[1], padding=1))
        y = torch.nn.functional.conv2d(h, ps[2], ps[3], padding=1)
        (y * y).mean().backward()
    return step


def jax_step():
    import jax
    import jax.numpy as jnp
    x = jnp.asarray(data((64, 3, 32, 32), 7919))
    ps = [jnp.asarray(p) for p in parameters()]

    def conv(h, w, b):
        y = jax.lax.conv_general_dilated(h, w, (1, 1), ((1, 1), (1, 1)), dimension_numbers=("NCHW", "OIHW", "NCHW"))
        return y + b.reshape(1, -1, 1, 1)

    def loss(ps):
        y = conv(jax.nn.relu(conv(x, ps[0], ps[1])), ps[2], ps[3])
        return jnp.mean(y * y)

    grad = jax.jit(jax.grad(loss))

    def step():
        jax.block_until_ready(grad(ps))
    return step


PEERS = {"pytorch": torch_step, "jax": jax_step}

for name in sys.argv[1:]:
    if name != "cnn-3x3x32x2-32x32-b64":
        continue
    for peer, make in PEERS.items():
        try:
            step = make()
        except ImportError:
            continue
        print(json.dumps({"case": name, "peer": peer, "seconds": seconds_per_call(step)}), flush=True)
