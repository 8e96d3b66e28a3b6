// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.sched;

import java.util.Arrays;

import dev.quorum.engine.kv.BlockTable;
import dev.quorum.engine.sample.Rng;
import dev.quorum.engine.sample.StopStrings;
import dev.quorum.engine.tokenizer.TokenDecoder;

/**
 * One stream of tokens: before the first sample, a request's prompt; afterwards one
 * choice. Holds its tokens (prompt plus generated), how many have KV in the cache, its
 * block table, and its sampling and text state. Confined to the engine thread.
 */
final class Sequence {

	enum State {

		WAITING, RUNNING, FINISHED

	}

	final Request request;

	final int choice;

	final int promptLength;

	final BlockTable table = new BlockTable();

	int[] tokens; // (capacity) prompt then generated tokens

	int length;

	int computed; // tokens whose K and V are in the cache

	State state = State.WAITING;

	Rng rng;

	TokenDecoder decoder;

	StopStrings stops;

	int generated;

	int stepTokens; // tokens scheduled in the current step

	int logitRow = -1; // logit row of the current step, or -1

	Sequence(Request request, int choice, int[] tokens, int length, int promptLength) {
		this.request = request;
		this.choice = choice;
		this.tokens = tokens;
		this.length = length;
		this.promptLength = promptLength;
	}

	void append(int token) {
		if (this.length == this.tokens.length) {
			this.tokens = Arrays.copyOf(this.tokens, Math.max(16, 2 * this.length));
		}
		this.tokens[this.length++] = token;
	}

	/**
	 * A choice that shares this sequence's tokens so far (the blocks are forked by the
	 * caller).
	 */
	Sequence child(int childChoice) {
		Sequence s = new Sequence(this.request, childChoice, Arrays.copyOf(this.tokens, this.tokens.length),
				this.length, this.promptLength);
		s.computed = this.computed;
		s.state = this.state;
		return s;
	}

	boolean prefillOnly() {
		return this.request.kind == Request.Kind.PREFILL;
	}

	@Override
	public String toString() {
		return "seq(req " + this.request.id() + ", choice " + this.choice + ", " + this.computed + "/" + this.length
				+ ", " + this.state + ")";
	}

}
