// SPDX-License-Identifier: Apache-2.0
/**
 * Continuous batching: requests and sequences, the scheduler and the engine's step loop.
 */
package dev.quorum.engine.sched;
