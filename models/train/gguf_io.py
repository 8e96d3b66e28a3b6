# SPDX-License-Identifier: Apache-2.0
"""GGUF in and out for our checkpoints, through the project's exporter (models/tools/gguf_writer.py).

The exporter writes llama.cpp tensor names with Q/K rows permuted for llama.cpp's rotary layout;
reading back undoes both, so a GGUF loads into our model (or transformers) with HF names.
"""
import os
import sys

import numpy as np
import torch

from model import DEVICE, Config, from_tensors, load_checkpoint

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import gguf_writer  # noqa: E402

LAYER_NAMES = {"attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
               "attn_output": "self_attn.o_proj", "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj",
               "ffn_down": "mlp.down_proj", "attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm"}
GLOBAL_NAMES = {"token_embd.weight": "model.embed_tokens.weight", "output_norm.weight": "model.norm.weight",
                "output.weight": "lm_head.weight"}


def export(model_dir, path, tensor_type, name, description):
    """Write checkpoint folder `model_dir` (model.pt, config.json) as a GGUF of `tensor_type`."""
    c = Config.load(f"{model_dir}/config.json")
    sd = torch.load(f"{model_dir}/model.pt", map_location="cpu", weights_only=True)
    tensors = {k: v.float().numpy() for k, v in sd.items()}
    meta = {"general.name": name, "general.description": description, "general.license": "Apache-2.0",
            "general.organization": "Quorum"}
    gguf_writer.write_llama_gguf(path, c.hf(), tensors, tensor_type, gguf_writer.byte_vocab(), meta)


def _unpermute(w, n_head):
    """Inverse of llama.cpp's convert_hf_to_gguf permute for Q/K rows."""
    return w.reshape(n_head, w.shape[0] // n_head // 2, 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def read_hf(path):
    """-> (Config, {HF name: float32 array}) dequantised from a GGUF file."""
    meta, tensors = gguf_writer.read_gguf(path)
    arch = meta["general.architecture"]
    heads, kv = meta[f"{arch}.attention.head_count"], meta[f"{arch}.attention.head_count_kv"]
    c = Config(n_layers=meta[f"{arch}.block_count"], d_model=meta[f"{arch}.embedding_length"], n_heads=heads,
               n_kv_heads=kv, d_ff=meta[f"{arch}.feed_forward_length"], vocab=tensors["token_embd.weight"].shape[0],
               rope_theta=float(meta.get(f"{arch}.rope.freq_base", 10000.0)),
               eps=float(meta[f"{arch}.attention.layer_norm_rms_epsilon"]), max_pos=meta[f"{arch}.context_length"])
    out = {}
    for name, arr in tensors.items():
        arr = np.asarray(arr, dtype=np.float32)
        if name in GLOBAL_NAMES:
            out[GLOBAL_NAMES[name]] = arr
            continue
        _, i, kind, _ = name.split(".")
        if kind == "attn_q":
            arr = _unpermute(arr, heads)
        elif kind == "attn_k":
            arr = _unpermute(arr, kv)
        out[f"model.layers.{i}.{LAYER_NAMES[kind]}.weight"] = arr
    return c, out


def load_model(spec, device=DEVICE):
    """A model from a .gguf file (dequantised) or a checkpoint folder."""
    if spec.endswith(".gguf"):
        c, tensors = read_hf(spec)
        return from_tensors(c, tensors, device)
    return load_checkpoint(f"{spec}/model.pt", f"{spec}/config.json", device)
