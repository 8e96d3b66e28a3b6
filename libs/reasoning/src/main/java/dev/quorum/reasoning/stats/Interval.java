// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stats;

/**
 * A confidence interval for a proportion.
 *
 * @param lower the lower bound, in [0, 1]
 * @param upper the upper bound, in [0, 1]
 */
public record Interval(double lower, double upper) {
}
