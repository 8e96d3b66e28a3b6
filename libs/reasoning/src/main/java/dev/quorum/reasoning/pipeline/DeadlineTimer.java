// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Signals when a deadline passes. Injected so that tests decide when time is up.
 */
@FunctionalInterface
public interface DeadlineTimer {

	/**
	 * A stage that completes once {@code delay} has passed.
	 * @param delay the delay
	 * @return the signal
	 */
	CompletionStage<Void> after(Duration delay);

	/**
	 * The wall-clock timer ({@link CompletableFuture#delayedExecutor}).
	 * @return the timer
	 */
	static DeadlineTimer system() {
		return (delay) -> CompletableFuture.runAsync(() -> {
		}, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS));
	}

}
