# SPDX-License-Identifier: Apache-2.0
"""A small pure-numpy forward pass of a `llama` GGUF, computed the way llama.cpp defines it
(NORM RoPE on the permuted Q/K rows as stored), for debugging the engine. float64 by default.

  python3 models/tools/numpy_llama.py MODEL.gguf --tokens 256,81,58,32 [--greedy 16] [--top 5] [--act-q8]
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ggml_quants as gq  # noqa: E402
import gguf_writer  # noqa: E402


class Llama:
    def __init__(self, metadata, tensors, dtype=np.float64, act_q8=()):
        """act_q8: names of weights whose input activations are rounded to Q8_0 first, as llama.cpp's CPU
        backend does for Q8_0/Q4_0 weights (to estimate that arithmetic's distance from an F32 engine)."""
        a = metadata["general.architecture"]
        if a != "llama":
            raise ValueError(f"numpy_llama supports arch llama, not {a}")
        self.n_layers = metadata["llama.block_count"]
        self.heads = metadata["llama.attention.head_count"]
        self.kv_heads = metadata.get("llama.attention.head_count_kv", self.heads)
        dim = metadata["llama.embedding_length"]
        self.head_dim = metadata.get("llama.attention.key_length", dim // self.heads)
        self.rope_dim = metadata.get("llama.rope.dimension_count", self.head_dim)
        self.eps = metadata["llama.attention.layer_norm_rms_epsilon"]
        self.theta = metadata.get("llama.rope.freq_base", 10000.0)
        self.w = {k: v.astype(dtype) for k, v in tensors.items()}
        self.dtype = dtype
        self.act_q8 = set(act_q8)

    @classmethod
    def load(cls, path, dtype=np.float64, act_q8=False):
        metadata, tensors = gguf_writer.read_gguf(path)
        quantised = ()
        if act_q8:
            _, _, infos, _ = gguf_writer.read_gguf_info(path)
            quantised = [i.name for i in infos if i.ggml_type in (gq.GGML_Q8_0, gq.GGML_Q4_0)]
        return cls(metadata, tensors, dtype=dtype, act_q8=quantised)

    def mm(self, x, name):
        """x (T, in) times weight `name` (out, in) transposed -> (T, out)."""
        if name in self.act_q8:
            x = gq.decode(gq.quantize_q8_0(x.astype(np.float32)), gq.GGML_Q8_0, x.size).reshape(x.shape).astype(self.dtype)
        return x @ self.w[name].T

    def rmsnorm(self, x, weight):  # x: (T, dim)
        return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + self.eps) * weight

    def rope(self, x, positions):
        """NORM mode: rotate adjacent pairs (2i, 2i + 1) of each head. x: (T, n_heads, head_dim)."""
        half = self.rope_dim // 2
        freqs = self.theta ** (-2.0 * np.arange(half) / self.rope_dim)  # (half,)
        ang = positions[:, None].astype(np.float64) * freqs[None, :]  # (T, half)
        c, s = np.cos(ang)[:, None, :].astype(self.dtype), np.sin(ang)[:, None, :].astype(self.dtype)
        out = x.copy()
        x0, x1 = x[..., 0:2 * half:2], x[..., 1:2 * half:2]
        out[..., 0:2 * half:2] = x0 * c - x1 * s
        out[..., 1:2 * half:2] = x0 * s + x1 * c
        return out

    def forward(self, tokens):
        """Teacher-forced logits (T, vocab) of a token list (positions 0..T-1)."""
        w, tokens = self.w, np.asarray(tokens)
        t = len(tokens)
        pos = np.arange(t)
        x = w["token_embd.weight"][tokens]  # (T, dim)
        mask = np.triu(np.full((t, t), -np.inf), 1)
        group = self.heads // self.kv_heads
        for i in range(self.n_layers):
            p = f"blk.{i}."
            h = self.rmsnorm(x, w[p + "attn_norm.weight"])
            q = self.rope(self.mm(h, p + "attn_q.weight").reshape(t, self.heads, self.head_dim), pos)
            k = self.rope(self.mm(h, p + "attn_k.weight").reshape(t, self.kv_heads, self.head_dim), pos)
            v = self.mm(h, p + "attn_v.weight").reshape(t, self.kv_heads, self.head_dim)
            k, v = np.repeat(k, group, axis=1), np.repeat(v, group, axis=1)  # query head j reads kv head j // group
            scores = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(self.head_dim) + mask  # (heads, T, T)
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            att = scores / scores.sum(axis=-1, keepdims=True)
            o = np.einsum("hqk,khd->qhd", att, v).reshape(t, -1)
            x = x + self.mm(o, p + "attn_output.weight")
            h = self.rmsnorm(x, w[p + "ffn_norm.weight"])
            gate = self.mm(h, p + "ffn_gate.weight")
            x = x + self.mm((gate / (1 + np.exp(-gate))) * self.mm(h, p + "ffn_up.weight"), p + "ffn_down.weight")
        out = "output.weight" if "output.weight" in w else "token_embd.weight"
        return self.mm(self.rmsnorm(x, w["output_norm.weight"]), out)

    def greedy(self, prompt, n):
        ids = list(prompt)
        for _ in range(n):
            ids.append(int(np.argmax(self.forward(ids)[-1])))
        return ids[len(prompt):]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model")
    ap.add_argument("--tokens", required=True, help="comma-separated token ids")
    ap.add_argument("--greedy", type=int, default=0, help="also decode this many tokens greedily")
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--float32", action="store_true", help="compute in float32 instead of float64")
    ap.add_argument("--act-q8", action="store_true",
                    help="round matmul inputs to Q8_0 for Q8_0/Q4_0 weights, as llama.cpp's CPU backend does")
    a = ap.parse_args(argv)
    model = Llama.load(a.model, np.float32 if a.float32 else np.float64, a.act_q8)
    tokens = [int(t) for t in a.tokens.split(",")]
    logits = model.forward(tokens)
    for i, row in enumerate(logits):
        top = np.argsort(-row)[:a.top]
        print(f"pos {i} token {tokens[i]}: " + " ".join(f"{j}:{row[j]:.5f}" for j in top))
    if a.greedy:
        print("greedy:", ",".join(map(str, model.greedy(tokens, a.greedy))))


if __name__ == "__main__":
    main()
