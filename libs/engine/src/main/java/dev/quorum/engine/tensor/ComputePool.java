// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A dedicated pool of compute threads for data-parallel kernels (never the common
 * ForkJoinPool). {@link #run(int, IntConsumer)} runs tasks {@code 0..n-1} on the calling
 * thread plus {@code threads - 1} workers and returns when all are done. Tasks are pulled
 * from a shared counter, so a slow or preempted thread does not hold up the others.
 * Workers spin briefly between jobs (a forward pass issues hundreds of jobs per step) and
 * park when idle.
 * <p>
 * One caller at a time: the engine's step thread. Which thread runs a task does not
 * change any result, because a task always computes the same outputs in the same order.
 */
public final class ComputePool implements AutoCloseable {

	/**
	 * How long an idle worker spins before parking. Longer than the serial stretches of a
	 * forward pass and the gap between decode steps: with 50 us a 15M-model step parked
	 * and re-woke the worker about twice, and each wake-up costs tens of microseconds in
	 * a VM. Spinning uses {@link Thread#onSpinWait()} and stops once the engine is idle.
	 */
	private static final long SPIN_NANOS = 500_000;

	private final Thread[] workers;

	private final boolean[] parkedFlags; // written by each worker, read by the caller

	private static final java.lang.invoke.VarHandle PARKED = java.lang.invoke.MethodHandles
		.arrayElementVarHandle(boolean[].class);

	private volatile Job current;

	private volatile int generation;

	private volatile boolean closed;

	private static final class Job {

		final IntConsumer task;

		final int count;

		final AtomicInteger next = new AtomicInteger();

		final AtomicInteger done = new AtomicInteger();

		volatile Throwable error;

		Job(IntConsumer task, int count) {
			this.task = task;
			this.count = count;
		}

		void work() {
			int i;
			while ((i = this.next.getAndIncrement()) < this.count) {
				try {
					if (this.error == null) {
						this.task.accept(i);
					}
				}
				catch (Throwable ex) {
					this.error = ex;
				}
				finally {
					this.done.incrementAndGet();
				}
			}
		}

	}

	/**
	 * Starts the workers.
	 * @param threads total parallelism including the caller, at least 1
	 */
	public ComputePool(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, got " + threads);
		}
		this.workers = new Thread[threads - 1];
		this.parkedFlags = new boolean[threads - 1];
		for (int i = 0; i < this.workers.length; i++) {
			int index = i;
			this.workers[i] = Thread.ofPlatform()
				.daemon()
				.name("quorum-compute-" + (i + 1))
				.unstarted(() -> workLoop(index));
			this.workers[i].start();
		}
	}

	/**
	 * Total parallelism.
	 * @return workers plus the caller
	 */
	public int threads() {
		return this.workers.length + 1;
	}

	/**
	 * Runs {@code task.accept(i)} for every {@code i} in {@code [0, count)} and waits.
	 * @param count number of tasks
	 * @param task the task body; must not call this pool
	 */
	public void run(int count, IntConsumer task) {
		if (count <= 0) {
			return;
		}
		if (count == 1 || this.workers.length == 0) {
			for (int i = 0; i < count; i++) {
				task.accept(i);
			}
			return;
		}
		if (this.closed) {
			throw new IllegalStateException("compute pool is closed");
		}
		Job job = new Job(task, count);
		this.current = job;
		this.generation++;
		for (int i = 0; i < this.workers.length; i++) {
			// a spinning worker sees the new generation by itself; only a parked one
			// needs waking, and only once: it may take tens of microseconds to run
			// again, and jobs posted meanwhile must not pay for an unpark each
			if ((boolean) PARKED.getAndSet(this.parkedFlags, i, false)) {
				LockSupport.unpark(this.workers[i]);
			}
		}
		job.work();
		while (job.done.get() < count) {
			Thread.onSpinWait();
		}
		Throwable error = job.error;
		if (error instanceof RuntimeException rex) {
			throw rex;
		}
		if (error instanceof Error err) {
			throw err;
		}
	}

	private void workLoop(int index) {
		int seen = 0;
		while (!this.closed) {
			long spinStart = System.nanoTime();
			while (this.generation == seen && !this.closed) {
				if (System.nanoTime() - spinStart < SPIN_NANOS) {
					Thread.onSpinWait();
				}
				else {
					PARKED.setVolatile(this.parkedFlags, index, true);
					if (this.generation == seen && !this.closed) {
						LockSupport.park(this);
					}
					PARKED.setVolatile(this.parkedFlags, index, false);
				}
			}
			seen = this.generation;
			Job job = this.current;
			if (job != null) {
				job.work();
			}
		}
	}

	/** Stops the workers. */
	@Override
	public void close() {
		this.closed = true;
		for (Thread worker : this.workers) {
			LockSupport.unpark(worker);
		}
	}

}
