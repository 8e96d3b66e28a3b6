# SPDX-License-Identifier: Apache-2.0
"""Batched generation with a KV cache and left padding (greedy, sampling, forced first token).

Prompts are token-id lists that already start with BOS. Rows are sorted by length into
batches, so padding is small; results come back in the caller's order.
"""
import torch
import torch.nn.functional as F

from model import EOS, PAD


def _pad_left(prompts, device):
    """-> ids (B, P), valid (B, P) bool, positions (B, P) counted from each row's first token."""
    p_len = max(len(p) for p in prompts)
    ids = torch.full((len(prompts), p_len), PAD, dtype=torch.long)
    for i, p in enumerate(prompts):
        ids[i, p_len - len(p):] = torch.tensor(p)
    pad = torch.tensor([p_len - len(p) for p in prompts])
    ar = torch.arange(p_len)
    valid = ar[None] >= pad[:, None]
    positions = (ar[None] - pad[:, None]).clamp(min=0)
    return ids.to(device), valid.to(device), positions.to(device)


def _prefill_mask(valid):
    """(B, P) -> (B, 1, P, P): causal, keys must be real tokens (pad rows see themselves)."""
    p_len = valid.shape[1]
    causal = torch.tril(torch.ones(p_len, p_len, dtype=torch.bool, device=valid.device))
    eye = torch.eye(p_len, dtype=torch.bool, device=valid.device)
    return (causal[None] & (valid[:, None, :] | eye[None]))[:, None]


def _batches(prompts, batch_size):
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
    for s in range(0, len(order), batch_size):
        yield order[s:s + batch_size]


@torch.no_grad()
def _run(model, prompts, max_new, temperature, forced, gen, margins):
    c, dev = model.c, next(model.parameters()).device
    ids, valid, positions = _pad_left(prompts, dev)
    b, p_len = ids.shape
    t_max = p_len + max_new
    dtype = torch.bfloat16 if torch.is_autocast_enabled() else next(model.parameters()).dtype
    caches = [(torch.zeros(b, c.n_kv_heads, t_max, c.head_dim, device=dev, dtype=dtype),
               torch.zeros(b, c.n_kv_heads, t_max, c.head_dim, device=dev, dtype=dtype))
              for _ in range(c.n_layers)]
    key_valid = torch.zeros(b, t_max, dtype=torch.bool, device=dev)
    key_valid[:, :p_len] = valid
    logits = model(ids, positions, _prefill_mask(valid), caches, 0)[:, -1].float()
    out = torch.full((b, max_new), PAD, dtype=torch.long, device=dev)
    marg = torch.zeros(b, max_new, device=dev)
    done = torch.zeros(b, dtype=torch.bool, device=dev)
    pos = positions[:, -1:] + 1
    for t in range(max_new):
        if margins:
            top2 = F.softmax(logits, -1).topk(2, dim=-1).values
            marg[:, t] = top2[:, 0] - top2[:, 1]
        if t == 0 and forced is not None:
            nxt = forced.to(dev)
        elif temperature > 0:
            nxt = torch.multinomial(F.softmax(logits / temperature, -1), 1, generator=gen)[:, 0]
        else:
            nxt = logits.argmax(-1)
        nxt = torch.where(done, PAD, nxt)
        out[:, t] = nxt
        done |= nxt == EOS
        if t % 16 == 15 and bool(done.all()):
            break
        key_valid[:, p_len + t] = True
        mask = key_valid[:, None, None, :p_len + t + 1]
        logits = model(nxt[:, None], pos, mask, caches, p_len + t)[:, -1].float()
        pos = pos + 1
    return out.cpu(), marg.cpu()


def generate(model, prompts, max_new=400, temperature=0.0, forced=None, seed=0, margins=False,
             batch_size=2048):
    """-> list of dicts {"ids": generated ids up to and without EOS, "eos": bool,
    "margins": top-1 minus top-2 probability at each generated position (if asked)}."""
    gen = torch.Generator(device=next(model.parameters()).device).manual_seed(seed)
    results = [None] * len(prompts)
    for idx in _batches(prompts, batch_size):
        f = None if forced is None else torch.tensor([forced[i] for i in idx])
        out, marg = _run(model, [prompts[i] for i in idx], max_new, temperature, f, gen, margins)
        for row, i in enumerate(idx):
            toks = out[row].tolist()
            n = toks.index(EOS) if EOS in toks else len(toks)
            results[i] = {"ids": toks[:n], "eos": n < len(toks)}
            if margins:
                results[i]["margins"] = marg[row, :n].tolist()
    return results


@torch.no_grad()
def last_logits(model, prompts, batch_size=256):
    """float32 logits (N, vocab) of the next token after each prompt."""
    dev = next(model.parameters()).device
    res = [None] * len(prompts)
    for idx in _batches(prompts, batch_size):
        ids, valid, positions = _pad_left([prompts[i] for i in idx], dev)
        logits = model(ids, positions, _prefill_mask(valid))[:, -1].float().cpu()
        for row, i in enumerate(idx):
            res[i] = logits[row]
    return torch.stack(res)
