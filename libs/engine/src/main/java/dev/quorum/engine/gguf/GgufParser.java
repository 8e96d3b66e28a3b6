// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header, metadata and tensor table of a GGUF v3 file from a segment, checking
 * every length against the bytes that remain so a corrupt file gives a clear error
 * instead of a huge allocation.
 */
final class GgufParser {

	static final int MAGIC = 0x46554747; // "GGUF" little-endian

	static final int VERSION = 3;

	static final int DEFAULT_ALIGNMENT = 32;

	private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

	private final MemorySegment segment;

	private long pos;

	private GgufParser(MemorySegment segment) {
		this.segment = segment;
	}

	/** The parsed header: metadata, tensor table and where the data section starts. */
	record Header(int version, Map<String, Object> metadata, List<GgufTensorInfo> tensors, long alignment,
			long dataOffset) {
	}

	static Header parse(MemorySegment segment) {
		GgufParser parser = new GgufParser(segment);
		return parser.header();
	}

	private Header header() {
		need(4 + 4 + 8 + 8, "header");
		int magic = this.segment.get(U32, 0);
		if (magic != MAGIC) {
			throw new GgufException(String
				.format("not a GGUF file: magic 0x%08x at offset 0, expected 0x%08x (\"GGUF\")", magic, MAGIC));
		}
		int version = this.segment.get(U32, 4);
		if (version != VERSION) {
			throw new GgufException("unsupported GGUF version " + version + " (only version 3 is read)");
		}
		this.pos = 8;
		long tensorCount = u64("tensor_count");
		long kvCount = u64("kv_count");
		Map<String, Object> metadata = new LinkedHashMap<>();
		for (long i = 0; i < kvCount; i++) {
			String key = string("metadata key #" + i);
			int type = u32("type of " + key);
			metadata.put(key, value(type, key, 0));
		}
		long alignment = DEFAULT_ALIGNMENT;
		Object align = metadata.get("general.alignment");
		if (align != null) {
			if (!(align instanceof Number n) || n.longValue() <= 0 || Long.bitCount(n.longValue()) != 1) {
				throw new GgufException("general.alignment must be a positive power of two, got " + align);
			}
			alignment = n.longValue();
		}
		checkCount(tensorCount, 4 + 8 + 4 + 8 + 8, "tensor_count");
		List<GgufTensorInfo> tensors = new ArrayList<>((int) tensorCount);
		for (long i = 0; i < tensorCount; i++) {
			tensors.add(tensorInfo(i));
		}
		long dataOffset = (this.pos + alignment - 1) / alignment * alignment;
		for (GgufTensorInfo info : tensors) {
			if (info.offset() % alignment != 0) {
				throw new GgufException("tensor " + info.name() + " data offset " + info.offset()
						+ " is not a multiple of the alignment " + alignment);
			}
			long end = dataOffset + info.offset() + info.byteSize();
			if (info.offset() < 0 || end > this.segment.byteSize()) {
				throw new GgufException("tensor " + info.name() + " data [" + (dataOffset + info.offset()) + ", " + end
						+ ") lies beyond the end of the file (" + this.segment.byteSize() + " bytes): truncated file?");
			}
		}
		return new Header(version, Collections.unmodifiableMap(metadata), List.copyOf(tensors), alignment, dataOffset);
	}

	private GgufTensorInfo tensorInfo(long index) {
		String name = string("name of tensor #" + index);
		int rank = u32("rank of " + name);
		if (rank < 1 || rank > 4) {
			throw new GgufException("tensor " + name + " has " + rank + " dimensions (1 to 4 allowed)");
		}
		long[] dims = new long[rank];
		for (int d = 0; d < rank; d++) {
			dims[d] = u64("dimension " + d + " of " + name);
			if (dims[d] <= 0) {
				throw new GgufException("tensor " + name + " has a non-positive dimension " + dims[d]);
			}
		}
		int typeId = u32("type of " + name);
		GgmlType type;
		try {
			type = GgmlType.fromId(typeId);
		}
		catch (IllegalArgumentException ex) {
			throw new GgufException("tensor " + name + ": unknown GGML tensor type id " + typeId, ex);
		}
		long offset = u64("offset of " + name);
		if (dims[0] % type.blockSize() != 0) {
			throw new GgufException("tensor " + name + " of type " + type + " has a first dimension " + dims[0]
					+ " that is not a multiple of the block size " + type.blockSize());
		}
		return new GgufTensorInfo(name, dims, type, offset);
	}

	private Object value(int type, String key, int depth) {
		return switch (type) {
			case 0 -> Byte.toUnsignedInt(u8(key));
			case 1 -> (int) u8(key);
			case 2 -> Short.toUnsignedInt(u16(key));
			case 3 -> (int) u16(key);
			case 4 -> {
				int v = u32(key);
				yield (v >= 0) ? (Object) v : (Object) Integer.toUnsignedLong(v);
			}
			case 5 -> u32(key);
			case 6 -> Float.intBitsToFloat(u32(key));
			case 7 -> {
				byte b = u8(key);
				if (b != 0 && b != 1) {
					throw new GgufException("key " + key + ": bool value " + b + " is neither 0 nor 1");
				}
				yield b == 1;
			}
			case 8 -> string(key);
			case 9 -> array(key, depth);
			case 10, 11 -> u64(key);
			case 12 -> Double.longBitsToDouble(u64(key));
			default -> throw new GgufException("key " + key + " has an unknown GGUF value type " + type);
		};
	}

	private List<Object> array(String key, int depth) {
		if (depth > 8) {
			throw new GgufException("key " + key + ": arrays nested too deep");
		}
		int elementType = u32("array element type of " + key);
		long count = u64("array length of " + key);
		checkCount(count, minBytes(elementType, key), "array length of " + key);
		List<Object> values = new ArrayList<>((int) count);
		for (long i = 0; i < count; i++) {
			values.add(value(elementType, key, depth + 1));
		}
		return Collections.unmodifiableList(values);
	}

	private static int minBytes(int type, String key) {
		return switch (type) {
			case 0, 1, 7 -> 1;
			case 2, 3 -> 2;
			case 4, 5, 6 -> 4;
			case 8, 10, 11, 12 -> 8;
			case 9 -> 12;
			default -> throw new GgufException("key " + key + " has an unknown GGUF array element type " + type);
		};
	}

	private void checkCount(long count, long minBytesEach, String what) {
		long remaining = this.segment.byteSize() - this.pos;
		if (count < 0 || count > Integer.MAX_VALUE - 8 || count * minBytesEach > remaining) {
			throw new GgufException(what + " " + Long.toUnsignedString(count) + " at offset " + this.pos
					+ " does not fit in the remaining " + remaining + " bytes: corrupt or truncated file");
		}
	}

	private String string(String what) {
		long length = u64("length of " + what);
		if (length < 0 || length > this.segment.byteSize() - this.pos) {
			throw new GgufException("string length " + Long.toUnsignedString(length) + " of " + what + " at offset "
					+ (this.pos - 8) + " runs past the end of the file");
		}
		byte[] bytes = this.segment.asSlice(this.pos, length).toArray(ValueLayout.JAVA_BYTE);
		this.pos += length;
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private byte u8(String what) {
		need(1, what);
		byte v = this.segment.get(ValueLayout.JAVA_BYTE, this.pos);
		this.pos += 1;
		return v;
	}

	private short u16(String what) {
		need(2, what);
		short v = this.segment.get(U16, this.pos);
		this.pos += 2;
		return v;
	}

	private int u32(String what) {
		need(4, what);
		int v = this.segment.get(U32, this.pos);
		this.pos += 4;
		return v;
	}

	private long u64(String what) {
		need(8, what);
		long v = this.segment.get(U64, this.pos);
		this.pos += 8;
		return v;
	}

	private void need(long bytes, String what) {
		if (this.pos + bytes > this.segment.byteSize()) {
			throw new GgufException("unexpected end of file at offset " + this.pos + " while reading " + what
					+ " (file has " + this.segment.byteSize() + " bytes)");
		}
	}

}
