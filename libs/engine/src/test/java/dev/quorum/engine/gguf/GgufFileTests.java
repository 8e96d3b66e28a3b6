// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.quorum.engine.tensor.FloatTensor;
import dev.quorum.engine.tensor.Quantizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading GGUF v3: metadata conversions, the tensor table, files over 2 GiB, bad files.
 */
class GgufFileTests {

	@TempDir
	Path dir;

	@Test
	void metadataValuesAreConvertedAsTheContractSays() {
		GgufWriter w = new GgufWriter();
		w.putString("general.architecture", "llama");
		w.put("u8", GgufValueType.U8, 200);
		w.put("i8", GgufValueType.I8, -5);
		w.put("u16", GgufValueType.U16, 60000);
		w.put("i16", GgufValueType.I16, -300);
		w.putU32("u32.small", 7);
		w.put("u32.big", GgufValueType.U32, (int) 4_000_000_000L);
		w.putI32("i32", -9);
		w.put("u64", GgufValueType.U64, 1L << 40);
		w.put("i64", GgufValueType.I64, -2L);
		w.putF32("f32", 1.5f);
		w.put("f64", GgufValueType.F64, 2.25);
		w.putBool("bool", true);
		w.putArray("strings", GgufValueType.STRING, List.of("a", "é", ""));
		w.putArray("empty", GgufValueType.STRING, List.of());
		w.putArray("ints", GgufValueType.I32, List.of(1, -2, 3));
		Path file = this.dir.resolve("meta.gguf");
		w.write(file);
		try (GgufFile gguf = GgufFile.open(file)) {
			Map<String, Object> m = gguf.metadata();
			assertThat(m.keySet()).startsWith("general.architecture", "u8", "i8", "u16");
			assertThat(m.get("u8")).isEqualTo(200);
			assertThat(m.get("i8")).isEqualTo(-5);
			assertThat(m.get("u16")).isEqualTo(60000);
			assertThat(m.get("i16")).isEqualTo(-300);
			assertThat(m.get("u32.small")).isEqualTo(7);
			assertThat(m.get("u32.big")).isEqualTo(4_000_000_000L);
			assertThat(m.get("i32")).isEqualTo(-9);
			assertThat(m.get("u64")).isEqualTo(1L << 40);
			assertThat(m.get("i64")).isEqualTo(-2L);
			assertThat(m.get("f32")).isEqualTo(1.5f);
			assertThat(m.get("f64")).isEqualTo(2.25);
			assertThat(m.get("bool")).isEqualTo(true);
			assertThat(m.get("strings")).isEqualTo(List.of("a", "é", ""));
			assertThat(m.get("empty")).isEqualTo(List.of());
			assertThat(m.get("ints")).isEqualTo(List.of(1, -2, 3));
			assertThat(gguf.tensors()).isEmpty();
			assertThat(gguf.architecture()).isEqualTo("llama");
			assertThatThrownBy(() -> gguf.meta().requireInt("llama.block_count"))
				.hasMessageContaining("missing metadata key llama.block_count");
		}
	}

	@Test
	void tensorsAreAlignedSlicesOfTheMapping() {
		float[] values = { 1, 2, 3, 4, 5, 6 };
		GgufWriter w = new GgufWriter();
		w.putString("general.architecture", "llama");
		w.addTensor("a", new long[] { 3, 2 }, GgmlType.F32,
				MemorySegment.ofArray(Quantizer.encode(GgmlType.F32, values)));
		w.addTensor("b", new long[] { 32 }, GgmlType.Q8_0,
				MemorySegment.ofArray(Quantizer.encode(GgmlType.Q8_0, new float[32])));
		Path file = this.dir.resolve("t.gguf");
		w.write(file);
		try (GgufFile gguf = GgufFile.open(file)) {
			GgufTensorInfo a = gguf.requireTensor("a");
			assertThat(a.dims()).containsExactly(3, 2);
			assertThat(a.type()).isEqualTo(GgmlType.F32);
			assertThat((gguf.dataOffset() + gguf.requireTensor("b").offset()) % 32).isZero();
			FloatTensor t = FloatTensor.of(a.type(), gguf.tensorData(a), 2, 3);
			assertThat(t.get(4)).isEqualTo(5f);
			assertThat(gguf.requireTensor("b").byteSize()).isEqualTo(34);
			assertThatThrownBy(() -> gguf.requireTensor("c")).hasMessageContaining("missing tensor c");
		}
	}

	@Test
	void filesLargerThan2GiBAreMappedWithoutCopying() throws IOException {
		// a sparse file: a 2.25 GiB tensor that is a hole, then a small tensor with data
		long big = (9L << 28) / 4; // floats in 2.25 GiB
		float[] tail = new float[64];
		for (int i = 0; i < tail.length; i++) {
			tail[i] = i * 0.5f - 3f;
		}
		GgufWriter w = new GgufWriter();
		w.putString("general.architecture", "llama");
		w.addTensor("hole", new long[] { big }, GgmlType.F32, null);
		w.addTensor("tail", new long[] { 64 }, GgmlType.F32,
				MemorySegment.ofArray(Quantizer.encode(GgmlType.F32, tail)));
		Path file = this.dir.resolve("big.gguf");
		w.write(file);
		assertThat(Files.size(file)).isGreaterThan(1L << 31);
		try (GgufFile gguf = GgufFile.open(file)) {
			GgufTensorInfo info = gguf.requireTensor("tail");
			assertThat(gguf.dataOffset() + info.offset()).isGreaterThan(1L << 31);
			FloatTensor t = FloatTensor.of(GgmlType.F32, gguf.tensorData(info), 1, 64);
			float[] row = new float[64];
			t.dequantizeRow(0, row, 0);
			assertThat(row).containsExactly(tail);
			MemorySegment hole = gguf.tensorData(gguf.requireTensor("hole"));
			assertThat(hole.byteSize()).isEqualTo(big * 4);
			assertThat(hole.get(ValueLayout.JAVA_FLOAT_UNALIGNED, hole.byteSize() - 4)).isZero();
			assertThat(hole.isNative()).isTrue();
		}
	}

	@Test
	void badFilesGiveErrorsThatSayWhatIsWrong() throws IOException {
		GgufWriter w = new GgufWriter();
		w.putString("general.architecture", "llama");
		w.addTensor("w", new long[] { 64 }, GgmlType.F32, MemorySegment.ofArray(new byte[256]));
		Path good = this.dir.resolve("good.gguf");
		w.write(good);
		byte[] bytes = Files.readAllBytes(good);

		assertThatThrownBy(() -> GgufFile.open(write("magic.gguf", patch(bytes, 0, 'X'))))
			.isInstanceOf(GgufException.class)
			.hasMessageContaining("not a GGUF file");
		assertThatThrownBy(() -> GgufFile.open(write("v2.gguf", patch(bytes, 4, 2))))
			.hasMessageContaining("unsupported GGUF version 2");
		assertThatThrownBy(() -> GgufFile.open(write("cut.gguf", java.util.Arrays.copyOf(bytes, 40))))
			.hasMessageContaining("runs past the end of the file");
		assertThatThrownBy(() -> GgufFile.open(write("tiny.gguf", java.util.Arrays.copyOf(bytes, 12))))
			.hasMessageContaining("unexpected end of file");
		assertThatThrownBy(() -> GgufFile.open(write("short.gguf", java.util.Arrays.copyOf(bytes, bytes.length - 8))))
			.hasMessageContaining("tensor w data")
			.hasMessageContaining("beyond the end of the file");
		// kv_count claims far more entries than the file can hold
		assertThatThrownBy(() -> GgufFile.open(write("count.gguf", patchLong(bytes, 16, 1L << 40))))
			.isInstanceOf(GgufException.class);
		// the value type of the first key is unknown
		int typeAt = 24 + 8 + "general.architecture".length();
		assertThatThrownBy(() -> GgufFile.open(write("type.gguf", patch(bytes, typeAt, 99))))
			.hasMessageContaining("unknown GGUF value type 99");
		assertThatThrownBy(() -> GgufFile.open(this.dir.resolve("absent.gguf"))).hasMessageContaining("cannot read");
	}

	@Test
	void fingerprintIsTheSha256OfTheFile() throws Exception {
		Path file = this.dir.resolve("f.gguf");
		new GgufWriter().putString("general.architecture", "llama").write(file);
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		assertThat(ModelFingerprint.of(file)).isEqualTo(expected);
		assertThat(ModelFingerprint.of(file)).isSameAs(ModelFingerprint.of(file));
		Files.write(file, new byte[] { 1 }, StandardOpenOption.APPEND);
		Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
		assertThat(ModelFingerprint.of(file)).isNotEqualTo(expected);
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path p = this.dir.resolve(name);
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(bytes));
		}
		return p;
	}

	private static byte[] patch(byte[] bytes, int at, int value) {
		byte[] copy = bytes.clone();
		ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
		return copy;
	}

	private static byte[] patchLong(byte[] bytes, int at, long value) {
		byte[] copy = bytes.clone();
		ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
		return copy;
	}

}
