// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

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

}
