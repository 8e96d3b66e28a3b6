// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComputePoolTests {

	@Test
	void runsEveryTaskExactlyOnceAndPropagatesFailures() {
		try (ComputePool pool = new ComputePool(3)) {
			for (int round = 0; round < 200; round++) {
				AtomicIntegerArray hits = new AtomicIntegerArray(37);
				pool.run(37, hits::incrementAndGet);
				for (int i = 0; i < 37; i++) {
					assertThat(hits.get(i)).isEqualTo(1);
				}
			}
			assertThatThrownBy(() -> pool.run(10, (i) -> {
				if (i == 7) {
					throw new IllegalStateException("task 7");
				}
			})).hasMessage("task 7");
			AtomicIntegerArray after = new AtomicIntegerArray(5);
			pool.run(5, after::incrementAndGet);
			assertThat(after.get(4)).isEqualTo(1);
		}
	}

}
