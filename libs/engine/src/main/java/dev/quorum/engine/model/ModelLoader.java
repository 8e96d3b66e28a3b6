// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quorum.engine.gguf.GgmlType;
import dev.quorum.engine.gguf.GgufException;
import dev.quorum.engine.gguf.GgufFile;
import dev.quorum.engine.gguf.GgufMetadata;
import dev.quorum.engine.gguf.GgufTensorInfo;
import dev.quorum.engine.tensor.FloatTensor;
import dev.quorum.engine.tensor.MatMul;

/**
 * Builds a model from a GGUF file, dispatching on {@code general.architecture} (never on
 * {@code general.name}). Hyper-parameters come from the {@code <arch>.*} keys and tensors
 * from llama.cpp's names ({@code token_embd.weight}, {@code blk.N.attn_q.weight}, ...).
 */
public final class ModelLoader {

	/** What distinguishes one supported architecture from another. */
	private record Family(RopeType ropeType, boolean requiresBias, boolean requiresQkNorm) {
	}

	/**
	 * Supported architectures. qwen2 (NEOX RoPE, QKV biases) and qwen3 (QK-norm) are
	 * flags of the same forward pass; they are left out until reference fixtures check
	 * them.
	 */
	private static final Map<String, Family> FAMILIES = Map.of("llama", new Family(RopeType.NORM, false, false));

	private ModelLoader() {
	}

	/**
	 * The architectures {@link #load} accepts.
	 * @return architecture names
	 */
	public static List<String> supportedArchitectures() {
		return List.copyOf(FAMILIES.keySet());
	}

	/**
	 * Reads the configuration of a model file.
	 * @param gguf the file
	 * @return the configuration
	 * @throws UnsupportedModelException for an unknown architecture or bad shapes
	 */
	public static ModelConfig config(GgufFile gguf) {
		String arch = gguf.architecture();
		Family family = FAMILIES.get(arch);
		if (family == null) {
			throw new UnsupportedModelException(
					"unsupported architecture '" + arch + "' (supported: " + supportedArchitectures() + ")");
		}
		GgufMetadata m = gguf.meta();
		try {
			int dim = m.requireInt(arch + ".embedding_length");
			int heads = m.requireInt(arch + ".attention.head_count");
			int kvHeads = m.integer(arch + ".attention.head_count_kv", heads);
			int headDim = m.integer(arch + ".attention.key_length", dim / heads);
			GgufTensorInfo embd = gguf.requireTensor("token_embd.weight");
			int vocab = m.integer(arch + ".vocab_size", (int) embd.dim(1));
			boolean bias = gguf.tensor("blk.0.attn_q.bias").isPresent();
			boolean qkNorm = gguf.tensor("blk.0.attn_q_norm.weight").isPresent();
			if (family.requiresBias() && !bias) {
				throw new UnsupportedModelException(arch + " model without blk.0.attn_q.bias");
			}
			if (family.requiresQkNorm() && !qkNorm) {
				throw new UnsupportedModelException(arch + " model without blk.0.attn_q_norm.weight");
			}
			if (heads <= 0 || kvHeads <= 0 || heads % kvHeads != 0) {
				throw new UnsupportedModelException(
						"head_count " + heads + " must be a positive multiple of head_count_kv " + kvHeads);
			}
			int ropeDim = m.integer(arch + ".rope.dimension_count", headDim);
			if (ropeDim > headDim || ropeDim % 2 != 0) {
				throw new UnsupportedModelException(
						"rope.dimension_count " + ropeDim + " must be even and <= head dim " + headDim);
			}
			return new ModelConfig(arch, dim, m.requireInt(arch + ".feed_forward_length"),
					m.requireInt(arch + ".block_count"), heads, kvHeads, headDim, vocab,
					m.integer(arch + ".context_length", 2048),
					m.floating(arch + ".attention.layer_norm_rms_epsilon", 1e-5f),
					m.floating(arch + ".rope.freq_base", 10000f), ropeDim, family.ropeType(), bias, qkNorm,
					gguf.tensor("output.weight").isEmpty());
		}
		catch (GgufException ex) {
			throw new UnsupportedModelException(arch + " model: " + ex.getMessage());
		}
	}

	/**
	 * Builds the model; weights stay in the mapped file.
	 * @param gguf the file, which must stay open while the model is used
	 * @param matMul the matrix-product operator (and its compute pool)
	 * @return the model
	 */
	public static LlamaModel load(GgufFile gguf, MatMul matMul) {
		ModelConfig c = config(gguf);
		FloatTensor embedding = matrix(gguf, "token_embd.weight", c.vocabSize(), c.dim());
		List<LayerWeights> layers = new ArrayList<>(c.layers());
		for (int i = 0; i < c.layers(); i++) {
			String p = "blk." + i + ".";
			layers.add(new LayerWeights(vector(gguf, p + "attn_norm.weight", c.dim()),
					matrix(gguf, p + "attn_q.weight", c.qDim(), c.dim()),
					matrix(gguf, p + "attn_k.weight", c.kvDim(), c.dim()),
					matrix(gguf, p + "attn_v.weight", c.kvDim(), c.dim()),
					matrix(gguf, p + "attn_output.weight", c.dim(), c.qDim()),
					c.qkvBias() ? vector(gguf, p + "attn_q.bias", c.qDim()) : null,
					c.qkvBias() ? vector(gguf, p + "attn_k.bias", c.kvDim()) : null,
					c.qkvBias() ? vector(gguf, p + "attn_v.bias", c.kvDim()) : null,
					c.qkNorm() ? vector(gguf, p + "attn_q_norm.weight", c.headDim()) : null,
					c.qkNorm() ? vector(gguf, p + "attn_k_norm.weight", c.headDim()) : null,
					vector(gguf, p + "ffn_norm.weight", c.dim()),
					matrix(gguf, p + "ffn_gate.weight", c.ffnDim(), c.dim()),
					matrix(gguf, p + "ffn_up.weight", c.ffnDim(), c.dim()),
					matrix(gguf, p + "ffn_down.weight", c.dim(), c.ffnDim())));
		}
		FloatTensor output = c.tiedOutput() ? embedding : matrix(gguf, "output.weight", c.vocabSize(), c.dim());
		float[] freqs = gguf.tensor("rope_freqs.weight").isPresent()
				? vector(gguf, "rope_freqs.weight", c.ropeDim() / 2) : null;
		ModelWeights weights = new ModelWeights(embedding, List.copyOf(layers),
				vector(gguf, "output_norm.weight", c.dim()), output, freqs);
		return new LlamaModel(c, weights, matMul);
	}

	private static FloatTensor matrix(GgufFile gguf, String name, int rows, int cols) {
		GgufTensorInfo info = require(gguf, name);
		if (info.rank() != 2 || info.dim(0) != cols || info.dim(1) != rows) {
			throw new UnsupportedModelException(
					"tensor " + name + " has shape " + shape(info) + ", expected [" + cols + ", " + rows + "]");
		}
		checkType(info);
		return FloatTensor.of(info.type(), gguf.tensorData(info), rows, cols);
	}

	private static float[] vector(GgufFile gguf, String name, int n) {
		GgufTensorInfo info = require(gguf, name);
		if (info.elementCount() != n) {
			throw new UnsupportedModelException(
					"tensor " + name + " has shape " + shape(info) + ", expected [" + n + "]");
		}
		checkType(info);
		float[] values = new float[n];
		FloatTensor.of(info.type(), gguf.tensorData(info), 1, n).dequantizeRow(0, values, 0);
		return values;
	}

	private static GgufTensorInfo require(GgufFile gguf, String name) {
		return gguf.tensor(name).orElseThrow(() -> new UnsupportedModelException("missing tensor " + name));
	}

	private static void checkType(GgufTensorInfo info) {
		GgmlType type = info.type();
		if (!type.supported()) {
			throw new UnsupportedModelException("tensor " + info.name() + " has unsupported type " + type
					+ " (supported: F32, F16, BF16, Q8_0, Q4_0)");
		}
	}

	private static String shape(GgufTensorInfo info) {
		return java.util.Arrays.toString(info.dims());
	}

}
