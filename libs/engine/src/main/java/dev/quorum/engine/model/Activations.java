// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

/**
 * Reusable activation buffers of a step, grown to the largest step seen.
 */
final class Activations {

	private final ModelConfig config;

	private int capacity;

	float[] x; // (tokens, dim) residual stream

	float[] h; // (tokens, dim) normalised input of a sub-layer

	float[] q; // (tokens, qDim)

	float[] k; // (tokens, kvDim)

	float[] v; // (tokens, kvDim)

	float[] att; // (tokens, qDim) attention output

	float[] tmp; // (tokens, dim) sub-layer output

	float[] g; // (tokens, ffnDim) gate, then silu(gate) * up

	float[] u; // (tokens, ffnDim) up

	Activations(ModelConfig config) {
		this.config = config;
		ensure(1);
	}

	void ensure(int tokens) {
		if (tokens <= this.capacity) {
			return;
		}
		int n = Math.max(tokens, this.capacity * 2);
		ModelConfig c = this.config;
		this.x = new float[n * c.dim()];
		this.h = new float[n * c.dim()];
		this.q = new float[n * c.qDim()];
		this.k = new float[n * c.kvDim()];
		this.v = new float[n * c.kvDim()];
		this.att = new float[n * c.qDim()];
		this.tmp = new float[n * c.dim()];
		this.g = new float[n * c.ffnDim()];
		this.u = new float[n * c.ffnDim()];
		this.capacity = n;
	}

	/**
	 * Moves rows {@code map[i]} of the residual stream and queries to row i (map
	 * ascending).
	 */
	void gather(int[] map, int count) {
		int dim = this.config.dim();
		int qDim = this.config.qDim();
		for (int i = 0; i < count; i++) {
			int t = map[i];
			if (t != i) {
				System.arraycopy(this.x, t * dim, this.x, i * dim, dim);
				System.arraycopy(this.q, t * qDim, this.q, i * qDim, qDim);
			}
		}
	}

}
