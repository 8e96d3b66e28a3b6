# SPDX-License-Identifier: Apache-2.0
"""GGUF v3 container: typed metadata values, the writer and the reader (numpy only).

Layout (little-endian): magic "GGUF", u32 version 3, u64 tensor_count, u64 kv_count, the key/values
(u64-length string key, u32 value type, value), the tensor infos (name, u32 n_dims, u64 ne[n_dims],
u32 ggml type, u64 offset relative to the data section), zero padding to general.alignment (32),
then the tensor data, each tensor starting at a multiple of the alignment.
"""
import struct
from dataclasses import dataclass

import numpy as np

import ggml_quants as gq

MAGIC = b"GGUF"
VERSION = 3
ALIGNMENT = 32

# gguf_type (gguf.h): metadata value types
UINT8, INT8, UINT16, INT16, UINT32, INT32, FLOAT32, BOOL, STRING, ARRAY, UINT64, INT64, FLOAT64 = range(13)
_SCALAR = {UINT8: "<B", INT8: "<b", UINT16: "<H", INT16: "<h", UINT32: "<I", INT32: "<i", FLOAT32: "<f",
           BOOL: "<?", UINT64: "<Q", INT64: "<q", FLOAT64: "<d"}


@dataclass(frozen=True)
class Typed:
    """A metadata value with an explicit GGUF type; for ARRAY, elem_type names the element type."""
    vtype: int
    value: object
    elem_type: int | None = None


def u32(v):
    return Typed(UINT32, int(v))


def i32(v):
    return Typed(INT32, int(v))


def f32(v):
    return Typed(FLOAT32, float(v))


def array(elem_type, values):
    return Typed(ARRAY, list(values), elem_type)


def _infer(value):
    """Python value -> Typed: str STRING, bool BOOL, int UINT32 (INT32 if negative, 64-bit if large),
    float FLOAT32, list ARRAY of the first element's type (empty list: array of STRING)."""
    if isinstance(value, Typed):
        return value
    if isinstance(value, str):
        return Typed(STRING, value)
    if isinstance(value, (bool, np.bool_)):
        return Typed(BOOL, bool(value))
    if isinstance(value, (int, np.integer)):
        v = int(value)
        if 0 <= v < 2**32:
            return Typed(UINT32, v)
        if -2**31 <= v < 0:
            return Typed(INT32, v)
        return Typed(UINT64 if v > 0 else INT64, v)
    if isinstance(value, (float, np.floating)):
        return Typed(FLOAT32, float(value))
    if isinstance(value, (list, tuple)):
        elem = _infer(value[0]).vtype if value else STRING
        return Typed(ARRAY, list(value), elem)
    raise TypeError(f"cannot store {type(value).__name__} in GGUF metadata")


def _string(s):
    b = s.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def _value(vtype, value, elem_type=None):
    if vtype == STRING:
        return _string(value)
    if vtype == ARRAY:
        if isinstance(value, Typed):
            value = value.value
        out = [struct.pack("<IQ", elem_type, len(value))]
        for item in value:
            if elem_type == ARRAY:  # nested arrays: each item a Typed array
                t = _infer(item)
                out.append(_value(ARRAY, t.value, t.elem_type))
            else:
                out.append(_value(elem_type, item.value if isinstance(item, Typed) else item))
        return b"".join(out)
    return struct.pack(_SCALAR[vtype], value)


@dataclass
class TensorData:
    """One tensor to write: ne is GGUF order (ne[0] contiguous), data its encoded bytes."""
    name: str
    ggml_type: int
    ne: tuple
    data: bytes


def _pad(n):
    return (ALIGNMENT - n % ALIGNMENT) % ALIGNMENT


def write_gguf(path, metadata, tensors):
    """metadata: dict key -> python value or Typed (insertion order kept); tensors: list of TensorData."""
    kv = [_string(k) + struct.pack("<I", t.vtype) + _value(t.vtype, t.value, t.elem_type)
          for k, t in ((k, _infer(v)) for k, v in metadata.items())]
    infos, offset = [], 0
    for t in tensors:
        expected = gq.nbytes(t.ggml_type, int(np.prod(t.ne)))
        if len(t.data) != expected:
            raise ValueError(f"{t.name}: {len(t.data)} bytes, expected {expected}")
        infos.append(_string(t.name) + struct.pack("<I", len(t.ne)) + struct.pack(f"<{len(t.ne)}Q", *t.ne)
                     + struct.pack("<IQ", t.ggml_type, offset))
        offset += len(t.data) + _pad(len(t.data))
    header = MAGIC + struct.pack("<IQQ", VERSION, len(tensors), len(kv)) + b"".join(kv) + b"".join(infos)
    with open(path, "wb") as f:
        f.write(header + b"\0" * _pad(len(header)))
        for t in tensors:
            f.write(t.data + b"\0" * _pad(len(t.data)))


class _Reader:
    def __init__(self, buf):
        self.buf, self.pos = buf, 0

    def scalar(self, fmt):
        (v,) = struct.unpack_from(fmt, self.buf, self.pos)
        self.pos += struct.calcsize(fmt)
        return v

    def string(self):
        n = self.scalar("<Q")
        s = bytes(self.buf[self.pos:self.pos + n]).decode("utf-8")
        self.pos += n
        return s

    def value(self, vtype):
        if vtype == STRING:
            return self.string()
        if vtype == ARRAY:
            elem, n = self.scalar("<I"), self.scalar("<Q")
            return [self.value(elem) for _ in range(n)]
        return self.scalar(_SCALAR[vtype])


@dataclass
class TensorInfo:
    name: str
    ggml_type: int
    ne: tuple  # GGUF order, ne[0] contiguous
    offset: int  # absolute file offset of the data


def read_gguf_info(path):
    """-> (metadata dict, metadata types dict key -> vtype, list of TensorInfo, file bytes)."""
    with open(path, "rb") as f:
        buf = f.read()
    r = _Reader(buf)
    if buf[:4] != MAGIC:
        raise ValueError(f"{path}: not a GGUF file")
    r.pos = 4
    version, n_tensors, n_kv = r.scalar("<I"), r.scalar("<Q"), r.scalar("<Q")
    if version != VERSION:
        raise ValueError(f"{path}: GGUF version {version}, expected {VERSION}")
    metadata, types = {}, {}
    for _ in range(n_kv):
        key, vtype = r.string(), r.scalar("<I")
        metadata[key], types[key] = r.value(vtype), vtype
    raw_infos = []
    for _ in range(n_tensors):
        name, n_dims = r.string(), r.scalar("<I")
        ne = tuple(r.scalar("<Q") for _ in range(n_dims))
        raw_infos.append((name, ne, r.scalar("<I"), r.scalar("<Q")))
    alignment = metadata.get("general.alignment", ALIGNMENT)
    data_start = r.pos + (alignment - r.pos % alignment) % alignment
    infos = [TensorInfo(n, t, ne, data_start + off) for n, ne, t, off in raw_infos]
    return metadata, types, infos, buf


def tensor_array(info, buf):
    """Dequantised float32 numpy array of a tensor, shape = reversed ne ((rows, cols) for a matrix)."""
    n = int(np.prod(info.ne))
    raw = buf[info.offset:info.offset + gq.nbytes(info.ggml_type, n)]
    return gq.decode(raw, info.ggml_type, n).reshape(tuple(reversed(info.ne)))
