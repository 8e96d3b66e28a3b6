// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.quorum.kv.chunk.KvChunk;
import dev.quorum.kv.chunk.KvChunkCodec;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.chunk.TestChunks;
import dev.quorum.kv.hash.ChunkHasher;
import dev.quorum.kv.hash.ChunkRef;
import dev.quorum.kv.hash.KvNamespace;
import dev.quorum.testsupport.redis.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Prefill writes typed chunks, decode reads them back verified; a damaged or misplaced
 * chunk is reported, deleted and never returned.
 */
class KvChunkTransferTests {

	static final LettuceConnectionFactory factory = TestFactories.lettuce(TestRedis.shared());

	private static final KvShape SHAPE = new KvShape(6, 2, 64);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RedisKvChunkStore store = new RedisKvChunkStore(factory, KvStoreOptions.defaults(), this.meters);

	private final KvChunkTransfer transfer = new KvChunkTransfer(this.store, new KvChunkCodec(KvDtype.F32), SHAPE,
			Duration.ofSeconds(60), this.meters);

	// A fresh namespace per test instance, so runs never see each other's chunks.
	private final ChunkHasher hasher = new ChunkHasher(
			KvNamespace.of(UUID.randomUUID().toString().replace("-", "").repeat(2), KvDtype.F32, 32));

	private final int[] prompt = IntStream.range(0, 100).toArray();

	@AfterAll
	static void close() {
		factory.destroy();
	}

	@BeforeEach
	void connect() {
		TestFactories.awaitAnswer(this.store);
	}

	@Test
	void chunksWrittenAreTheChunksRead() {
		List<ChunkRef> refs = this.hasher.chunks(this.prompt);
		List<KvChunk> written = writeAll(refs);
		List<KvChunk> read = this.transfer.read(refs).block();
		assertThat(read).hasSize(3);
		for (int i = 0; i < 3; i++) {
			assertThat(read.get(i).tokens()).containsExactly(refs.get(i).tokens());
			for (int l = 0; l < SHAPE.layers(); l++) {
				assertThat(read.get(i).k()[l]).containsExactly(written.get(i).k()[l]);
				assertThat(read.get(i).v()[l]).containsExactly(written.get(i).v()[l]);
			}
		}
	}

	@Test
	void aDamagedChunkIsDeletedCountedAndEndsThePrefix() {
		List<ChunkRef> refs = this.hasher.chunks(this.prompt);
		List<KvChunk> written = writeAll(refs);
		byte[] damaged = new KvChunkCodec(KvDtype.F32).encode(written.get(1));
		damaged[damaged.length - 5] ^= 0x01;
		this.store.store(refs.get(1).key(), damaged, Duration.ofSeconds(60)).block();
		assertThat(this.transfer.read(refs).block()).hasSize(1);
		List<String> keys = refs.stream().map(ChunkRef::key).toList();
		assertThat(this.store.longestCachedPrefix(keys).block()).isEqualTo(1);
		assertThat(this.store.longestCachedPrefix(keys.subList(2, 3)).block()).as("later chunks stay").isEqualTo(1);
		assertThat(failures("checksum_mismatch")).isEqualTo(1);
	}

	@Test
	void aChunkUnderAnotherKeyIsATokenMismatch() {
		List<ChunkRef> refs = this.hasher.chunks(this.prompt);
		List<KvChunk> written = writeAll(refs);
		this.store
			.store(refs.get(0).key(), new KvChunkCodec(KvDtype.F32).encode(written.get(2)), Duration.ofSeconds(60))
			.block();
		assertThat(this.transfer.read(refs).block()).isEmpty();
		assertThat(this.store.longestCachedPrefix(List.of(refs.get(0).key())).block()).isZero();
		assertThat(failures("token_mismatch")).isEqualTo(1);
	}

	@Test
	void aMissingChunkEndsThePrefixWithoutAFailure() {
		List<ChunkRef> refs = this.hasher.chunks(this.prompt);
		writeAll(refs.subList(0, 2));
		assertThat(this.transfer.read(refs).block()).hasSize(2);
		assertThat(this.meters.find(KvTransferMetrics.TRANSFER_FAILURES).counters()).isEmpty();
	}

	@Test
	void writeRefusesAChunkThatIsNotTheKeys() {
		List<ChunkRef> refs = this.hasher.chunks(this.prompt);
		KvChunk other = TestChunks.random(SHAPE, 32, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> this.transfer.write(refs.get(0), other));
		KvChunk smaller = KvChunk.of(refs.get(0).tokens(), new KvShape(1, 1, 1), new float[][] { new float[32] },
				new float[][] { new float[32] });
		assertThatIllegalArgumentException().isThrownBy(() -> this.transfer.write(refs.get(0), smaller));
	}

	private List<KvChunk> writeAll(List<ChunkRef> refs) {
		return refs.stream().map((ref) -> {
			KvChunk random = TestChunks.random(SHAPE, ref.tokens().length, ref.index());
			KvChunk chunk = KvChunk.of(ref.tokens(), SHAPE, random.k(), random.v());
			assertThat(this.transfer.write(ref, chunk).block()).isTrue();
			return chunk;
		}).toList();
	}

	private double failures(String reason) {
		return this.meters.get(KvTransferMetrics.TRANSFER_FAILURES).tag("reason", reason).counter().count();
	}

}
