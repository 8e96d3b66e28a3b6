// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GGUF v3 file mapped into memory. The whole file is mapped read-only into a shared
 * {@link Arena} (files larger than 2 GiB work); tensor data are slices of that mapping
 * and are never copied onto the heap. Metadata values are converted as the engine
 * contract says: u8..i32 to {@link Integer} (u32 above {@code Integer.MAX_VALUE} to
 * {@link Long}), u64/i64 to {@link Long}, f32 to {@link Float}, f64 to {@link Double},
 * bool to {@link Boolean}, string to {@link String}, arrays to {@link List}.
 * <p>
 * Instances are immutable and thread-safe until {@link #close()}, which unmaps the file:
 * tensors obtained from it must not be used afterwards.
 */
public final class GgufFile implements AutoCloseable {

	private final Path path;

	private final Arena arena;

	private final MemorySegment segment;

	private final GgufParser.Header header;

	private final Map<String, GgufTensorInfo> tensorsByName;

	private GgufFile(Path path, Arena arena, MemorySegment segment) {
		this.path = path;
		this.arena = arena;
		this.segment = segment;
		this.header = GgufParser.parse(segment);
		Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();
		for (GgufTensorInfo info : this.header.tensors()) {
			if (byName.put(info.name(), info) != null) {
				throw new GgufException("tensor " + info.name() + " appears twice in the tensor table");
			}
		}
		this.tensorsByName = byName;
	}

	/**
	 * Maps and parses a file.
	 * @param path the GGUF file
	 * @return the open file
	 * @throws GgufException when the file cannot be read or is not valid GGUF v3
	 */
	public static GgufFile open(Path path) {
		Arena arena = Arena.ofShared();
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
			return new GgufFile(path, arena, segment);
		}
		catch (IOException ex) {
			arena.close();
			throw new GgufException("cannot read " + path + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			arena.close();
			if (ex instanceof GgufException) {
				throw new GgufException(path.getFileName() + ": " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	/**
	 * Parses GGUF bytes that are already in memory (tests, tools). The segment must stay
	 * valid while the file is used; {@link #close()} does not free it.
	 * @param segment the file's bytes
	 * @return the parsed file
	 */
	public static GgufFile of(MemorySegment segment) {
		return new GgufFile(null, null, segment);
	}

	/**
	 * The path the file was mapped from.
	 * @return the path, or null for an in-memory file
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * The GGUF version.
	 * @return always 3
	 */
	public int version() {
		return this.header.version();
	}

	/**
	 * The file size.
	 * @return bytes
	 */
	public long byteSize() {
		return this.segment.byteSize();
	}

	/**
	 * The data-section alignment.
	 * @return {@code general.alignment}, or 32
	 */
	public long alignment() {
		return this.header.alignment();
	}

	/**
	 * Where the tensor data start.
	 * @return the byte offset of the data section
	 */
	public long dataOffset() {
		return this.header.dataOffset();
	}

	/**
	 * All metadata, in file order.
	 * @return an unmodifiable insertion-ordered map
	 */
	public Map<String, Object> metadata() {
		return this.header.metadata();
	}

	/**
	 * Typed access to the metadata.
	 * @return a view that names missing keys in its errors
	 */
	public GgufMetadata meta() {
		return new GgufMetadata(this.header.metadata());
	}

	/**
	 * The model architecture.
	 * @return {@code general.architecture}
	 * @throws GgufException when the key is missing
	 */
	public String architecture() {
		return meta().requireString("general.architecture");
	}

	/**
	 * The tensor table, in file order.
	 * @return the tensors (empty for a tokenizer-only file)
	 */
	public List<GgufTensorInfo> tensors() {
		return this.header.tensors();
	}

	/**
	 * Looks up a tensor.
	 * @param name the tensor name
	 * @return the info, if present
	 */
	public Optional<GgufTensorInfo> tensor(String name) {
		return Optional.ofNullable(this.tensorsByName.get(name));
	}

	/**
	 * Looks up a tensor that must exist.
	 * @param name the tensor name
	 * @return the info
	 * @throws GgufException naming the missing tensor
	 */
	public GgufTensorInfo requireTensor(String name) {
		GgufTensorInfo info = this.tensorsByName.get(name);
		if (info == null) {
			throw new GgufException("missing tensor " + name);
		}
		return info;
	}

	/**
	 * The stored bytes of a tensor, as a slice of the mapping.
	 * @param info a tensor of this file
	 * @return a read-only segment of {@link GgufTensorInfo#byteSize()} bytes
	 */
	public MemorySegment tensorData(GgufTensorInfo info) {
		return this.segment.asSlice(this.header.dataOffset() + info.offset(), info.byteSize()).asReadOnly();
	}

	/**
	 * Unmaps the file. Tensors and segments obtained from it become unusable.
	 */
	@Override
	public void close() {
		if (this.arena != null) {
			this.arena.close();
		}
	}

}
