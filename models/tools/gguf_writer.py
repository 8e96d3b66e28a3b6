# SPDX-License-Identifier: Apache-2.0
"""Quorum's GGUF exporter for the `llama` architecture (numpy only), and its reader.

    write_llama_gguf(path, config, tensors, tensor_type, tokenizer, metadata=None)
    metadata, tensors = read_gguf(path)          # dequantised float32, GGUF names, numpy (rows, cols)
    config, hf_tensors = gguf_to_hf(metadata, tensors)   # back to HF names, Q/K permutation undone

`config` holds transformers LlamaConfig keys, `tensors` a HF state dict as float32 numpy arrays
((out, in) matrices). Tensor names and the Q/K row permutation follow llama.cpp's
convert_hf_to_gguf.py (LlamaModel.permute), so llama.cpp's NORM RoPE (adjacent pairs 2i, 2i+1)
computes what transformers' rotate_half RoPE (pairs i, i + d/2) computes.
"""
import numpy as np

import ggml_quants as gq
from gguf_format import FLOAT32, INT32, STRING, TensorData, array, f32, read_gguf_info, tensor_array, u32, write_gguf
from vocab import QUORUM_QA_TEMPLATE, byte_vocab  # noqa: F401  (part of this module's API)

_LAYER = {"input_layernorm": "attn_norm", "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k",
          "self_attn.v_proj": "attn_v", "self_attn.o_proj": "attn_output", "post_attention_layernorm": "ffn_norm",
          "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up", "mlp.down_proj": "ffn_down"}
_GLOBAL = {"model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight",
           "lm_head.weight": "output.weight"}
_ORDER = ["attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "ffn_norm", "ffn_gate", "ffn_up", "ffn_down"]


def permute(w, n_head):
    """llama.cpp convert_hf_to_gguf permute: rows of each head go from (2, d/2) to (d/2, 2) order.
    w: (n_head * head_dim, in). For K pass n_head = num_key_value_heads."""
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def unpermute(w, n_head):
    """Inverse of permute."""
    return w.reshape(n_head, w.shape[0] // n_head // 2, 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def head_dim(config):
    return config.get("head_dim") or config["hidden_size"] // config["num_attention_heads"]


def hf_to_gguf(config, tensors):
    """HF state dict -> {llama.cpp name: float32 array}, Q/K permuted, in llama.cpp's tensor order."""
    heads, kv = config["num_attention_heads"], config.get("num_key_value_heads") or config["num_attention_heads"]
    tied = config.get("tie_word_embeddings", False)
    out = {}
    for name, w in tensors.items():
        w = np.asarray(w, dtype=np.float32)
        if name in _GLOBAL:
            if name == "lm_head.weight" and tied:
                continue
            out[_GLOBAL[name]] = w
            continue
        parts = name.split(".")
        key = ".".join(parts[3:-1])
        if parts[:2] != ["model", "layers"] or key not in _LAYER or parts[-1] != "weight":
            raise ValueError(f"unexpected tensor {name} for arch llama")
        kind = _LAYER[key]
        if kind == "attn_q":
            w = permute(w, heads)
        elif kind == "attn_k":
            w = permute(w, kv)
        out[f"blk.{parts[2]}.{kind}.weight"] = w
    if not tied and "output.weight" not in out:
        raise ValueError("tie_word_embeddings is false but lm_head.weight is missing")
    order = ["token_embd.weight"] + [f"blk.{i}.{k}.weight" for i in range(config["num_hidden_layers"])
                                     for k in _ORDER] + ["output_norm.weight", "output.weight"]
    missing = [n for n in order[:-1] if n not in out]
    if missing:
        raise ValueError(f"missing tensors: {missing}")
    return {n: out[n] for n in order if n in out}


def gguf_to_hf(metadata, tensors):
    """(metadata, GGUF tensors) from read_gguf -> (LlamaConfig dict, HF state dict), permutation undone."""
    a = metadata["general.architecture"]
    heads = metadata[f"{a}.attention.head_count"]
    kv = metadata.get(f"{a}.attention.head_count_kv", heads)
    dim = metadata[f"{a}.embedding_length"]
    config = {"hidden_size": dim, "intermediate_size": metadata[f"{a}.feed_forward_length"],
              "num_hidden_layers": metadata[f"{a}.block_count"], "num_attention_heads": heads,
              "num_key_value_heads": kv, "rms_norm_eps": metadata[f"{a}.attention.layer_norm_rms_epsilon"],
              "rope_theta": metadata.get(f"{a}.rope.freq_base", 10000.0),
              "max_position_embeddings": metadata[f"{a}.context_length"],
              "vocab_size": tensors["token_embd.weight"].shape[0],
              "head_dim": metadata.get(f"{a}.attention.key_length", dim // heads),
              "tie_word_embeddings": "output.weight" not in tensors}
    back = {v: k for k, v in _GLOBAL.items()}
    layer = {v: k for k, v in _LAYER.items()}
    out = {}
    for name, w in tensors.items():
        if name in back:
            out[back[name]] = w
            continue
        _, i, kind, _ = name.split(".")
        if kind == "attn_q":
            w = unpermute(w, heads)
        elif kind == "attn_k":
            w = unpermute(w, kv)
        out[f"model.layers.{i}.{layer[kind]}.weight"] = w
    return config, out


def tokenizer_metadata(tokenizer):
    """Tokenizer dict (see vocab.byte_vocab) -> tokenizer.* GGUF keys with llama.cpp's types."""
    t = dict(tokenizer)
    md = {"tokenizer.ggml.model": t.pop("model")}
    if "pre" in t:
        md["tokenizer.ggml.pre"] = t.pop("pre")
    md["tokenizer.ggml.tokens"] = array(STRING, t.pop("tokens"))
    if "scores" in t:
        md["tokenizer.ggml.scores"] = array(FLOAT32, [float(s) for s in t.pop("scores")])
    md["tokenizer.ggml.token_type"] = array(INT32, t.pop("token_type"))
    if "merges" in t:
        md["tokenizer.ggml.merges"] = array(STRING, t.pop("merges"))
    template = t.pop("chat_template", None)
    for key, value in t.items():
        md[f"tokenizer.ggml.{key}"] = u32(value) if key.endswith("_id") else value
    if template is not None:
        md["tokenizer.chat_template"] = template
    return md


def _tensor_type(name, w, tensor_type):
    if w.ndim == 1:
        return gq.GGML_F32  # norms stay F32, as llama.cpp does
    t = gq.TYPE_IDS[tensor_type]
    if t in (gq.GGML_Q8_0, gq.GGML_Q4_0) and w.shape[-1] % gq.QK:
        raise ValueError(f"{name}: row length {w.shape[-1]} is not a multiple of {gq.QK} for {tensor_type}")
    return t


def write_llama_gguf(path, config, tensors, tensor_type, tokenizer, metadata=None):
    """Write a GGUF v3 file of arch llama. tensor_type: f32, f16, bf16, q8_0 or q4_0 (2-D tensors,
    token_embd included; 1-D norm weights always F32). tokenizer: dict as from vocab.byte_vocab().
    metadata: extra or overriding keys (e.g. general.name, general.description)."""
    if tensor_type not in gq.TYPE_IDS:
        raise ValueError(f"tensor_type must be one of {sorted(gq.TYPE_IDS)}, got {tensor_type}")
    metadata = dict(metadata or {})
    heads = config["num_attention_heads"]
    kv = config.get("num_key_value_heads") or heads
    hd = head_dim(config)
    md = {"general.architecture": "llama",
          "general.name": metadata.pop("general.name", "quorum-llama"),
          "general.license": metadata.pop("general.license", "Apache-2.0"),
          "general.description": metadata.pop("general.description", "Llama-architecture model written by Quorum's exporter"),
          "general.file_type": u32(gq.FILE_TYPES[tensor_type]),
          "general.quantization_version": u32(2),
          "general.alignment": u32(32),
          "llama.context_length": u32(config["max_position_embeddings"]),
          "llama.embedding_length": u32(config["hidden_size"]),
          "llama.block_count": u32(config["num_hidden_layers"]),
          "llama.feed_forward_length": u32(config["intermediate_size"]),
          "llama.attention.head_count": u32(heads),
          "llama.attention.head_count_kv": u32(kv),
          "llama.attention.layer_norm_rms_epsilon": f32(config["rms_norm_eps"]),
          "llama.rope.freq_base": f32(config.get("rope_theta", 10000.0)),
          "llama.rope.dimension_count": u32(hd),
          "llama.vocab_size": u32(config["vocab_size"])}
    if hd * heads != config["hidden_size"]:
        md["llama.attention.key_length"] = u32(hd)
        md["llama.attention.value_length"] = u32(hd)
    md.update(tokenizer_metadata(tokenizer))
    md.update(metadata)
    out = []
    for name, w in hf_to_gguf(config, tensors).items():
        t = _tensor_type(name, w, tensor_type)
        out.append(TensorData(name, t, tuple(reversed(w.shape)), gq.encode(w, t)))
    write_gguf(path, md, out)


def write_tokenizer_gguf(path, tokenizer, metadata=None):
    """A vocabulary-only GGUF (tensor_count 0): general.* keys plus the tokenizer keys."""
    md = {"general.architecture": "llama", "general.name": "quorum-tokenizer", "general.alignment": u32(32)}
    md.update(metadata or {})
    md.update(tokenizer_metadata(tokenizer))
    write_gguf(path, md, [])


def read_gguf(path):
    """-> (metadata dict, {tensor name: dequantised float32 array of shape reversed(ne)})."""
    metadata, _, infos, buf = read_gguf_info(path)
    return metadata, {i.name: tensor_array(i, buf) for i in infos}


__all__ = ["write_llama_gguf", "write_tokenizer_gguf", "read_gguf", "read_gguf_info", "gguf_to_hf", "hf_to_gguf",
           "permute", "unpermute", "byte_vocab", "tokenizer_metadata", "QUORUM_QA_TEMPLATE"]
