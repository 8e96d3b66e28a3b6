# SPDX-License-Identifier: Apache-2.0
"""GGUF in and out for our checkpoints, through the project's exporter (models/tools/gguf_writer.py).

The exporter writes llama.cpp tensor names with Q/K rows permuted for llama.cpp's rotary layout;
its reader undoes both, so a GGUF loads into our model (or transformers) with HF names.
"""
import os
import sys

import numpy as np
import torch

from model import DEVICE, Config, from_tensors, load_checkpoint

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import gguf_writer  # noqa: E402



def export(model_dir, path, tensor_type, name, description):
    """Write checkpoint folder `model_dir` (model.pt, config.json) as a GGUF of `tensor_type`."""
    c = Config.load(f"{model_dir}/config.json")
    sd = torch.load(f"{model_dir}/model.pt", map_location="cpu", weights_only=True)
    tensors = {k: v.float().numpy() for k, v in sd.items()}
    meta = {"general.name": name, "general.description": description, "general.license": "Apache-2.0",
            "general.organization": "Quorum"}
    gguf_writer.write_llama_gguf(path, c.hf(), tensors, tensor_type, gguf_writer.byte_vocab(), meta)


def read_hf(path):
    """-> (Config, {HF name: float32 array}) dequantised from a GGUF file."""
    hf, tensors = gguf_writer.gguf_to_hf(*gguf_writer.read_gguf(path))
    c = Config(n_layers=hf["num_hidden_layers"], d_model=hf["hidden_size"], n_heads=hf["num_attention_heads"],
               n_kv_heads=hf["num_key_value_heads"], d_ff=hf["intermediate_size"], vocab=hf["vocab_size"],
               rope_theta=float(hf["rope_theta"]), eps=float(hf["rms_norm_eps"]), max_pos=hf["max_position_embeddings"])
    if hf["head_dim"] != c.head_dim or hf["tie_word_embeddings"]:
        raise ValueError(f"{path}: unsupported layout {hf}")
    return c, {k: np.asarray(v, dtype=np.float32) for k, v in tensors.items()}


def load_model(spec, device=DEVICE):
    """A model from a .gguf file (dequantised) or a checkpoint folder."""
    if spec.endswith(".gguf"):
        c, tensors = read_hf(spec)
        return from_tensors(c, tensors, device)
    return load_checkpoint(f"{spec}/model.pt", f"{spec}/config.json", device)
