// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.hash;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.hash.KvHashVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChunkHasherTests {

	private static final String FINGERPRINT = "4ab3eb303984bf908e933fe0c97d64449d3667e33676c7ae515e1d9dd7c552f3";

	static List<Vector> vectors() {
		return KvHashVectors.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void matchesTheKnownAnswerVector(Vector vector) {
		ChunkHasher hasher = new ChunkHasher(vector.kvNamespace());
		assertThat(vector.kvNamespace().canonical()).isEqualTo(vector.namespace());
		assertThat(hasher.namespaceHash()).isEqualTo(vector.namespaceHash());
		List<ChunkRef> chunks = hasher.chunks(vector.tokens());
		assertThat(chunks).hasSize(vector.chunkCount());
		assertThat(chunks).extracting(ChunkRef::hash).containsExactlyElementsOf(vector.chunkHashes());
		assertThat(chunks).extracting(ChunkRef::key).containsExactlyElementsOf(vector.keys());
		assertThat(hasher.keys(vector.tokens())).containsExactlyElementsOf(vector.keys());
		for (ChunkRef chunk : chunks) {
			int from = chunk.index() * vector.chunkTokens();
			assertThat(chunk.tokens())
				.containsExactly(Arrays.copyOfRange(vector.tokens(), from, from + vector.chunkTokens()));
		}
	}

	@Test
	void vectorsCoverEveryDtypeAndTheBoundaryRule() {
		assertThat(vectors()).extracting(Vector::dtype).contains("f32", "f16", "q8");
		assertThat(vectors()).anySatisfy((v) -> assertThat(v.tokens().length % v.chunkTokens()).isZero());
	}

	@ParameterizedTest
	@CsvSource({ "0, 32, 0", "1, 32, 0", "31, 32, 0", "32, 32, 0", "33, 32, 1", "63, 32, 1", "64, 32, 1", "65, 32, 2",
			"-1, 32, 0", "1, 1, 0", "2, 1, 1", "1000, 1, 999" })
	void chunkCountLeavesTheLastTokenToTheReader(int promptLength, int chunkTokens, int expected) {
		assertThat(ChunkHasher.chunkCount(promptLength, chunkTokens)).isEqualTo(expected);
	}

	@Test
	void chunkCountNeedsAPositiveChunkSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChunkHasher.chunkCount(10, 0));
	}

	@Test
	void aChunkKeyDependsOnEveryEarlierToken() {
		ChunkHasher hasher = new ChunkHasher(KvNamespace.of(FINGERPRINT, KvDtype.F16, 4));
		int[] prompt = IntStream.range(0, 13).toArray();
		int[] changed = prompt.clone();
		changed[1] = 1000;
		List<String> keys = hasher.keys(prompt);
		List<String> other = hasher.keys(changed);
		assertThat(keys).hasSize(3);
		for (int i = 0; i < keys.size(); i++) {
			assertThat(other.get(i)).isNotEqualTo(keys.get(i));
		}
		int[] laterChange = prompt.clone();
		laterChange[9] = 1000;
		assertThat(hasher.keys(laterChange).subList(0, 2)).isEqualTo(keys.subList(0, 2));
		assertThat(hasher.keys(laterChange).get(2)).isNotEqualTo(keys.get(2));
	}

	@Test
	void everyNamespaceComponentChangesTheKeys() {
		int[] prompt = IntStream.range(0, 65).toArray();
		List<KvNamespace> namespaces = List.of(KvNamespace.of(FINGERPRINT, KvDtype.F16, 32),
				KvNamespace.of(FINGERPRINT.replace('4', '5'), KvDtype.F16, 32),
				KvNamespace.of(FINGERPRINT, KvDtype.Q8, 32), new KvNamespace(FINGERPRINT, KvDtype.F16, 2, 32),
				KvNamespace.of(FINGERPRINT, KvDtype.F16, 16));
		List<String> firstKeys = namespaces.stream().map((ns) -> new ChunkHasher(ns).keys(prompt).get(0)).toList();
		assertThat(firstKeys).doesNotHaveDuplicates();
	}

	@Test
	void namespaceIsCanonicalAndChecked() {
		assertThat(KvNamespace.of(FINGERPRINT, KvDtype.Q8, 32).canonical())
			.isEqualTo("quorum-kv;model=" + FINGERPRINT + ";dtype=q8;layout=1;chunk_tokens=32");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KvNamespace.of(FINGERPRINT.toUpperCase(), KvDtype.F16, 32));
		assertThatIllegalArgumentException().isThrownBy(() -> KvNamespace.of("abc", KvDtype.F16, 32));
		assertThatIllegalArgumentException().isThrownBy(() -> KvNamespace.of(FINGERPRINT, KvDtype.F16, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> KvNamespace.of(FINGERPRINT, null, 32));
	}

	@Test
	void negativeTokenIdsAreRejected() {
		ChunkHasher hasher = new ChunkHasher(KvNamespace.of(FINGERPRINT, KvDtype.F16, 2));
		assertThatIllegalArgumentException().isThrownBy(() -> hasher.chunks(new int[] { 1, -2, 3 }));
	}

	@Test
	void chunkTokensAreCopies() {
		ChunkHasher hasher = new ChunkHasher(KvNamespace.of(FINGERPRINT, KvDtype.F16, 2));
		int[] prompt = { 1, 2, 3 };
		ChunkRef chunk = hasher.chunks(prompt).get(0);
		prompt[0] = 9;
		assertThat(chunk.tokens()).containsExactly(1, 2);
	}

}
