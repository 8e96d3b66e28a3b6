// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import dev.quorum.engine.tensor.FloatTensor;

/**
 * A deliberately naive Llama forward pass for tests: one sequence, scalar loops, double
 * accumulation, full recomputation, no cache, no batching. It shares nothing with the
 * engine's kernels except the scalar dequantisation {@link FloatTensor#get(long)}.
 */
final class ReferenceForward {

	private final ModelConfig c;

	private final ModelWeights w;

	ReferenceForward(LlamaModel model) {
		this.c = model.config();
		this.w = model.weights();
	}

	/**
	 * Teacher-forced logits.
	 * @param tokens the sequence
	 * @return logits (T, vocab)
	 */
	float[][] logits(int[] tokens) {
		int n = tokens.length;
		int dim = this.c.dim();
		double[][] x = new double[n][dim];
		for (int t = 0; t < n; t++) {
			for (int i = 0; i < dim; i++) {
				x[t][i] = this.w.tokenEmbedding().get((long) tokens[t] * dim + i);
			}
		}
		for (LayerWeights lw : this.w.layers()) {
			double[][] q = new double[n][];
			double[][] k = new double[n][];
			double[][] v = new double[n][];
			for (int t = 0; t < n; t++) {
				double[] h = rms(x[t], lw.attnNorm());
				q[t] = rope(headNorm(plus(mul(lw.wq(), h), lw.bq()), lw.qNorm()), t, this.c.heads());
				k[t] = rope(headNorm(plus(mul(lw.wk(), h), lw.bk()), lw.kNorm()), t, this.c.kvHeads());
				v[t] = plus(mul(lw.wv(), h), lw.bv());
			}
			int hd = this.c.headDim();
			int group = this.c.heads() / this.c.kvHeads();
			for (int t = 0; t < n; t++) {
				double[] att = new double[this.c.qDim()];
				for (int h = 0; h < this.c.heads(); h++) {
					int kvh = h / group;
					double[] s = new double[t + 1];
					double max = Double.NEGATIVE_INFINITY;
					for (int p = 0; p <= t; p++) {
						double d = 0;
						for (int i = 0; i < hd; i++) {
							d += q[t][h * hd + i] * k[p][kvh * hd + i];
						}
						s[p] = d / Math.sqrt(hd);
						max = Math.max(max, s[p]);
					}
					double sum = 0;
					for (int p = 0; p <= t; p++) {
						s[p] = Math.exp(s[p] - max);
						sum += s[p];
					}
					for (int p = 0; p <= t; p++) {
						for (int i = 0; i < hd; i++) {
							att[h * hd + i] += s[p] / sum * v[p][kvh * hd + i];
						}
					}
				}
				add(x[t], mul(lw.wo(), att));
			}
			for (int t = 0; t < n; t++) {
				double[] h = rms(x[t], lw.ffnNorm());
				double[] g = mul(lw.gate(), h);
				double[] u = mul(lw.up(), h);
				for (int i = 0; i < g.length; i++) {
					g[i] = g[i] / (1 + Math.exp(-g[i])) * u[i];
				}
				add(x[t], mul(lw.down(), g));
			}
		}
		float[][] logits = new float[n][];
		for (int t = 0; t < n; t++) {
			double[] out = mul(this.w.output(), rms(x[t], this.w.outputNorm()));
			logits[t] = new float[out.length];
			for (int i = 0; i < out.length; i++) {
				logits[t][i] = (float) out[i];
			}
		}
		return logits;
	}

	private static double[] plus(double[] x, float[] bias) {
		if (bias != null) {
			for (int i = 0; i < x.length; i++) {
				x[i] += bias[i];
			}
		}
		return x;
	}

	/** Qwen3's QK-norm: RMSNorm over each head separately. */
	private double[] headNorm(double[] x, float[] weight) {
		if (weight == null) {
			return x;
		}
		int hd = this.c.headDim();
		double[] out = new double[x.length];
		for (int h = 0; h < x.length / hd; h++) {
			double[] head = java.util.Arrays.copyOfRange(x, h * hd, (h + 1) * hd);
			System.arraycopy(rms(head, weight), 0, out, h * hd, hd);
		}
		return out;
	}

	private double[] rms(double[] x, float[] weight) {
		double ss = 0;
		for (double v : x) {
			ss += v * v;
		}
		double scale = 1 / Math.sqrt(ss / x.length + this.c.rmsEps());
		double[] out = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			out[i] = x[i] * scale * weight[i];
		}
		return out;
	}

	private static double[] mul(FloatTensor m, double[] x) {
		double[] out = new double[m.rows()];
		for (int r = 0; r < m.rows(); r++) {
			double s = 0;
			for (int i = 0; i < m.cols(); i++) {
				s += m.get((long) r * m.cols() + i) * x[i];
			}
			out[r] = s;
		}
		return out;
	}

	private double[] rope(double[] v, int pos, int heads) {
		int hd = this.c.headDim();
		int pairs = this.c.ropeDim() / 2;
		for (int h = 0; h < heads; h++) {
			for (int i = 0; i < pairs; i++) {
				double angle = pos * Math.pow(this.c.ropeTheta(), -2.0 * i / this.c.ropeDim());
				int a = h * hd + ((this.c.ropeType() == RopeType.NORM) ? 2 * i : i);
				int b = (this.c.ropeType() == RopeType.NORM) ? a + 1 : a + pairs;
				double x1 = v[a];
				double x2 = v[b];
				v[a] = x1 * Math.cos(angle) - x2 * Math.sin(angle);
				v[b] = x1 * Math.sin(angle) + x2 * Math.cos(angle);
			}
		}
		return v;
	}

	private static void add(double[] x, double[] y) {
		for (int i = 0; i < x.length; i++) {
			x[i] += y[i];
		}
	}

}
