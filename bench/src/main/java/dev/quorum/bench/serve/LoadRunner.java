// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests open-loop: request i leaves at its arrival time whether or not earlier
 * ones have answered, on its own virtual thread; an optional concurrency cap makes it
 * wait for a free slot first (vLLM's {@code --max-concurrency}).
 */
public final class LoadRunner {

	private LoadRunner() {
	}

	/**
	 * Runs the requests and waits for all of them.
	 * @param http the client
	 * @param calls the requests, in send order
	 * @param arrivalsS send times in seconds from the start, one per request
	 * @param maxConcurrency most requests in flight; 0 for no cap
	 * @return the outcomes, in send order, and the run's duration
	 */
	public static Run run(OpenAiHttp http, List<Call> calls, double[] arrivalsS, int maxConcurrency) {
		if (arrivalsS.length != calls.size()) {
			throw new IllegalArgumentException(calls.size() + " requests but " + arrivalsS.length + " arrival times");
		}
		Outcome[] outcomes = new Outcome[calls.size()];
		Semaphore slots = (maxConcurrency > 0) ? new Semaphore(maxConcurrency) : null;
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < calls.size(); i++) {
				long due = start + (long) (arrivalsS[i] * 1e9);
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				int index = i;
				threads.execute(() -> outcomes[index] = send(http, calls.get(index), slots, start));
			}
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.DAYS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the requests", ex);
		}
		double duration = (System.nanoTime() - start) / 1e9;
		return new Run(Arrays.asList(outcomes), duration);
	}

	private static Outcome send(OpenAiHttp http, Call call, Semaphore slots, long start) {
		if (slots == null) {
			return http.send(call, start);
		}
		slots.acquireUninterruptibly();
		try {
			return http.send(call, start);
		}
		finally {
			slots.release();
		}
	}

	/**
	 * The requests of a run.
	 *
	 * @param outcomes one per request, in send order
	 * @param durationS from the start to the last answer, seconds
	 */
	public record Run(List<Outcome> outcomes, double durationS) {
	}

}
