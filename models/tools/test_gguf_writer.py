# SPDX-License-Identifier: Apache-2.0
"""Self-test of the GGUF exporter (numpy only): python3 models/tools/test_gguf_writer.py"""
import math
import os
import struct
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ggml_quants as gq  # noqa: E402
import gguf_format as gf  # noqa: E402
import gguf_writer as gw  # noqa: E402

F = np.float32


def c_q8_0(block):
    """Scalar transliteration of llama.cpp quantize_row_q8_0_ref for one block of 32 float32."""
    amax = F(0)
    for v in block:
        amax = max(amax, F(abs(v)))
    d = F(amax / F(127))
    inv = F(F(1) / d) if d else F(0)
    qs = []
    for v in block:
        x = float(F(v * inv))
        qs.append(int(math.copysign(math.floor(abs(x) + 0.5), x)))  # roundf on an exact float
    return np.float16(d).tobytes() + np.array(qs, dtype=np.int8).tobytes()


def c_q4_0(block):
    """Scalar transliteration of llama.cpp quantize_row_q4_0_ref for one block of 32 float32."""
    amax, vmax = F(0), F(0)
    for v in block:
        if amax < abs(v):
            amax, vmax = F(abs(v)), F(v)
    d = F(vmax / F(-8))
    inv = F(F(1) / d) if d else F(0)
    q = [min(15, int(F(F(v * inv) + F(8.5)))) for v in block]  # int() truncates like (int8_t)
    return np.float16(d).tobytes() + bytes(q[j] | (q[j + 16] << 4) for j in range(16))


def test_quantisers_match_reference():
    rng = np.random.default_rng(7)
    x = np.concatenate([rng.normal(size=32 * 40).astype(F),
                        np.zeros(32, F),  # all-zero block: d = 0
                        np.full(32, 2.5, F),  # constant block
                        (np.arange(32, dtype=F) - 16) / 8,  # exact halves after scaling
                        rng.normal(scale=1e-3, size=32).astype(F),
                        np.where(np.arange(32) == 5, F(-3), F(3))]).astype(F)  # ties of |max|: first wins
    for t, ref in ((gq.GGML_Q8_0, c_q8_0), (gq.GGML_Q4_0, c_q4_0)):
        got = gq.encode(x, t)
        want = b"".join(ref(x[i:i + 32]) for i in range(0, x.size, 32))
        assert got == want, f"{gq.TYPE_NAMES[t]} differs from the C reference"
        back = gq.decode(got, t, x.size)
        # Q8_0: half a step of amax/127; Q4_0: up to amax/8 (the side opposite the max clamps at +7);
        # plus the f16 rounding of d (absolute for tiny blocks, whose d is an f16 subnormal)
        bound = 0.5 / 127 if t == gq.GGML_Q8_0 else 1 / 8
        for i in range(0, x.size, 32):
            amax = np.abs(x[i:i + 32]).max()
            assert np.abs(back[i:i + 32] - x[i:i + 32]).max() <= amax * (bound + 1e-3) + 4e-6


def test_half_and_bf16():
    x = np.array([1.0, -2.5, 65504.0, 1e-8, 3.14159, 1.0 + 2**-8, 1.0 + 3 * 2**-8, 1e-40, np.inf, -0.0], F)
    assert gq.decode(gq.to_f16(x), gq.GGML_F16, x.size).tobytes() == x.astype(np.float16).astype(F).tobytes()
    bits = np.frombuffer(gq.to_bf16(x), "<u2")
    assert bits[0] == 0x3F80 and bits[1] == 0xC020
    assert bits[5] == 0x3F80, "ties round to even (down)"
    assert bits[6] == 0x3F82, "ties round to even (up)"
    assert bits[7] == np.float32(1e-40).view(np.uint32) >> 16, "subnormals are kept, not flushed"
    assert bits[8] == 0x7F80 and bits[9] == 0x8000
    nan = np.frombuffer(gq.to_bf16(np.array([np.nan], F)), "<u2")[0]
    assert (nan & 0x7F80) == 0x7F80 and (nan & 0x0040), "NaN stays a quiet NaN"
    y = np.random.default_rng(1).normal(size=1000).astype(F)
    back = gq.decode(gq.to_bf16(y), gq.GGML_BF16, y.size)
    assert np.all(np.abs(back - y) <= np.abs(y) * 2**-8)


def rope_hf(q, pos, theta):
    """transformers rotate_half RoPE on (heads, head_dim): pairs (i, i + d/2)."""
    d = q.shape[-1]
    inv = theta ** (-np.arange(0, d, 2) / d)
    c, s = np.cos(pos * inv), np.sin(pos * inv)
    a, b = q[..., :d // 2], q[..., d // 2:]
    return np.concatenate([a * c - b * s, b * c + a * s], axis=-1)


def rope_norm(q, pos, theta):
    """llama.cpp NORM RoPE on (heads, head_dim): adjacent pairs (2i, 2i + 1)."""
    d = q.shape[-1]
    inv = theta ** (-np.arange(0, d, 2) / d)
    c, s = np.cos(pos * inv), np.sin(pos * inv)
    a, b = q[..., 0::2], q[..., 1::2]
    out = np.empty_like(q)
    out[..., 0::2], out[..., 1::2] = a * c - b * s, a * s + b * c
    return out


def test_permutation_turns_hf_rope_into_norm_rope():
    rng = np.random.default_rng(3)
    heads, hd, dim = 4, 16, 32
    w = rng.normal(size=(heads * hd, dim))
    x = rng.normal(size=dim)
    assert np.array_equal(gw.unpermute(gw.permute(w, heads), heads), w)
    for pos in (0, 1, 7, 100):
        hf = rope_hf((w @ x).reshape(heads, hd), pos, 10000.0)
        ours = rope_norm((gw.permute(w, heads) @ x).reshape(heads, hd), pos, 10000.0)
        # same dot products between any two rotated vectors: q·k is invariant under the permutation
        assert np.allclose(gw.permute(hf.reshape(-1, 1), heads).reshape(heads, hd), ours)


def test_all_metadata_types_round_trip():
    md = {"a.u8": gf.Typed(gf.UINT8, 200), "a.i8": gf.Typed(gf.INT8, -100), "a.u16": gf.Typed(gf.UINT16, 60000),
          "a.i16": gf.Typed(gf.INT16, -30000), "a.u32": gf.u32(4000000000), "a.i32": gf.i32(-5),
          "a.f32": gf.f32(0.5), "a.bool": True, "a.str": "héllo ✓", "a.u64": gf.Typed(gf.UINT64, 2**60),
          "a.i64": gf.Typed(gf.INT64, -2**60), "a.f64": gf.Typed(gf.FLOAT64, 1e-300),
          "a.arr": gf.array(gf.INT32, [1, -2, 3]), "a.strs": ["x", "", "ÿ"], "a.empty": gf.array(gf.STRING, []),
          "a.nested": gf.array(gf.ARRAY, [gf.array(gf.UINT8, [1, 2]), gf.array(gf.STRING, ["q"])])}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "m.gguf")
        gf.write_gguf(path, md, [])
        got, types, infos, buf = gf.read_gguf_info(path)
    assert list(got) == list(md) and infos == [] and len(buf) % 32 == 0
    want = {k: (v.value if isinstance(v, gf.Typed) else v) for k, v in md.items()}
    want["a.nested"] = [[1, 2], ["q"]]
    assert got == want, (got, want)
    assert [types[k] for k in ("a.u8", "a.i8", "a.u16", "a.i16", "a.u32", "a.i32", "a.f32", "a.bool", "a.str",
                               "a.arr", "a.u64", "a.i64", "a.f64")] == list(range(13))
    assert buf[:4] == b"GGUF" and struct.unpack_from("<IQQ", buf, 4) == (3, 0, len(md))


def tiny_model(tied):
    rng = np.random.default_rng(11)
    cfg = {"hidden_size": 64, "intermediate_size": 96, "num_hidden_layers": 2, "num_attention_heads": 4,
           "num_key_value_heads": 2, "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "max_position_embeddings": 128,
           "vocab_size": 259, "tie_word_embeddings": tied}
    shapes = {"model.embed_tokens.weight": (259, 64), "model.norm.weight": (64,)}
    for i in range(2):
        p = f"model.layers.{i}."
        shapes.update({p + "input_layernorm.weight": (64,), p + "self_attn.q_proj.weight": (64, 64),
                       p + "self_attn.k_proj.weight": (32, 64), p + "self_attn.v_proj.weight": (32, 64),
                       p + "self_attn.o_proj.weight": (64, 64), p + "post_attention_layernorm.weight": (64,),
                       p + "mlp.gate_proj.weight": (96, 64), p + "mlp.up_proj.weight": (96, 64),
                       p + "mlp.down_proj.weight": (64, 96)})
    if not tied:
        shapes["lm_head.weight"] = (259, 64)
    return cfg, {k: rng.normal(size=s).astype(F) for k, s in shapes.items()}


def test_llama_files_round_trip():
    with tempfile.TemporaryDirectory() as d:
        for tied in (True, False):
            cfg, sd = tiny_model(tied)
            for t in ("f32", "f16", "bf16", "q8_0", "q4_0"):
                path = os.path.join(d, f"{t}.gguf")
                gw.write_llama_gguf(path, cfg, sd, t, gw.byte_vocab(), {"general.name": "tiny"})
                md, types, infos, buf = gf.read_gguf_info(path)
                assert md["general.architecture"] == "llama" and md["general.name"] == "tiny"
                assert md["general.file_type"] == gq.FILE_TYPES[t] and md["llama.block_count"] == 2
                assert md["llama.attention.head_count_kv"] == 2 and md["llama.rope.dimension_count"] == 16
                assert md["tokenizer.ggml.merges"] == [] and types["tokenizer.ggml.merges"] == gf.ARRAY
                assert md["tokenizer.ggml.bos_token_id"] == 256 and "quorum-qa" in md["tokenizer.chat_template"]
                assert ("output.weight" in [i.name for i in infos]) != tied
                assert all(i.offset % 32 == 0 for i in infos)
                for i in infos:
                    assert (i.ggml_type == gq.GGML_F32) if len(i.ne) == 1 else (i.ggml_type == gq.TYPE_IDS[t])
                _, gt = gw.read_gguf(path)
                cfg2, back = gw.gguf_to_hf(md, gt)
                assert cfg2["num_key_value_heads"] == 2 and cfg2["tie_word_embeddings"] == tied
                # expected: each stored (permuted) tensor encoded and decoded, then the permutation undone
                stored = {k: _codec(v, t) for k, v in gw.hf_to_gguf(cfg, sd).items()}
                assert all(np.array_equal(gt[k], v) for k, v in stored.items())
                expect = gw.gguf_to_hf(md, stored)[1]
                assert sorted(back) == sorted(k for k in sd if not (tied and k == "lm_head.weight"))
                for name, w in back.items():
                    assert np.array_equal(w, expect[name]), (t, name)
                    if t == "f32" or w.ndim == 1:
                        assert np.array_equal(w, sd[name]), (t, name)
                    else:
                        assert np.abs(w - sd[name]).max() < 0.2 * np.abs(sd[name]).max(), (t, name)


def _codec(w, t):
    gt = gq.TYPE_IDS[t] if w.ndim == 2 else gq.GGML_F32
    return gq.decode(gq.encode(w, gt), gt, w.size).reshape(w.shape)


def test_tokenizer_only_file():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "tok.gguf")
        gw.write_tokenizer_gguf(path, gw.byte_vocab())
        md, _, infos, buf = gf.read_gguf_info(path)
    assert infos == [] and struct.unpack_from("<Q", buf, 8)[0] == 0
    assert len(md["tokenizer.ggml.tokens"]) == 259 and md["tokenizer.ggml.tokens"][32] == "Ġ"
    assert md["tokenizer.ggml.token_type"][256:] == [3, 3, 3] and md["tokenizer.ggml.add_bos_token"] is True


if __name__ == "__main__":
    tests = [v for k, v in sorted(globals().items()) if k.startswith("test_")]
    for test in tests:
        test()
        print("ok", test.__name__)
    print(f"{len(tests)} tests passed")
