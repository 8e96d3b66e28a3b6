// SPDX-License-Identifier: Apache-2.0
package dev.quorum.verifier.score;

/**
 * A result and the tokens spent on it.
 *
 * @param <T> the result type
 * @param value the result
 * @param usage the tokens the backend processed for it
 */
record Spent<T>(T value, Usage usage) {
}
