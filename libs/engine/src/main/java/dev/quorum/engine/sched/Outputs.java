// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.util.List;

import dev.quorum.engine.FinishReason;
import dev.quorum.engine.GenerationEvent;
import dev.quorum.engine.PrefillResult;
import dev.quorum.engine.kv.BlockManager;
import dev.quorum.engine.kv.KvSlice;
import dev.quorum.engine.sample.Rng;
import dev.quorum.engine.sample.Sampler;
import dev.quorum.engine.sample.SamplingParams;
import dev.quorum.engine.sample.StopStrings;
import dev.quorum.engine.sample.TokenLogprobs;
import dev.quorum.engine.tokenizer.Tokenizer;

/**
 * The post-processing half of a step: records computed KV, samples next tokens, forks a
 * prompt into its choices (n samples or CoT-decoding branches), turns tokens into text
 * with stop strings, emits events and finishes choices and requests. Confined to the
 * engine thread.
 */
final class Outputs {

	private final Scheduler scheduler;

	private final BlockManager blocks;

	private final Sampler sampler;

	private final Tokenizer tokenizer;

	private final int vocab;

	private final int contextLength;

	volatile long generatedTokens; // written by the engine thread only

	Outputs(Scheduler scheduler, BlockManager blocks, Tokenizer tokenizer, int vocab, int contextLength) {
		this.scheduler = scheduler;
		this.blocks = blocks;
		this.sampler = new Sampler(vocab);
		this.tokenizer = tokenizer;
		this.vocab = vocab;
		this.contextLength = contextLength;
	}

	/** Handles the scheduled sequences after the forward pass wrote {@code logits}. */
	void process(List<Sequence> step, float[] logits) {
		for (Sequence s : step) {
			if (s.state != Sequence.State.RUNNING) {
				continue;
			}
			s.computed += s.stepTokens;
			this.blocks.commit(s.table, s.tokens, s.computed);
			if (s.prefillOnly()) {
				if (s.computed == s.length) {
					finishPrefill(s);
				}
			}
			else if (s.logitRow >= 0) {
				if (s.request.forked) {
					Request r = s.request;
					accept(s, this.sampler.sample(logits, s.logitRow * this.vocab, r.sampling(), s.rng), logits,
							s.logitRow);
				}
				else {
					fork(s, logits);
				}
			}
		}
	}

	/**
	 * First sampling after the prompt: make the choices and give each its first token.
	 */
	private void fork(Sequence prompt, float[] logits) {
		Request r = prompt.request;
		r.firstTokenAt = System.nanoTime();
		r.forked = true;
		int row = prompt.logitRow * this.vocab;
		SamplingParams params = r.sampling();
		int[] first;
		if (r.generation.branching() != null) {
			List<Sampler.Branch> branches = Sampler.branches(logits, row, this.vocab, r.generation.branching().k(),
					r.generation.branching().minProbability());
			first = new int[branches.size()];
			for (int i = 0; i < first.length; i++) {
				first[i] = branches.get(i).token();
				r.branches.add(new GenerationEvent.Branch(i, first[i], branches.get(i).probability()));
			}
		}
		else {
			first = new int[r.generation.n()];
		}
		r.choices = first.length;
		Sequence[] choices = new Sequence[first.length];
		choices[0] = prompt;
		for (int i = 1; i < first.length; i++) {
			Sequence child = prompt.child(i);
			this.blocks.fork(prompt.table, child.table);
			this.scheduler.running.add(child);
			r.sequences.add(child);
			choices[i] = child;
		}
		for (int i = 0; i < first.length; i++) {
			Sequence s = choices[i];
			s.rng = new Rng(r.baseSeed + i);
			s.decoder = (this.tokenizer != null) ? this.tokenizer.newDecoder() : null;
			s.stops = new StopStrings(params.stopStrings());
			if (r.generation.branching() == null) {
				first[i] = this.sampler.sample(logits, row, params, s.rng);
			}
		}
		for (int i = 0; i < first.length; i++) {
			accept(choices[i], first[i], logits, prompt.logitRow);
		}
	}

	private void accept(Sequence s, int token, float[] logits, int logitRow) {
		Request r = s.request;
		SamplingParams params = r.sampling();
		s.generated++;
		r.completionTokens++;
		this.generatedTokens++;
		if (r.stopTokens.contains(token)) {
			finishChoice(s, FinishReason.STOP, null);
			return;
		}
		TokenLogprobs lp = (params.logprobs() || params.topLogprobs() > 0)
				? TokenLogprobs.of(logits, logitRow * this.vocab, this.vocab, token, params.topLogprobs()) : null;
		s.append(token);
		String text = s.stops.push((s.decoder != null) ? s.decoder.push(token) : "");
		emit(r, new GenerationEvent.Token(s.choice, token, text, lp));
		if (s.stops.matched() != null) {
			finishChoice(s, FinishReason.STOP, s.stops.matched());
		}
		else if (s.generated >= params.maxTokens() || s.length >= this.contextLength) {
			finishChoice(s, FinishReason.LENGTH, null);
		}
	}

	/** Ends one choice; the last one completes the request. */
	void finishChoice(Sequence s, FinishReason reason, String stop) {
		Request r = s.request;
		String tail = "";
		if (stop == null && s.stops != null) {
			tail = s.stops.push((s.decoder != null) ? s.decoder.flush() : "");
			if (s.stops.matched() != null) {
				stop = s.stops.matched();
				reason = FinishReason.STOP;
			}
			else {
				tail += s.stops.flush();
			}
		}
		this.scheduler.remove(s);
		emit(r, new GenerationEvent.ChoiceFinished(s.choice, reason, tail, s.generated, stop));
		r.finishedChoices++;
		if (r.finishedChoices >= r.choices) {
			complete(r);
		}
	}

	/** Ends every unfinished choice of a request (cancel, error, shutdown). */
	void abort(Request r, FinishReason reason, String error) {
		if (r.done) {
			return;
		}
		if (error != null && r.error == null) {
			r.error = error;
		}
		if (r.kind == Request.Kind.PREFILL) {
			for (Sequence s : r.sequences) {
				this.scheduler.remove(s);
			}
			r.done = true;
			if (error != null) {
				r.prefillResult.completeExceptionally(new IllegalStateException(error));
			}
			else {
				r.prefillResult.cancel(false);
			}
			return;
		}
		if (!r.forked) {
			// the prompt never produced choices: end all that were asked for
			this.scheduler.remove(r.sequences.get(0));
			r.choices = (r.generation.branching() != null) ? 1 : r.generation.n();
			for (int i = 0; i < r.choices; i++) {
				emit(r, new GenerationEvent.ChoiceFinished(i, reason, "", 0, null));
			}
			r.finishedChoices = r.choices;
			complete(r);
			return;
		}
		for (Sequence s : List.copyOf(r.sequences)) {
			if (s.state != Sequence.State.FINISHED) {
				finishChoice(s, reason, null);
			}
		}
	}

	private void complete(Request r) {
		r.done = true;
		long now = System.nanoTime();
		long admitted = (r.admittedAt >= 0) ? r.admittedAt : now;
		long first = (r.firstTokenAt >= 0) ? r.firstTokenAt : now;
		GenerationEvent.Completed done = new GenerationEvent.Completed(
				new GenerationEvent.Usage(r.generation.prompt().length, Math.max(0, r.cachedPrompt),
						r.completionTokens),
				new GenerationEvent.RequestStats(admitted - r.submittedAt, first - admitted, now - first),
				List.copyOf(r.branches), r.error);
		emit(r, done);
		r.completion.complete(done);
	}

	void finishPrefill(Sequence s) {
		Request r = s.request;
		int from = Math.min(r.prefill.exportFrom() / this.blocks.blockSize() * this.blocks.blockSize(), s.length);
		KvSlice kv = this.blocks.export(s.table, s.tokens, from, s.length);
		long now = System.nanoTime();
		PrefillResult result = new PrefillResult(kv, r.cachedPrompt, s.length - r.cachedPrompt,
				r.admittedAt - r.submittedAt, now - r.admittedAt);
		this.scheduler.remove(s);
		r.done = true;
		r.prefillResult.complete(result);
	}

	/**
	 * Delivers an event; a listener that throws gets its request cancelled with an error.
	 */
	private static void emit(Request r, GenerationEvent event) {
		try {
			r.listener.onEvent(event);
		}
		catch (RuntimeException ex) {
			if (r.error == null) {
				r.error = "listener failed: " + ex;
			}
			r.cancelRequested = true;
		}
	}

}
