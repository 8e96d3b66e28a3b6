// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

import java.time.Duration;

/**
 * Where a request's time went.
 *
 * @param total from the start to the result
 * @param generation from the first generation request to the last arrival
 * @param verification time spent waiting for the verifier
 */
public record Timings(Duration total, Duration generation, Duration verification) {
}
