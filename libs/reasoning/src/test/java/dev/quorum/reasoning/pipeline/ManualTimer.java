// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A deadline that passes only when the test says so.
 */
final class ManualTimer implements DeadlineTimer {

	private final CompletableFuture<Void> signal = new CompletableFuture<>();

	Duration requested;

	@Override
	public CompletionStage<Void> after(Duration delay) {
		this.requested = delay;
		return this.signal;
	}

	void fire() {
		this.signal.complete(null);
	}

}
