# SPDX-License-Identifier: Apache-2.0
"""Write a random-weight Llama-architecture GGUF for engine benchmarks (numpy only).

Examples:
  # ~110M parameters, the benchmark anchor
  python3 models/tools/make_random_gguf.py --layers 12 --dim 768 --heads 12 --kv-heads 12 --ffn 2048 \\
      --vocab 32000 --type q8_0 --out /path/random-110m-q8_0.gguf --seed 1
  # ~15M parameters (per-token overhead)
  python3 models/tools/make_random_gguf.py --layers 6 --dim 288 --heads 6 --kv-heads 6 --ffn 768 \\
      --vocab 32000 --type q8_0 --out /path/random-15m-q8_0.gguf --seed 1

--vocab 259 writes the shipped byte vocabulary; any other size a synthetic byte-level BPE vocabulary
(gpt2 model, llama-bpe pre-tokenizer, bytes + merges + <|begin_of_text|>, <|end_of_text|>).
Output tied to token_embd unless --untied. Weights are N(0, 1/in_features) (embeddings N(0, 1)), norms 1 + N(0, 0.1^2): random but well scaled.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gguf_writer  # noqa: E402
import vocab  # noqa: E402


def random_llama(config, seed, embed_std=1.0, qk_gain=1.0, out_gain=1.0, norm_jitter=0.1, final_norm_gain=1.0):
    """HF state dict (float32) of random weights for a LlamaConfig dict: matrices N(0, 1/in) times a
    gain (q/k rows scaled by qk_gain, lm_head by out_gain), embeddings N(0, embed_std^2),
    norms 1 + N(0, norm_jitter^2) (the final norm times final_norm_gain)."""
    rng = np.random.default_rng(seed)
    dim, ffn, vocab_size = config["hidden_size"], config["intermediate_size"], config["vocab_size"]
    hd = config.get("head_dim") or dim // config["num_attention_heads"]
    q, kv = config["num_attention_heads"] * hd, config["num_key_value_heads"] * hd

    def w(rows, cols, gain=1.0):  # (out, in)
        return (rng.standard_normal((rows, cols), dtype=np.float32) * np.float32(gain / np.sqrt(cols)))

    def norm():
        return (1 + norm_jitter * rng.standard_normal(dim, dtype=np.float32)).astype(np.float32)

    sd = {"model.embed_tokens.weight": rng.standard_normal((vocab_size, dim), dtype=np.float32) * np.float32(embed_std)}
    for i in range(config["num_hidden_layers"]):
        p = f"model.layers.{i}."
        sd.update({p + "input_layernorm.weight": norm(), p + "self_attn.q_proj.weight": w(q, dim, qk_gain),
                   p + "self_attn.k_proj.weight": w(kv, dim, qk_gain), p + "self_attn.v_proj.weight": w(kv, dim),
                   p + "self_attn.o_proj.weight": w(dim, q), p + "post_attention_layernorm.weight": norm(),
                   p + "mlp.gate_proj.weight": w(ffn, dim), p + "mlp.up_proj.weight": w(ffn, dim),
                   p + "mlp.down_proj.weight": w(dim, ffn)})
    sd["model.norm.weight"] = norm() * np.float32(final_norm_gain)
    if not config["tie_word_embeddings"]:
        sd["lm_head.weight"] = w(vocab_size, dim, out_gain)
    return sd


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layers", type=int, default=12)
    ap.add_argument("--dim", type=int, default=768)
    ap.add_argument("--heads", type=int, default=12)
    ap.add_argument("--kv-heads", type=int, default=None, help="default: --heads")
    ap.add_argument("--ffn", type=int, default=2048)
    ap.add_argument("--vocab", type=int, default=32000)
    ap.add_argument("--context", type=int, default=2048)
    ap.add_argument("--theta", type=float, default=10000.0)
    ap.add_argument("--untied", action="store_true",
                    help="write a separate output.weight (default: tied, token_embd is the output, as in the anchors)")
    ap.add_argument("--type", default="q8_0", choices=["f32", "f16", "bf16", "q8_0", "q4_0"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    config = {"hidden_size": a.dim, "intermediate_size": a.ffn, "num_hidden_layers": a.layers,
              "num_attention_heads": a.heads, "num_key_value_heads": a.kv_heads or a.heads, "rms_norm_eps": 1e-5,
              "rope_theta": a.theta, "max_position_embeddings": a.context, "vocab_size": a.vocab,
              "tie_word_embeddings": not a.untied}
    tensors = random_llama(config, a.seed)
    n_params = sum(t.size for t in tensors.values())
    tok = vocab.byte_vocab() if a.vocab == 259 else vocab.synthetic_bpe_vocab(a.vocab, a.seed)
    name = f"random-llama-{n_params / 1e6:.0f}m"
    gguf_writer.write_llama_gguf(a.out, config, tensors, a.type, tok, {
        "general.name": name,
        "general.description": f"Random weights (seed {a.seed}) for engine benchmarks; not a language model."})
    print(f"{a.out}: {name}, {n_params:,} parameters, {a.type}, {os.path.getsize(a.out):,} bytes")


if __name__ == "__main__":
    main()
