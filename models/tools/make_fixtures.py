# SPDX-License-Identifier: Apache-2.0
"""Build the engine's reference fixtures with transformers / tokenizers / sentencepiece.

  python3 models/tools/make_fixtures.py --out DIR [--seed 1234] [--device auto]

Writes, for random-weight LlamaForCausalLM models exported by gguf_writer (llama-tied-f32,
llama-untied-{f32,f16,bf16,q8_0,q4_0}; weight seeds screened so that greedy decoding is decided by
clear margins, see MIN_*): X.gguf, X.ref.json + X.logits.f32 (teacher-forced float32
logits, shape (T, V), little-endian) and X.greedy.json (48 greedy tokens with their top-2 margins);
and the tokenizer fixtures of tokenizer_fixtures.py. Every reference is computed by transformers in
float32 with TF32 off, eager attention, from the weights read back (dequantised) from the very GGUF
file, with the Q/K permutation undone. Cross-checks go to DIR/fixtures-log.txt: a float64 CPU run of
the same HF model and tools/numpy_llama.py (llama.cpp's NORM RoPE on the stored rows).
"""
import argparse
import json
import os
import platform
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ggml_quants as gq  # noqa: E402
import gguf_writer  # noqa: E402
import numpy_llama  # noqa: E402
import tokenizer_fixtures  # noqa: E402
from make_random_gguf import random_llama  # noqa: E402

BASE = {"rms_norm_eps": 1e-5, "max_position_embeddings": 256, "vocab_size": 259}
MODELS = {
    # MQA, head_dim 32, tied output: small embeddings (so layers, not the current token, decide the
    # next one) and a final norm gain of 3 so that logits = (norm(x) * g) . E have std ~2.4
    "llama-tied": (dict(BASE, hidden_size=64, intermediate_size=192, num_hidden_layers=2, num_attention_heads=2,
                        num_key_value_heads=1, rope_theta=10000.0, tie_word_embeddings=True),
                   dict(embed_std=0.1, qk_gain=2.0, final_norm_gain=3.0, norm_jitter=0.2), ["f32"]),
    # GQA 8 query / 2 KV heads, head_dim 16, separate output (logit std ~2.5), Llama-3 RoPE base
    "llama-untied": (dict(BASE, hidden_size=128, intermediate_size=224, num_hidden_layers=3, num_attention_heads=8,
                          num_key_value_heads=2, rms_norm_eps=1e-6, rope_theta=500000.0, tie_word_embeddings=False),
                     dict(embed_std=1.0, qk_gain=2.0, out_gain=2.5, norm_jitter=0.2),
                     ["f32", "f16", "bf16", "q8_0", "q4_0"]),
}
TEXT = "Q: Tom has 427 shells. He gives away 188. Café? 日本\nLet's think step by step.\n"
N_GENERATE = 48
PROMPT_LEN = 16
# a weight seed is kept only if, for every file type of the model (numpy, float64, dequantised weights),
# greedy top-2 margins are all >= MIN_GREEDY_MARGIN, teacher-forced ones >= MIN_TF_MARGIN, and greedy
# decoding does not collapse into a loop (>= MIN_DISTINCT distinct tokens of 48)
MIN_GREEDY_MARGIN, MIN_TF_MARGIN, MIN_DISTINCT, MAX_TRIES = 0.01, 0.003, 16, 300


class Log:
    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8")

    def __call__(self, *parts):
        line = " ".join(str(p) for p in parts)
        print(line, flush=True)
        self.f.write(line + "\n")
        self.f.flush()


def hf_model(config, state_dict, torch, transformers, device, dtype):
    cfg = transformers.LlamaConfig(**{k: v for k, v in config.items() if k != "head_dim"},
                                   head_dim=config.get("head_dim") or config["hidden_size"] // config["num_attention_heads"],
                                   attn_implementation="eager", bos_token_id=256, eos_token_id=257, pad_token_id=258)
    model = transformers.LlamaForCausalLM(cfg)
    sd = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state_dict.items()}
    missing, unexpected = model.load_state_dict(sd, strict=False)
    allowed = {"lm_head.weight"} if config["tie_word_embeddings"] else set()
    if set(missing) - allowed or unexpected:
        raise RuntimeError(f"state dict mismatch: missing {missing}, unexpected {unexpected}")
    if config["tie_word_embeddings"] and model.lm_head.weight.data_ptr() != model.model.embed_tokens.weight.data_ptr():
        raise RuntimeError("lm_head is not tied to embed_tokens")
    return model.to(device=device, dtype=dtype).eval()


def logits_of(model, tokens, torch, device):
    with torch.no_grad():
        ids = torch.tensor([tokens], device=device)
        return model(input_ids=ids, use_cache=False).logits[0].double().cpu().numpy()


def margins(rows):
    top = np.sort(rows, axis=-1)[..., -2:]
    return top[..., 1] - top[..., 0]


def greedy(model, prompt, n, torch, device):
    ids, gaps = list(prompt), []
    for _ in range(n):
        row = logits_of(model, ids, torch, device)[-1].astype(np.float32)
        ids.append(int(np.argmax(row)))
        gaps.append(float(margins(row)))
    return ids[len(prompt):], gaps


def describe(name, m):
    m = np.asarray(m)
    return (f"{name}: min {m.min():.4f} median {np.median(m):.4f} "
            f"<0.01: {(m < 0.01).sum()}/{m.size} <0.05: {(m < 0.05).sum()}/{m.size}")


def screen(config, weights, types, tokens):
    """(ok, per-type (distinct greedy tokens, min greedy margin, min teacher-forced margin))."""
    g = gguf_writer.hf_to_gguf(config, weights)
    md = {"general.architecture": "llama", "llama.block_count": config["num_hidden_layers"],
          "llama.attention.head_count": config["num_attention_heads"],
          "llama.attention.head_count_kv": config["num_key_value_heads"],
          "llama.embedding_length": config["hidden_size"],
          "llama.attention.layer_norm_rms_epsilon": config["rms_norm_eps"], "llama.rope.freq_base": config["rope_theta"]}
    stats = []
    for t in types:
        code = gq.TYPE_IDS[t]
        m = numpy_llama.Llama(md, {k: gq.decode(gq.encode(v, code), code, v.size).reshape(v.shape) if v.ndim == 2
                                   else v for k, v in g.items()})
        ids, gaps = list(tokens[:PROMPT_LEN]), []
        for _ in range(N_GENERATE):
            row = m.forward(ids)[-1]
            ids.append(int(np.argmax(row)))
            gaps.append(float(margins(row)))
        stats.append((len(set(ids[PROMPT_LEN:])), min(gaps), float(margins(m.forward(tokens)).min())))
    ok = all(d >= MIN_DISTINCT and gm >= MIN_GREEDY_MARGIN and tm >= MIN_TF_MARGIN for d, gm, tm in stats)
    return ok, stats


def choose_weights(model_name, seed, tokens, log):
    config, gains, types = MODELS[model_name]
    for s in range(seed, seed + MAX_TRIES):
        weights = random_llama(config, s, **gains)
        ok, stats = screen(config, weights, types, tokens)
        if ok:
            log(f"{model_name}: weight seed {s} ({s - seed + 1} tried; gains {gains}); numpy screen per type "
                + ", ".join(f"{t}: {d} distinct, min greedy margin {gm:.4f}, min teacher-forced {tm:.4f}"
                            for t, (d, gm, tm) in zip(types, stats)))
            return s, weights
    raise RuntimeError(f"{model_name}: no seed in [{seed}, {seed + MAX_TRIES}) passes the margin screen")


def model_fixtures(out, seed, device, log, torch, transformers):
    tokens = [256] + list(TEXT.encode("utf-8"))
    log(f"teacher-forced tokens: T={len(tokens)} (BOS + UTF-8 bytes of {TEXT!r}); greedy prompt = first {PROMPT_LEN}")
    for model_name, (config, _, types) in MODELS.items():
        wseed, weights = choose_weights(model_name, seed, tokens, log)
        f32_logits = None
        for t in types:
            name = f"{model_name}-{t}"
            path = os.path.join(out, name + ".gguf")
            gguf_writer.write_llama_gguf(path, config, weights, t, gguf_writer.byte_vocab(), {
                "general.name": name,
                "general.description": f"Random-weight reference fixture (weight seed {wseed}) for the Quorum engine tests."})
            metadata, tensors = gguf_writer.read_gguf(path)
            _, sd = gguf_writer.gguf_to_hf(metadata, tensors)
            if t == "f32":
                assert all(np.array_equal(sd[k], v) for k, v in weights.items() if k in sd), "f32 round trip"
            model = hf_model(config, sd, torch, transformers, device, torch.float32)
            logits = logits_of(model, tokens, torch, device).astype(np.float32)  # (T, V)
            logits.astype("<f4").tofile(os.path.join(out, name + ".logits.f32"))
            # cross-checks: float64 on the CPU, and llama.cpp's formulation in numpy (float64)
            ref64 = logits_of(hf_model(config, sd, torch, transformers, "cpu", torch.float64), tokens, torch, "cpu")
            np64 = numpy_llama.Llama(metadata, tensors).forward(tokens)
            d64, dnp = np.abs(logits - ref64).max(), np.abs(ref64 - np64).max()
            same_argmax = bool((logits.argmax(-1) == ref64.argmax(-1)).all())
            log(f"{name}: {os.path.getsize(path)} bytes; logits std {logits.std():.3f}; "
                f"max|f32-f64| {d64:.2e}; max|HF f64 - numpy NORM-RoPE f64| {dnp:.2e}; argmax f32==f64: {same_argmax}")
            log("  " + describe("teacher-forced top-2 margins", margins(logits)))
            if f32_logits is None:
                f32_logits = logits
            else:
                log(f"  quantisation effect vs {model_name}-f32: max|dlogit| {np.abs(logits - f32_logits).max():.4f}, "
                    f"argmax agree {(logits.argmax(-1) == f32_logits.argmax(-1)).mean():.3f}")
            if t in ("q8_0", "q4_0"):  # what llama.cpp-style Q8_0 activations would cost, for the tolerance note
                actq = numpy_llama.Llama(metadata, tensors, np.float32, [k for k, v in tensors.items() if v.ndim == 2])
                aq = actq.forward(tokens)
                log(f"  numpy float32 with Q8_0-rounded activations: max|dlogit| {np.abs(aq - logits).max():.3f}, "
                    f"argmax agree {(aq.argmax(-1) == logits.argmax(-1)).mean():.3f}")
            if dnp > 1e-3 or not same_argmax:  # HF computes RoPE angles in float32 even in a float64 model
                raise RuntimeError(f"{name}: reference cross-check failed")
            note = (f"transformers {transformers.__version__} LlamaForCausalLM, float32, TF32 off, eager attention, on "
                    f"{device}; max |float32 - float64| over all logits = {d64:.2e}; min top-2 margin "
                    f"{margins(logits).min():.4f}. ")
            note += ("Weights exactly as stored (F32)." if t == "f32" else
                     f"Weights dequantised from this {t} file, so only the engine's arithmetic differs; an engine "
                     "that keeps activations in F32 should meet the F32 tolerance (1e-3 absolute); one that rounds "
                     "activations (F16, or Q8_0 as llama.cpp does) needs a wider bound.")
            with open(os.path.join(out, name + ".ref.json"), "w") as f:
                json.dump({"model": name + ".gguf", "tokens": tokens, "vocab_size": logits.shape[1],
                           "n_tokens": len(tokens), "logits": name + ".logits.f32", "tolerance_note": note}, f, indent=1)
            prompt = tokens[:PROMPT_LEN]
            gen, gaps = greedy(model, prompt, N_GENERATE, torch, device)
            log("  " + describe(f"greedy top-2 margins ({N_GENERATE} steps)", gaps)
                + f"; {len(set(gen))} distinct; generated {gen[:10]}...")
            with open(os.path.join(out, name + ".greedy.json"), "w") as f:
                json.dump({"model": name + ".gguf", "prompt": prompt, "generated": gen, "top2_margins": gaps,
                           "note": "argmax over all 259 ids at every step, EOS not treated as a stop (ignore_eos)"},
                          f, indent=1)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--device", default="auto", help="auto (cuda if present), cuda or cpu")
    ap.add_argument("--skip-models", action="store_true")
    ap.add_argument("--skip-tokenizers", action="store_true")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    log = Log(os.path.join(a.out, "fixtures-log.txt"))
    import torch
    import transformers
    device = ("cuda" if torch.cuda.is_available() else "cpu") if a.device == "auto" else a.device
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.set_float32_matmul_precision("highest")
    torch.manual_seed(a.seed)
    log(f"make_fixtures.py --seed {a.seed}: python {platform.python_version()}, numpy {np.__version__}, "
        f"torch {torch.__version__}, transformers {transformers.__version__}, device {device}"
        + (f" ({torch.cuda.get_device_name(0)})" if device == "cuda" else "")
        + f"; allow_tf32 matmul={torch.backends.cuda.matmul.allow_tf32} cudnn={torch.backends.cudnn.allow_tf32}")
    if not a.skip_models:
        model_fixtures(a.out, a.seed, device, log, torch, transformers)
    if not a.skip_tokenizers:
        tokenizer_fixtures.build(a.out, a.seed, log)
    log("files: " + ", ".join(f"{n} {os.path.getsize(os.path.join(a.out, n))}" for n in sorted(os.listdir(a.out))))


if __name__ == "__main__":
    main()
