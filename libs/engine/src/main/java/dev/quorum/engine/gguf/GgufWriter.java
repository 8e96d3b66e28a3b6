// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes GGUF v3 files: metadata in insertion order, then the tensor table, then the
 * tensor data, each tensor aligned to {@code general.alignment} (32). A tensor added
 * without data is left as a hole in a sparse file (it reads as zeros). Used by tests,
 * benchmarks and tools to make model files; not thread-safe.
 */
public final class GgufWriter {

	private record Value(GgufValueType type, GgufValueType elementType, Object value) {
	}

	private record Tensor(String name, long[] dims, GgmlType type, MemorySegment data, long offset) {
	}

	private static final int ALIGNMENT = GgufParser.DEFAULT_ALIGNMENT;

	private final Map<String, Value> metadata = new LinkedHashMap<>();

	private final List<Tensor> tensors = new ArrayList<>();

	private long dataSize;

	/**
	 * Adds a string.
	 * @param key the key
	 * @param value the value
	 * @return this writer
	 */
	public GgufWriter putString(String key, String value) {
		return put(key, GgufValueType.STRING, value);
	}

	/**
	 * Adds a u32 (what llama.cpp expects for hyper-parameters such as block counts).
	 * @param key the key
	 * @param value a non-negative value
	 * @return this writer
	 */
	public GgufWriter putU32(String key, int value) {
		return put(key, GgufValueType.U32, value);
	}

	/**
	 * Adds an i32.
	 * @param key the key
	 * @param value the value
	 * @return this writer
	 */
	public GgufWriter putI32(String key, int value) {
		return put(key, GgufValueType.I32, value);
	}

	/**
	 * Adds a f32.
	 * @param key the key
	 * @param value the value
	 * @return this writer
	 */
	public GgufWriter putF32(String key, float value) {
		return put(key, GgufValueType.F32, value);
	}

	/**
	 * Adds a bool.
	 * @param key the key
	 * @param value the value
	 * @return this writer
	 */
	public GgufWriter putBool(String key, boolean value) {
		return put(key, GgufValueType.BOOL, value);
	}

	/**
	 * Adds a value of any scalar type; integers are given as {@link Number}.
	 * @param key the key
	 * @param type the stored type (not {@link GgufValueType#ARRAY})
	 * @param value the value
	 * @return this writer
	 */
	public GgufWriter put(String key, GgufValueType type, Object value) {
		if (type == GgufValueType.ARRAY) {
			throw new IllegalArgumentException("use putArray for arrays");
		}
		this.metadata.put(key, new Value(type, null, value));
		return this;
	}

	/**
	 * Adds an array (possibly empty) of one element type.
	 * @param key the key
	 * @param elementType the element type (not {@link GgufValueType#ARRAY})
	 * @param values the elements
	 * @return this writer
	 */
	public GgufWriter putArray(String key, GgufValueType elementType, List<?> values) {
		if (elementType == GgufValueType.ARRAY) {
			throw new IllegalArgumentException("nested arrays are not written");
		}
		this.metadata.put(key, new Value(GgufValueType.ARRAY, elementType, List.copyOf(values)));
		return this;
	}

	/**
	 * Adds a tensor.
	 * @param name the name
	 * @param dims dimensions, innermost first
	 * @param type the element type
	 * @param data exactly the tensor's bytes, or null to leave a hole of that size
	 * @return this writer
	 */
	public GgufWriter addTensor(String name, long[] dims, GgmlType type, MemorySegment data) {
		long elements = 1;
		for (long d : dims) {
			elements = Math.multiplyExact(elements, d);
		}
		long bytes = type.bytesFor(elements);
		if (data != null && data.byteSize() != bytes) {
			throw new IllegalArgumentException(name + ": " + data.byteSize() + " bytes given, " + bytes + " needed");
		}
		long offset = align(this.dataSize);
		this.tensors.add(new Tensor(name, dims.clone(), type, data, offset));
		this.dataSize = offset + bytes;
		return this;
	}

	/**
	 * Writes the file, replacing any existing one.
	 * @param path the target
	 */
	public void write(Path path) {
		byte[] header = header();
		long dataStart = align(header.length);
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			writeFully(channel, ByteBuffer.wrap(header), 0);
			for (Tensor tensor : this.tensors) {
				if (tensor.data() != null) {
					writeFully(channel, tensor.data().asByteBuffer(), dataStart + tensor.offset());
				}
			}
			long end = dataStart + this.dataSize;
			if (channel.size() < end) {
				// extend to the full length; the gap stays a hole in a sparse file
				writeFully(channel, ByteBuffer.allocate(1), end - 1);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + path, ex);
		}
	}

	private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		long pos = position;
		while (buffer.hasRemaining()) {
			pos += channel.write(buffer, pos);
		}
	}

	private byte[] header() {
		Out out = new Out();
		out.u32(GgufParser.MAGIC);
		out.u32(GgufParser.VERSION);
		out.u64(this.tensors.size());
		out.u64(this.metadata.size());
		for (Map.Entry<String, Value> entry : this.metadata.entrySet()) {
			out.string(entry.getKey());
			Value value = entry.getValue();
			out.u32(value.type().id());
			if (value.type() == GgufValueType.ARRAY) {
				List<?> list = (List<?>) value.value();
				out.u32(value.elementType().id());
				out.u64(list.size());
				for (Object element : list) {
					out.scalar(value.elementType(), element);
				}
			}
			else {
				out.scalar(value.type(), value.value());
			}
		}
		for (Tensor tensor : this.tensors) {
			out.string(tensor.name());
			out.u32(tensor.dims().length);
			for (long d : tensor.dims()) {
				out.u64(d);
			}
			out.u32(tensor.type().id());
			out.u64(tensor.offset());
		}
		return out.toByteArray();
	}

	private static long align(long offset) {
		return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
	}

	/** A little-endian byte sink. */
	private static final class Out extends ByteArrayOutputStream {

		private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

		void u32(int v) {
			write(this.scratch.clear().putInt(v).array(), 0, 4);
		}

		void u64(long v) {
			write(this.scratch.clear().putLong(v).array(), 0, 8);
		}

		void string(String s) {
			byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
			u64(bytes.length);
			write(bytes, 0, bytes.length);
		}

		void scalar(GgufValueType type, Object v) {
			switch (type) {
				case U8, I8 -> write(((Number) v).intValue());
				case U16, I16 -> write(this.scratch.clear().putShort(((Number) v).shortValue()).array(), 0, 2);
				case U32, I32 -> u32(((Number) v).intValue());
				case F32 -> u32(Float.floatToRawIntBits(((Number) v).floatValue()));
				case BOOL -> write(((Boolean) v) ? 1 : 0);
				case STRING -> string((String) v);
				case U64, I64 -> u64(((Number) v).longValue());
				case F64 -> u64(Double.doubleToRawLongBits(((Number) v).doubleValue()));
				case ARRAY -> throw new IllegalArgumentException("nested arrays are not written");
			}
		}

	}

}
