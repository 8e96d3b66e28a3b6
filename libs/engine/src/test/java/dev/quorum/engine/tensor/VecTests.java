// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

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
