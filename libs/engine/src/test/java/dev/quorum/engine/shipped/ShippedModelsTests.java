// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.shipped;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationHandle;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.Json;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.Probe;
import dev.quorum.engine.sample.SamplingParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped models ({@code models/*.gguf}, as shipped: Q4_0 and Q8_0) reproduce their
 * PyTorch reference ({@code models/eval/reference/}, computed from the same dequantised
 * weights): the greedy step-by-step outputs of 50 held-out problems, and teacher-forced
 * next-token distributions.
 *
 * <p>
 * Greedy comparison: where the reference's top-2 probability margin at a step is below
 * {@value #TIE_MARGIN}, the two candidates are a near tie that float rounding may decide
 * either way (the reference's own float32 run differs from float64 there); the comparison
 * stops at the first such step. Logits: the reference multiplied the same dequantised
 * weights in float32, as the engine does (it never rounds activations), so only the order
 * of float32 additions differs — about 1e-4 on these logits; {@value #LOGIT_TOLERANCE}
 * absolute catches any real error (a wrong dequantiser or kernel moves them by 1e-2 or
 * more).
 */
class ShippedModelsTests {

	static final Path MODELS = Path.of("..", "..", "models").toAbsolutePath().normalize();

	static final double TIE_MARGIN = 1e-3;

	static final double LOGIT_TOLERANCE = 2e-3;

	static final Map<String, Engine> engines = new java.util.HashMap<>();

	static final Map<String, LoadedModel> loaded = new java.util.HashMap<>();

	@BeforeAll
	static void load() {
		for (String name : List.of("tiny-reasoner", "tiny-reasoner-b", "tiny-verifier")) {
			LoadedModel model = LoadedModel.load(MODELS.resolve(name + ".gguf"));
			loaded.put(name, model);
			engines.put(name, Engine.start(model, EngineConfig.defaults().withKvCacheBytes(64L << 20).withThreads(2)));
		}
	}

	@AfterAll
	static void close() {
		engines.values().forEach(Engine::close);
		loaded.values().forEach(LoadedModel::close);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tiny-reasoner", "tiny-reasoner-b", "tiny-verifier" })
	@SuppressWarnings("unchecked")
	void greedyStepByStepOutputsMatchTheReferenceOnFiftyHeldOutProblems(String name) throws IOException {
		Map<String, Object> reference = (Map<String, Object>) Json
			.parse(Files.readString(MODELS.resolve("eval/reference/" + name + ".greedy.json")));
		List<Map<String, Object>> cases = (List<Map<String, Object>>) reference.get("cases");
		assertThat(cases).hasSize(50);
		Engine engine = engines.get(name);
		// all 50 at once: the engine batches them, and batching does not change a
		// sequence's tokens
		List<GreedyRun> runs = new ArrayList<>();
		for (Map<String, Object> c : cases) {
			int[] expected = ints((List<Object>) c.get("generated"));
			runs.add(GreedyRun.start(engine, ints((List<Object>) c.get("prompt")), expected.length + 1));
		}
		int compared = 0;
		int exact = 0;
		for (int k = 0; k < cases.size(); k++) {
			Map<String, Object> c = cases.get(k);
			int[] expected = ints((List<Object>) c.get("generated"));
			List<Object> margins = (List<Object>) c.get("margins");
			int[] ours = runs.get(k).await();
			int until = expected.length;
			for (int i = 0; i < margins.size() && i < expected.length; i++) {
				if (((Number) margins.get(i)).doubleValue() < TIE_MARGIN) {
					until = i;
					break;
				}
			}
			assertThat(Arrays.copyOf(ours, Math.min(until, ours.length)))
				.as(name + " case " + c.get("id") + " (first " + until + " tokens)")
				.containsExactly(Arrays.copyOf(expected, until));
			compared += until;
			if (until == expected.length && Arrays.equals(Arrays.copyOf(ours, expected.length), expected)) {
				exact++;
			}
		}
		assertThat(compared).isGreaterThan(1000);
		assertThat(exact).as("cases reproduced in full").isGreaterThanOrEqualTo(45);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tiny-reasoner", "tiny-reasoner-b", "tiny-verifier" })
	@SuppressWarnings("unchecked")
	void teacherForcedLogitsMatchTheReference(String name) throws IOException {
		Map<String, Object> reference = (Map<String, Object>) Json
			.parse(Files.readString(MODELS.resolve("eval/reference/" + name + ".ref.json")));
		int vocab = ((Number) reference.get("vocab_size")).intValue();
		float[] logits = floats(MODELS.resolve("eval/reference/" + reference.get("logits")));
		for (Map<String, Object> sequence : (List<Map<String, Object>>) reference.get("sequences")) {
			int[] tokens = ints((List<Object>) sequence.get("tokens"));
			int offset = ((Number) sequence.get("row_offset")).intValue();
			float[] ours = Probe.allLogits(loaded.get(name), tokens);
			float worst = 0;
			for (int t = 0; t < tokens.length; t++) {
				for (int v = 0; v < vocab; v++) {
					worst = Math.max(worst, Math.abs(ours[t * vocab + v] - logits[(offset + t) * vocab + v]));
				}
			}
			assertThat(worst).as(name + ": max |logit - reference| over " + tokens.length + " positions")
				.isLessThanOrEqualTo((float) LOGIT_TOLERANCE);
		}
	}

	/**
	 * A greedy generation in flight (EOS included, as the reference's generate() stops on
	 * it).
	 */
	private record GreedyRun(List<Integer> tokens, CompletableFuture<GenerationEvent.Completed> done) {

		static GreedyRun start(Engine engine, int[] prompt, int max) {
			List<Integer> out = Collections.synchronizedList(new ArrayList<>());
			GenerationHandle handle = engine
				.submit(GenerationRequest.of(prompt, SamplingParams.greedy(max).withSeed(1L)), (event) -> {
					if (event instanceof GenerationEvent.Token t) {
						out.add(t.tokenId());
					}
				});
			return new GreedyRun(out, handle.completion());
		}

		int[] await() {
			assertThat(this.done.join().error()).isNull();
			return this.tokens.stream().mapToInt(Integer::intValue).toArray();
		}

	}

	private static int[] ints(List<Object> values) {
		return values.stream().mapToInt((v) -> ((Number) v).intValue()).toArray();
	}

	private static float[] floats(Path file) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		float[] out = new float[bytes.remaining() / 4];
		bytes.asFloatBuffer().get(out);
		return out;
	}

}
