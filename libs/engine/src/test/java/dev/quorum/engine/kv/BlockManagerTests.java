// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.kv;

import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reference counts, copy-on-write, prefix caching and block import/export.
 */
class BlockManagerTests {

	private final KvCache cache = new KvCache(2, 3, 4, 8); // 2 layers, kvDim 3, 4 tokens
															// per block, 8 blocks

	@AfterEach
	void close() {
		this.cache.close();
	}

	private static int[] ids(int n, int offset) {
		int[] a = new int[n];
		for (int i = 0; i < n; i++) {
			a[i] = offset + i;
		}
		return a;
	}

	@Test
	void allocatesWholeBlocksAndFreesThem() {
		BlockManager m = new BlockManager(this.cache, true);
		BlockTable t = new BlockTable();
		assertThat(m.allocate(t, ids(10, 0), 10, 9, null)).isZero();
		assertThat(t.size()).isEqualTo(3);
		assertThat(m.usedBlocks()).isEqualTo(3);
		m.free(t);
		assertThat(m.usedBlocks()).isZero();
		BlockTable big = new BlockTable();
		assertThat(m.allocate(big, ids(40, 0), 40, 39, null)).isEqualTo(-1);
		assertThat(m.usedBlocks()).as("nothing allocated on failure").isZero();
	}

	@Test
	void computedFullBlocksAreReusedByTheSamePrefixOnly() {
		BlockManager m = new BlockManager(this.cache, true);
		int[] a = ids(10, 100);
		BlockTable t = new BlockTable();
		m.allocate(t, a, 10, 9, null);
		m.commit(t, a, 10); // blocks 0 and 1 are full and computed
		int first = t.blocks()[0];
		m.free(t);
		// same prefix: the two full blocks come back, even after being freed
		BlockTable again = new BlockTable();
		assertThat(m.allocate(again, a, 10, 9, null)).isEqualTo(8);
		assertThat(again.blocks()[0]).isEqualTo(first);
		assertThat(m.cachedPrefix(a, 10)).isEqualTo(8);
		// a prompt that differs in the second block reuses only the first
		int[] b = a.clone();
		b[6] = 7;
		BlockTable other = new BlockTable();
		assertThat(m.allocate(other, b, 10, 9, null)).isEqualTo(4);
		// never all of the prompt: the last token must be computed for its logits
		BlockTable exact = new BlockTable();
		m.free(again);
		assertThat(m.allocate(exact, a, 8, 7, null)).isEqualTo(4);
		m.free(other);
		m.free(exact);
		assertThat(m.usedBlocks()).isZero();
	}

	@Test
	void forkSharesBlocksAndWritesCopyThePartialBlock() {
		BlockManager m = new BlockManager(this.cache, true);
		int[] a = ids(6, 0);
		BlockTable parent = new BlockTable();
		m.allocate(parent, a, 6, 5, null);
		float[] k = { 1, 2, 3 };
		this.cache.write(0, parent.blocks()[1] * 4 + 1, k, 0, k, 0); // position 5
		BlockTable child = new BlockTable();
		m.fork(parent, child);
		assertThat(m.usedBlocks()).isEqualTo(2);
		assertThat(m.prepareAppend(child, 6)).isTrue();
		assertThat(child.blocks()[1]).isNotEqualTo(parent.blocks()[1]);
		assertThat(child.blocks()[0]).isEqualTo(parent.blocks()[0]);
		float copied = this.cache.keys(0).get(ValueLayout.JAVA_FLOAT, 4L * (child.blocks()[1] * 4 + 1) * 3 + 8);
		assertThat(copied).isEqualTo(3f);
		assertThat(m.prepareAppend(parent, 6)).isTrue();
		assertThat(m.usedBlocks()).isEqualTo(3);
		m.free(parent);
		m.free(child);
		assertThat(m.usedBlocks()).isZero();
		assertThatThrownBy(() -> m.free(fake(parent))).isInstanceOf(IllegalStateException.class);
	}

	private static BlockTable fake(BlockTable like) {
		BlockTable t = new BlockTable();
		t.append(0);
		return t;
	}

	@Test
	void exportedBlocksImportIntoAnotherCacheUnchanged() {
		BlockManager m = new BlockManager(this.cache, true);
		int[] a = ids(8, 50);
		BlockTable t = new BlockTable();
		m.allocate(t, a, 8, 8, null);
		for (int p = 0; p < 8; p++) {
			float[] kv = { p, p + 0.5f, -p };
			this.cache.write(1, t.blocks()[p / 4] * 4 + p % 4, kv, 0, kv, 0);
		}
		m.commit(t, a, 8);
		KvSlice slice = m.export(t, a, 0, 8);
		assertThat(slice.keys()[1]).containsExactly(0, 0.5f, 0, 1, 1.5f, -1, 2, 2.5f, -2, 3, 3.5f, -3, 4, 4.5f, -4, 5,
				5.5f, -5, 6, 6.5f, -6, 7, 7.5f, -7);
		try (KvCache other = new KvCache(2, 3, 4, 8)) {
			BlockManager n = new BlockManager(other, true);
			BlockTable u = new BlockTable();
			assertThat(n.allocate(u, a, 8, 8, slice)).isEqualTo(8);
			assertThat(n.export(u, a, 4, 8).values()[1]).containsExactly(slice.slice(4, 8).values()[1]);
			assertThat(n.cachedPrefix(a, 8)).as("imported blocks join the prefix cache").isEqualTo(8);
		}
		int[] wrong = a.clone();
		wrong[0] = 1;
		assertThatThrownBy(() -> m.allocate(new BlockTable(), wrong, 8, 8, slice))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
