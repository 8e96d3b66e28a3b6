// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.quorum.engine.Engine;
import dev.quorum.engine.EngineConfig;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.GenerationRequest;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.chat.ChatMessage;
import dev.quorum.engine.chat.ChatTemplate;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.engine.tokenizer.Tokenizer;

/**
 * {@code generate}: streams a completion of a prompt, then prints its speed.
 */
final class GenerateCommand {

	private final Options options;

	private final PrintStream out;

	private final PrintStream err;

	GenerateCommand(Options options, PrintStream out, PrintStream err) {
		this.options = options;
		this.out = out;
		this.err = err;
	}

	int run() {
		Path file = Path.of(this.options.require("model"));
		String prompt = this.options.require("prompt");
		int threads = this.options.integer("threads", Runtime.getRuntime().availableProcessors());
		SamplingParams params = SamplingParams.greedy(this.options.integer("max-tokens", 256))
			.withTemperature(this.options.number("temperature", 0f))
			.withFilters(this.options.integer("top-k", 0), this.options.number("top-p", 1f),
					this.options.number("min-p", 0f))
			.withSeed(this.options.optionalLong("seed"));
		try (LoadedModel model = LoadedModel.load(file)) {
			Tokenizer tokenizer = model.tokenizer()
				.orElseThrow(() -> new IllegalArgumentException(file + " has no tokenizer metadata"));
			int[] ids;
			if (this.options.flag("chat")) {
				ChatTemplate template = model.chatTemplate()
					.orElseThrow(() -> new IllegalArgumentException("the model's chat template is not recognised"));
				String text = template.render(List.of(new ChatMessage("user", prompt)), true);
				ids = tokenizer.encode(text, true, true);
			}
			else {
				ids = tokenizer.encode(prompt, true, false);
			}
			// one request: no prefix cache, so the warm-up does not pre-compute the
			// prompt
			EngineConfig config = EngineConfig.defaults().withThreads(threads).withPrefixCaching(false);
			try (Engine engine = Engine.start(model, config)) {
				if (!this.options.flag("no-warmup")) {
					warmUp(engine, ids);
				}
				GenerationEvent.Completed done = engine.submit(GenerationRequest.of(ids, params), this::print)
					.completion()
					.join();
				this.out.println();
				report(done);
				return (done.error() == null) ? 0 : 1;
			}
		}
	}

	/**
	 * A short throw-away generation first, so that the speed printed at the end is that
	 * of JIT-compiled kernels rather than of the interpreter warming up.
	 */
	private static void warmUp(Engine engine, int[] prompt) {
		SamplingParams params = SamplingParams.greedy(16).withStops(java.util.Set.of(), List.of(), true);
		engine.submit(GenerationRequest.of(prompt, params).withN(2), (event) -> {
		}).completion().join();
	}

	private void print(GenerationEvent event) {
		if (event instanceof GenerationEvent.Token t) {
			this.out.print(t.text());
			this.out.flush();
		}
		else if (event instanceof GenerationEvent.ChoiceFinished f) {
			this.out.print(f.text());
		}
	}

	private void report(GenerationEvent.Completed done) {
		GenerationEvent.Usage u = done.usage();
		GenerationEvent.RequestStats s = done.stats();
		int computed = u.promptTokens() - u.cachedPromptTokens();
		// the first token comes out of the prefill step; the rest are decode steps
		int decoded = Math.max(0, u.completionTokens() - 1);
		this.err.printf("prompt: %d tokens in %.1f ms, %.1f tokens/s%n", computed, s.prefillNanos() / 1e6,
				rate(computed, s.prefillNanos()));
		this.err.printf("generation: %d tokens in %.1f ms, %.1f tokens/s%n", decoded, s.decodeNanos() / 1e6,
				rate(decoded, s.decodeNanos()));
		if (done.error() != null) {
			this.err.println("error: " + done.error());
		}
	}

	private static double rate(int tokens, long nanos) {
		return (nanos > 0) ? tokens * 1e9 / nanos : 0;
	}

}
