// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static dev.quorum.engine.tensor.Vec.F;
import static dev.quorum.engine.tensor.Vec.L;
import static org.assertj.core.api.Assertions.assertThat;

class ExpTests {

	@Test
	void vectorAndScalarAgreeBitForBitAndStayWithinAFewUlpOfMathExp() {
		SplittableRandom rng = new SplittableRandom(5);
		float[] x = new float[L * 4096];
		for (int i = 0; i < x.length; i++) {
			x[i] = (float) (rng.nextDouble() * 175 - 87);
		}
		x[0] = 0f;
		x[1] = -87f;
		x[2] = 88f;
		float[] v = new float[x.length];
		for (int i = 0; i < x.length; i += L) {
			Exp.exp(FloatVector.fromArray(F, x, i)).intoArray(v, i);
		}
		double worst = 0;
		for (int i = 0; i < x.length; i++) {
			assertThat(v[i]).isEqualTo(Exp.exp(x[i]));
			worst = Math.max(worst, Math.abs(v[i] / Math.exp(x[i]) - 1));
		}
		assertThat(worst).isLessThan(4e-7); // float epsilon is 1.2e-7
		assertThat(Exp.exp(0f)).isEqualTo(1f);
		assertThat(Exp.exp(-200f)).isLessThan(1e-37f);
		assertThat(Exp.exp(200f)).isFinite();
	}

	@Test
	void softmaxAndSiluDoNotDependOnWhereARowStarts() {
		float[] row = new float[37];
		for (int i = 0; i < row.length; i++) {
			row[i] = (i % 7) - 3.5f;
		}
		float[] a = row.clone();
		Ops.softmax(a, 0, a.length);
		float[] shifted = new float[row.length + 5];
		System.arraycopy(row, 0, shifted, 5, row.length);
		Ops.softmax(shifted, 5, row.length);
		double total = 0;
		for (int i = 0; i < row.length; i++) {
			assertThat(shifted[5 + i]).isEqualTo(a[i]);
			total += a[i];
		}
		assertThat(total).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
		float[] g = row.clone();
		float[] u = new float[row.length];
		java.util.Arrays.fill(u, 2f);
		Ops.siluMul(g, u, 0, g.length);
		for (int i = 0; i < row.length; i++) {
			double expected = row[i] / (1 + Math.exp(-row[i])) * 2;
			assertThat((double) g[i]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
		}
	}

}
