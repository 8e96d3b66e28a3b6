# SPDX-License-Identifier: Apache-2.0
"""A Llama decoder whose state-dict names are transformers' LlamaForCausalLM, so export is 1:1.

RMSNorm (computed in float32, as transformers does), rotary embeddings in the rotate-half
layout, grouped-query attention, SwiGLU, no biases, untied embeddings. Byte vocabulary of 259.
"""
import json
import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

BOS, EOS, PAD, VOCAB = 256, 257, 258, 259
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


def encode(text):
    return list(text.encode("utf-8"))


def decode(ids):
    return bytes(i for i in ids if i < 256).decode("utf-8", errors="replace")


@dataclass
class Config:
    n_layers: int = 6
    d_model: int = 384
    n_heads: int = 6
    n_kv_heads: int = 2
    d_ff: int = 1024
    vocab: int = VOCAB
    rope_theta: float = 10000.0
    eps: float = 1e-5
    max_pos: int = 1024

    @property
    def head_dim(self):
        return self.d_model // self.n_heads

    def hf(self):
        """transformers LlamaConfig keys."""
        return {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "vocab_size": self.vocab,
                "hidden_size": self.d_model, "intermediate_size": self.d_ff,
                "num_hidden_layers": self.n_layers, "num_attention_heads": self.n_heads,
                "num_key_value_heads": self.n_kv_heads, "head_dim": self.head_dim, "hidden_act": "silu",
                "max_position_embeddings": self.max_pos, "rms_norm_eps": self.eps,
                "rope_theta": self.rope_theta, "tie_word_embeddings": False, "attention_bias": False,
                "mlp_bias": False, "bos_token_id": BOS, "eos_token_id": EOS, "pad_token_id": PAD}

    def save(self, path):
        with open(path, "w") as f:
            json.dump(asdict(self), f, indent=1)

    @staticmethod
    def load(path):
        with open(path) as f:
            return Config(**json.load(f))


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        dtype = x.dtype
        x = x.float()
        x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * x.to(dtype)


def rope(x, cos, sin):
    """x (B, h, T, hd); cos/sin (B, 1, T, hd) in the rotate-half layout."""
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos + torch.cat((-x2, x1), dim=-1) * sin


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        hd = c.head_dim
        self.q_proj = nn.Linear(c.d_model, c.n_heads * hd, bias=False)
        self.k_proj = nn.Linear(c.d_model, c.n_kv_heads * hd, bias=False)
        self.v_proj = nn.Linear(c.d_model, c.n_kv_heads * hd, bias=False)
        self.o_proj = nn.Linear(c.n_heads * hd, c.d_model, bias=False)

    def forward(self, x, cos, sin, mask=None, cache=None, pos=0):
        """x (B, T, d). Without cache: causal (mask adds key padding). With cache (k, v) of
        (B, kvh, maxT, hd): writes at [pos, pos+T) and attends to [0, pos+T) under `mask`."""
        b, t, _ = x.shape
        c, hd = self.c, self.c.head_dim
        q = self.q_proj(x).view(b, t, c.n_heads, hd).transpose(1, 2)
        k = self.k_proj(x).view(b, t, c.n_kv_heads, hd).transpose(1, 2)
        v = self.v_proj(x).view(b, t, c.n_kv_heads, hd).transpose(1, 2)
        q, k = rope(q, cos, sin), rope(k, cos, sin)
        g = c.n_heads // c.n_kv_heads
        if cache is None:
            k, v = k.repeat_interleave(g, 1), v.repeat_interleave(g, 1)
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=mask is None)
        else:
            kc, vc = cache
            kc[:, :, pos:pos + t] = k
            vc[:, :, pos:pos + t] = v
            k, v = kc[:, :, :pos + t], vc[:, :, :pos + t]
            if t == 1:  # decode: group query heads per kv head, no copy of the cache
                qg = q.view(b, c.n_kv_heads, g, hd)
                y = F.scaled_dot_product_attention(qg, k, v, attn_mask=mask)
                y = y.reshape(b, c.n_heads, 1, hd)
            else:
                k, v = k.repeat_interleave(g, 1), v.repeat_interleave(g, 1)
                y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.o_proj(y.transpose(1, 2).reshape(b, t, c.n_heads * hd))


class MLP(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.gate_proj = nn.Linear(c.d_model, c.d_ff, bias=False)
        self.up_proj = nn.Linear(c.d_model, c.d_ff, bias=False)
        self.down_proj = nn.Linear(c.d_ff, c.d_model, bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self_attn = Attention(c)
        self.mlp = MLP(c)
        self.input_layernorm = RMSNorm(c.d_model, c.eps)
        self.post_attention_layernorm = RMSNorm(c.d_model, c.eps)

    def forward(self, x, cos, sin, mask=None, cache=None, pos=0):
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, mask, cache, pos)
        return x + self.mlp(self.post_attention_layernorm(x))


class Inner(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embed_tokens = nn.Embedding(c.vocab, c.d_model)
        self.layers = nn.ModuleList(Block(c) for _ in range(c.n_layers))
        self.norm = RMSNorm(c.d_model, c.eps)


class Llama(nn.Module):
    """LlamaForCausalLM-compatible module: `model.*` and `lm_head.weight`."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.model = Inner(c)
        self.lm_head = nn.Linear(c.d_model, c.vocab, bias=False)
        hd = c.head_dim
        inv = 1.0 / (c.rope_theta ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
        self.register_buffer("inv_freq", inv, persistent=False)
        self.apply(self._init)
        for n, p in self.named_parameters():
            if n.endswith("o_proj.weight") or n.endswith("down_proj.weight"):
                nn.init.normal_(p, std=0.02 / math.sqrt(2 * c.n_layers))

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)

    def rotary(self, positions, dtype):
        """positions (B, T) -> cos, sin (B, 1, T, hd), as transformers computes them."""
        f = positions[:, :, None].float() * self.inv_freq[None, None, :]
        emb = torch.cat((f, f), dim=-1)
        return emb.cos().to(dtype)[:, None], emb.sin().to(dtype)[:, None]

    def forward(self, ids, positions=None, mask=None, caches=None, pos=0):
        """ids (B, T) -> logits (B, T, vocab)."""
        if positions is None:
            positions = torch.arange(ids.shape[1], device=ids.device)[None].expand(ids.shape[0], -1)
        x = self.model.embed_tokens(ids)
        cos, sin = self.rotary(positions, torch.bfloat16 if torch.is_autocast_enabled() else x.dtype)
        for i, layer in enumerate(self.model.layers):
            x = layer(x, cos, sin, mask, None if caches is None else caches[i], pos)
        return self.lm_head(self.model.norm(x))

    def n_params(self):
        return sum(p.numel() for p in self.parameters())


def load_checkpoint(path_pt, path_cfg, device=DEVICE):
    c = Config.load(path_cfg)
    m = Llama(c)
    m.load_state_dict(torch.load(path_pt, map_location="cpu", weights_only=True))
    return m.to(device).eval()


def from_tensors(c, tensors, device=DEVICE):
    """A model from HF-named float32 numpy arrays (e.g. dequantised GGUF tensors)."""
    m = Llama(c)
    sd = {k: torch.from_numpy(v.copy()).float() for k, v in tensors.items()}
    missing, unexpected = m.load_state_dict(sd, strict=False)
    if missing or unexpected:
        raise ValueError(f"missing {missing}, unexpected {unexpected}")
    return m.to(device).eval()
