// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.gguf.GgufValueType;
import dev.quorum.engine.gguf.GgufWriter;
import dev.quorum.engine.tensor.Quantizer;

/**
 * Writes small random-weight Llama GGUF files with the shipped 259-token byte vocabulary
 * (ids 0..255 = bytes, 256 BOS, 257 EOS, 258 pad), for tests that must not wait for the
 * PyTorch fixtures. Weights are N(0, 1/in), embeddings N(0, 1), norms 1 + N(0, 0.1^2),
 * like the fixture exporter's.
 */
public final class TestModels {

	/**
	 * Shape and type of a test model.
	 *
	 * @param layers blocks
	 * @param dim embedding width
	 * @param heads query heads
	 * @param kvHeads key/value heads
	 * @param ffn feed-forward width
	 * @param type matrix type
	 * @param tied whether the output reuses the embedding
	 * @param seed weight seed
	 */
	public record Spec(int layers, int dim, int heads, int kvHeads, int ffn, GgmlType type, boolean tied, long seed) {

		/** Two layers, 64 wide, GQA 4/2, F32, untied. */
		public static Spec small() {
			return new Spec(2, 64, 4, 2, 96, GgmlType.F32, false, 7);
		}

		/**
		 * The same shape with another matrix type.
		 * @param t the type
		 * @return the spec
		 */
		public Spec withType(GgmlType t) {
			return new Spec(this.layers, this.dim, this.heads, this.kvHeads, this.ffn, t, this.tied, this.seed);
		}

		/**
		 * The same shape with the output tied or not.
		 * @param t whether tied
		 * @return the spec
		 */
		public Spec withTied(boolean t) {
			return new Spec(this.layers, this.dim, this.heads, this.kvHeads, this.ffn, this.type, t, this.seed);
		}

	}

	/** Vocabulary size of the byte vocabulary. */
	public static final int VOCAB = 259;

	private TestModels() {
	}

	/**
	 * Writes a model file.
	 * @param file the target
	 * @param spec the shape
	 * @return the file
	 */
	public static Path write(Path file, Spec spec) {
		SplittableRandom rng = new SplittableRandom(spec.seed());
		int headDim = spec.dim() / spec.heads();
		GgufWriter w = new GgufWriter();
		w.putString("general.architecture", "llama");
		w.putString("general.name", "test-" + spec.type());
		w.putU32("general.alignment", 32);
		w.putU32("llama.block_count", spec.layers());
		w.putU32("llama.context_length", 512);
		w.putU32("llama.embedding_length", spec.dim());
		w.putU32("llama.feed_forward_length", spec.ffn());
		w.putU32("llama.attention.head_count", spec.heads());
		w.putU32("llama.attention.head_count_kv", spec.kvHeads());
		w.putF32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
		w.putF32("llama.rope.freq_base", 10000f);
		w.putU32("llama.rope.dimension_count", headDim);
		w.putU32("llama.vocab_size", VOCAB);
		byteVocabulary(w);
		matrix(w, "token_embd.weight", VOCAB, spec.dim(), 1.0, spec.type(), rng);
		for (int l = 0; l < spec.layers(); l++) {
			String p = "blk." + l + ".";
			norm(w, p + "attn_norm.weight", spec.dim(), rng);
			double in = 1.0 / Math.sqrt(spec.dim());
			matrix(w, p + "attn_q.weight", spec.heads() * headDim, spec.dim(), in, spec.type(), rng);
			matrix(w, p + "attn_k.weight", spec.kvHeads() * headDim, spec.dim(), in, spec.type(), rng);
			matrix(w, p + "attn_v.weight", spec.kvHeads() * headDim, spec.dim(), in, spec.type(), rng);
			matrix(w, p + "attn_output.weight", spec.dim(), spec.heads() * headDim,
					1.0 / Math.sqrt(spec.heads() * headDim), spec.type(), rng);
			norm(w, p + "ffn_norm.weight", spec.dim(), rng);
			matrix(w, p + "ffn_gate.weight", spec.ffn(), spec.dim(), in, spec.type(), rng);
			matrix(w, p + "ffn_up.weight", spec.ffn(), spec.dim(), in, spec.type(), rng);
			matrix(w, p + "ffn_down.weight", spec.dim(), spec.ffn(), 1.0 / Math.sqrt(spec.ffn()), spec.type(), rng);
		}
		norm(w, "output_norm.weight", spec.dim(), rng);
		if (!spec.tied()) {
			matrix(w, "output.weight", VOCAB, spec.dim(), 1.0 / Math.sqrt(spec.dim()), spec.type(), rng);
		}
		w.write(file);
		return file;
	}

	/**
	 * Adds the shipped byte vocabulary's tokenizer keys.
	 * @param w the writer
	 */
	public static void byteVocabulary(GgufWriter w) {
		List<String> tokens = new ArrayList<>();
		for (int b = 0; b < 256; b++) {
			tokens.add(new String(Character.toChars(byteToUnicode(b))));
		}
		tokens.addAll(List.of("<s>", "</s>", "<pad>"));
		List<Integer> types = new ArrayList<>(Collections.nCopies(256, 1));
		types.addAll(List.of(3, 3, 3));
		w.putString("tokenizer.ggml.model", "gpt2");
		w.putString("tokenizer.ggml.pre", "default");
		w.putArray("tokenizer.ggml.tokens", GgufValueType.STRING, tokens);
		w.putArray("tokenizer.ggml.token_type", GgufValueType.I32, types);
		w.putArray("tokenizer.ggml.merges", GgufValueType.STRING, List.of());
		w.putU32("tokenizer.ggml.bos_token_id", 256);
		w.putU32("tokenizer.ggml.eos_token_id", 257);
		w.putU32("tokenizer.ggml.padding_token_id", 258);
		w.putBool("tokenizer.ggml.add_bos_token", true);
		w.putBool("tokenizer.ggml.add_eos_token", false);
		w.putString("tokenizer.chat_template", "{# quorum-qa #}");
	}

	/** GPT-2's byte-to-unicode map. */
	static int byteToUnicode(int b) {
		if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
			return b;
		}
		int n = 0;
		for (int c = 0; c < b; c++) {
			if (!((c >= '!' && c <= '~') || (c >= 0xA1 && c <= 0xAC) || (c >= 0xAE && c <= 0xFF))) {
				n++;
			}
		}
		return 256 + n;
	}

	/**
	 * Random normal values.
	 * @param n count
	 * @param std standard deviation
	 * @param rng source
	 * @return the values
	 */
	public static float[] normal(int n, double std, SplittableRandom rng) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++) {
			v[i] = (float) (gaussian(rng) * std);
		}
		return v;
	}

	private static double gaussian(SplittableRandom rng) {
		double u = 1.0 - rng.nextDouble();
		double v = rng.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	private static void matrix(GgufWriter w, String name, int rows, int cols, double std, GgmlType type,
			SplittableRandom rng) {
		byte[] bytes = Quantizer.encode(type, normal(rows * cols, std, rng));
		w.addTensor(name, new long[] { cols, rows }, type, MemorySegment.ofArray(bytes));
	}

	private static void norm(GgufWriter w, String name, int n, SplittableRandom rng) {
		float[] v = normal(n, 0.1, rng);
		for (int i = 0; i < n; i++) {
			v[i] += 1f;
		}
		w.addTensor(name, new long[] { n }, GgmlType.F32, MemorySegment.ofArray(Quantizer.encode(GgmlType.F32, v)));
	}

}
