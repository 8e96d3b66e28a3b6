# SPDX-License-Identifier: Apache-2.0
"""GGML tensor encodings in numpy, bit for bit as llama.cpp writes them.

Every function works on float32 arrays whose last dimension is the contiguous one (GGUF ne[0]).

- F16:  IEEE binary16, round to nearest even (numpy's cast, like F16C's _mm_cvtps_ph(x, 0)).
- BF16: ggml_compute_fp32_to_bf16 (ggml-impl.h): round to nearest even, NaN made quiet, no flush.
- Q8_0: blocks of 32 -> 34 bytes: f16 d, 32 x int8 q; x = d * q.
        quantize_row_q8_0_ref: d = amax / 127, q = roundf(x * (1/d)) (half away from zero).
- Q4_0: blocks of 32 -> 18 bytes: f16 d, 16 bytes qs; element j < 16 is the low nibble of qs[j],
        element j >= 16 the high nibble of qs[j - 16]; x = d * (nibble - 8).
        quantize_row_q4_0_ref: max = the element of largest magnitude (first one on ties),
        d = max / -8, q = min(15, (int8)(x * (1/d) + 8.5f)).
The scale used while quantising is the float32 d; the f16-rounded d is what is stored and used
when dequantising (as in llama.cpp).
"""
import numpy as np

QK = 32  # block size of Q8_0 and Q4_0 (elements)
Q8_0_BYTES = 34  # f16 scale + 32 int8
Q4_0_BYTES = 18  # f16 scale + 16 bytes of nibbles

# ggml_type ids (ggml.h)
GGML_F32, GGML_F16, GGML_Q4_0, GGML_Q8_0, GGML_BF16 = 0, 1, 2, 8, 30
TYPE_IDS = {"f32": GGML_F32, "f16": GGML_F16, "bf16": GGML_BF16, "q8_0": GGML_Q8_0, "q4_0": GGML_Q4_0}
TYPE_NAMES = {v: k for k, v in TYPE_IDS.items()}
# llama_ftype written as general.file_type (llama.h)
FILE_TYPES = {"f32": 0, "f16": 1, "q4_0": 2, "q8_0": 7, "bf16": 32}


def nbytes(ggml_type, n_elements):
    """Bytes that n_elements take in a tensor of ggml_type."""
    if ggml_type == GGML_F32:
        return 4 * n_elements
    if ggml_type in (GGML_F16, GGML_BF16):
        return 2 * n_elements
    if n_elements % QK:
        raise ValueError(f"{TYPE_NAMES[ggml_type]} needs a multiple of {QK} elements, got {n_elements}")
    return n_elements // QK * (Q8_0_BYTES if ggml_type == GGML_Q8_0 else Q4_0_BYTES)


def _f32(x):
    return np.ascontiguousarray(x, dtype=np.float32)


def _blocks(x):
    x = _f32(x).reshape(-1)
    if x.size % QK:
        raise ValueError(f"row length must be a multiple of {QK}, got {x.size} elements")
    return x.reshape(-1, QK)  # (n_blocks, 32)


def to_f16(x):
    return _f32(x).astype(np.float16).tobytes()


def to_bf16(x):
    u = _f32(x).reshape(-1).view(np.uint32).astype(np.uint64)
    nan = (u & 0x7FFFFFFF) > 0x7F800000
    rounded = (u + 0x7FFF + ((u >> 16) & 1)) >> 16
    bits = np.where(nan, (u >> 16) | 64, rounded) & 0xFFFF
    return bits.astype("<u2").tobytes()


def _roundf(v):
    """C roundf: half away from zero, exact on float32 input."""
    a = np.abs(v)
    floored = np.floor(a)
    return np.sign(v) * (floored + np.floor(np.float32(2) * (a - floored)))


def quantize_q8_0(x):
    b = _blocks(x)
    amax = np.abs(b).max(axis=1)  # (n_blocks,)
    d = (amax / np.float32(127)).astype(np.float32)
    with np.errstate(divide="ignore"):
        inv = np.where(d != 0, np.float32(1) / d, np.float32(0)).astype(np.float32)
    q = _roundf(b * inv[:, None]).astype(np.int8)
    out = np.empty((b.shape[0], Q8_0_BYTES), dtype=np.uint8)
    out[:, :2] = d.astype("<f2").view(np.uint8).reshape(-1, 2)
    out[:, 2:] = q.view(np.uint8)
    return out.tobytes()


def quantize_q4_0(x):
    b = _blocks(x)
    idx = np.abs(b).argmax(axis=1)  # first index of the largest magnitude, like the C loop's strict <
    vmax = b[np.arange(b.shape[0]), idx]
    d = (vmax / np.float32(-8)).astype(np.float32)
    with np.errstate(divide="ignore"):
        inv = np.where(d != 0, np.float32(1) / d, np.float32(0)).astype(np.float32)
    v = (b * inv[:, None]).astype(np.float32) + np.float32(8.5)  # float32 add, as in C
    q = np.minimum(np.trunc(v), 15).astype(np.uint8)  # (int8_t) truncates toward zero; v >= 0 here
    out = np.empty((b.shape[0], Q4_0_BYTES), dtype=np.uint8)
    out[:, :2] = d.astype("<f2").view(np.uint8).reshape(-1, 2)
    out[:, 2:] = q[:, :16] | (q[:, 16:] << 4)
    return out.tobytes()


def encode(x, ggml_type):
    """float32 array -> the bytes of one GGUF tensor of ggml_type."""
    if ggml_type == GGML_F32:
        return _f32(x).astype("<f4").tobytes()
    if ggml_type == GGML_F16:
        return to_f16(x)
    if ggml_type == GGML_BF16:
        return to_bf16(x)
    if ggml_type == GGML_Q8_0:
        return quantize_q8_0(x)
    if ggml_type == GGML_Q4_0:
        return quantize_q4_0(x)
    raise ValueError(f"unsupported ggml type {ggml_type}")


def decode(raw, ggml_type, n_elements):
    """Bytes of one tensor -> float32 vector of n_elements (dequantised)."""
    raw = np.frombuffer(raw, dtype=np.uint8, count=nbytes(ggml_type, n_elements))
    if ggml_type == GGML_F32:
        return raw.view("<f4").astype(np.float32)
    if ggml_type == GGML_F16:
        return raw.view("<f2").astype(np.float32)
    if ggml_type == GGML_BF16:
        return (raw.view("<u2").astype(np.uint32) << 16).view(np.float32)
    if ggml_type == GGML_Q8_0:
        blocks = raw.reshape(-1, Q8_0_BYTES)
        d = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n_blocks, 1)
        q = blocks[:, 2:].view(np.int8).astype(np.float32)
        return (d * q).reshape(-1)
    if ggml_type == GGML_Q4_0:
        blocks = raw.reshape(-1, Q4_0_BYTES)
        d = blocks[:, :2].copy().view("<f2").astype(np.float32)
        qs = blocks[:, 2:]
        q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - np.float32(8)
        return (d * q).reshape(-1)
    raise ValueError(f"unsupported ggml type {ggml_type}")
