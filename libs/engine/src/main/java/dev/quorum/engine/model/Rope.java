// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

/**
 * Rotary position embedding. Pair {@code i} (of {@code ropeDim / 2}) of every head turns
 * by {@code pos * base^(-2i / ropeDim) / factor[i]}; the angles are computed in double
 * and rounded once. NORM pairs dimensions (2i, 2i+1), NEOX pairs (i, i + ropeDim/2).
 * Dimensions beyond {@code ropeDim} are left as they are.
 */
final class Rope {

	private static final int TABLE_POSITIONS = 4096;

	private final RopeType type;

	private final int headDim;

	private final int pairs;

	private final double[] invFreq; // (pairs)

	private final float[] cosTable; // (TABLE_POSITIONS, pairs)

	private final float[] sinTable; // (TABLE_POSITIONS, pairs)

	private final int tablePositions;

	Rope(ModelConfig config, float[] freqFactors) {
		this.type = config.ropeType();
		this.headDim = config.headDim();
		this.pairs = config.ropeDim() / 2;
		this.invFreq = new double[this.pairs];
		for (int i = 0; i < this.pairs; i++) {
			double f = 1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / config.ropeDim());
			this.invFreq[i] = (freqFactors != null) ? f / freqFactors[i] : f;
		}
		this.tablePositions = Math.min(TABLE_POSITIONS, config.contextLength());
		this.cosTable = new float[this.tablePositions * this.pairs];
		this.sinTable = new float[this.tablePositions * this.pairs];
		for (int p = 0; p < this.tablePositions; p++) {
			for (int i = 0; i < this.pairs; i++) {
				double angle = p * this.invFreq[i];
				this.cosTable[p * this.pairs + i] = (float) Math.cos(angle);
				this.sinTable[p * this.pairs + i] = (float) Math.sin(angle);
			}
		}
	}

	/**
	 * Rotates {@code heads} heads stored one after another from {@code x0}.
	 * @param x the vectors
	 * @param x0 offset of head 0
	 * @param heads number of heads
	 * @param pos the token's position
	 */
	void rotate(float[] x, int x0, int heads, int pos) {
		for (int h = 0; h < heads; h++) {
			int base = x0 + h * this.headDim;
			for (int i = 0; i < this.pairs; i++) {
				float c;
				float s;
				if (pos < this.tablePositions) {
					c = this.cosTable[pos * this.pairs + i];
					s = this.sinTable[pos * this.pairs + i];
				}
				else {
					double angle = pos * this.invFreq[i];
					c = (float) Math.cos(angle);
					s = (float) Math.sin(angle);
				}
				int a = (this.type == RopeType.NORM) ? base + 2 * i : base + i;
				int b = (this.type == RopeType.NORM) ? a + 1 : a + this.pairs;
				float x1 = x[a];
				float x2 = x[b];
				x[a] = x1 * c - x2 * s;
				x[b] = x1 * s + x2 * c;
			}
		}
	}

}
