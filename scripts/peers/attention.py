"""Peer workloads for folio-bench suite `attention`: forward and backward of one multi-head
self-attention layer (f32, loss mean(y**2), gradients of the projection weights and biases), the same
configurations as Sources/Tools/folio-bench/AttentionSuite.swift, in PyTorch eager
(nn.MultiheadAttention, batch_first) and JAX jit — each framework that is installed.

Prints one JSON object per case and framework: {"case", "peer", "seconds"}.
"""
import json
import sys

import numpy as np
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def data(shape, p):
    i = np.arange(int(np.prod(shape)))
    return (((i * p) % 1000) / 1000 - 0.5).astype(np.float32).reshape(shape)


def parse(name):
    parts = name.split("-")
    b, l, e, h = (int(p[1:]) for p in parts[1:5])
    return b, l, e, h, parts[-1] == "causal"


def torch_step(b, l, e, h, causal):
    import torch
    torch.manual_seed(1)
    layer = torch.nn.MultiheadAttention(e, h, batch_first=True)
    x = torch.from_numpy(data((b, l, e), 7919))
    mask = torch.nn.Transformer.generate_square_subsequent_mask(l) if causal else None

    def step():
        layer.zero_grad(set_to_none=True)
        y, _ = layer(x, x, x, attn_mask=mask, need_weights=False, is_causal=causal)
        (y * y).mean().backward()
    return step


def jax_step(b, l, e, h, causal):
    import jax
    import jax.numpy as jnp
    rng = np.random.default_rng(1)
    bound = np.sqrt(6 / (4 * e))
    params = (jnp.asarray(rng.uniform(-bound, bound, (3 * e, e)).astype(np.float32)), jnp.zeros(3 * e, jnp.float32),
              jnp.asarray(rng.uniform(-1 / np.sqrt(e), 1 / np.sqrt(e), (e, e)).astype(np.float32)), jnp.zeros(e, jnp.float32))
    x = jnp.asarray(data((b, l, e), 7919))
    d = e // h
    hidden = jnp.triu(jnp.ones((l, l), bool), 1)

    def loss(ps):
        w_in, b_in, w_out, b_out = ps
        qkv = x @ w_in.T + b_in
        q, k, v = (qkv[..., i * e:(i + 1) * e].reshape(b, l, h, d).transpose(0, 2, 1, 3) for i in range(3))
        s = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(d))
        if causal:
            s = jnp.where(hidden, -jnp.inf, s)
        o = (jax.nn.softmax(s, axis=-1) @ v).transpose(0, 2, 1, 3).reshape(b, l, e)
        y = o @ w_out.T + b_out
        return jnp.mean(y * y)

    grad = jax.jit(jax.grad(loss))

    def step():
        jax.block_until_ready(grad(params))
    return step


PEERS = {"pytorch": torch_step, "jax": jax_step}

for name in sys.argv[1:]:
    if not name.startswith("attention-"):
        continue
    config = parse(name)
    for peer, make in PEERS.items():
        try:
            step = make(*config)
        except ImportError:
            continue
        print(json.dumps({"case": name, "peer": peer, "seconds": seconds_per_call(step)}), flush=True)
