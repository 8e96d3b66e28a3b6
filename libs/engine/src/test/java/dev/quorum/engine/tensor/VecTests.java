// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;
import static org.assertj.core.api.Assertions.assertThat;

class VecTests {

	@Test
	void scalarLaneSumOfParkedLanesEqualsTheVectorButterflyBitForBit() {
		SplittableRandom rng = new SplittableRandom(6);
		float[] a = new float[L * 4096];
		for (int i = 0; i < a.length; i++) {
			// magnitudes from 1e-6 to 1e6 so that rounding depends on the order
			a[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-6, 7)));
		}
		for (int off = 0; off < a.length; off += L) {
			assertThat(Vec.sum(a, off)).as("lanes from %d", off).isEqualTo(Vec.sum(FloatVector.fromArray(F, a, off)));
		}
	}

	@Test
	void writtenOutLaneSumsAreTheButterflyOfEveryWidth() {
		SplittableRandom rng = new SplittableRandom(8);
		for (int lanes : new int[] { 4, 8, 16 }) {
			float[] a = new float[lanes * 1024];
			for (int i = 0; i < a.length; i++) {
				a[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-6, 7)));
			}
			for (int off = 0; off < a.length; off += lanes) {
				float[] t = Arrays.copyOfRange(a, off, off + lanes);
				for (int d = lanes / 2; d >= 1; d /= 2) {
					for (int i = 0; i < d; i++) {
						t[i] += t[i + d];
					}
				}
				assertThat(Vec.sum(a, off, lanes)).as("%d lanes from %d", lanes, off).isEqualTo(t[0]);
			}
		}
	}

	@Test
	void weightedSumOfSegmentRowsIsRepeatedAxpyBitForBit() {
		SplittableRandom rng = new SplittableRandom(9);
		try (Arena arena = Arena.ofConfined()) {
			for (int n : new int[] { 4 * L, 8 * L, 3 * L, 4 * L + 5, 7, 100, 128, 48 }) {
				int rowFloats = n + 13; // rows wider than the slice, like one head of a
										// KV row
				int count = 1 + rng.nextInt(40);
				MemorySegment x = arena.allocate(4L * rowFloats * count, 64);
				for (long i = 0; i < (long) rowFloats * count; i++) {
					x.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, i,
							(float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-4, 5))));
				}
				float[] w = new float[count + 3];
				for (int j = 0; j < w.length; j++) {
					w[j] = (float) rng.nextDouble();
				}
				float[] start = new float[n + 2];
				for (int i = 0; i < start.length; i++) {
					start[i] = (float) rng.nextGaussian();
				}
				float[] expected = start.clone();
				for (int j = 0; j < count; j++) {
					Ops.axpy(expected, 1, w[2 + j], x, 4L * (j * rowFloats + 5), n);
				}
				float[] actual = start.clone();
				Ops.weightedSum(actual, 1, n, w, 2, count, x, 4L * 5, 4L * rowFloats);
				assertThat(actual).as("n=%d count=%d", n, count).containsExactly(expected);
			}
		}
	}

	@Test
	void vectorArgmaxIsTheScalarScansAnswerWithTiesAndSignedZeros() {
		SplittableRandom rng = new SplittableRandom(7);
		for (int trial = 0; trial < 2000; trial++) {
			int n = 1 + rng.nextInt(3 * L + 5);
			int off = rng.nextInt(4);
			float[] a = new float[off + n];
			for (int i = 0; i < a.length; i++) {
				// few distinct values, so ties (and -0.0 against 0.0) are common
				a[i] = (rng.nextInt(4) - 2) * ((rng.nextBoolean()) ? 1f : -0f) + ((rng.nextInt(8) == 0) ? 0.5f : 0f);
			}
			if (trial % 100 == 0) {
				a[off + rng.nextInt(n)] = Float.NaN;
			}
			int expected = 0;
			for (int i = 1; i < n; i++) {
				if (a[off + i] > a[off + expected]) {
					expected = i;
				}
			}
			assertThat(Ops.argmax(a, off, n)).as("trial %d", trial).isEqualTo(expected);
		}
	}

}
