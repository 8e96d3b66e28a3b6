// SPDX-License-Identifier: Apache-2.0
/**
 * The verifier's own metrics: request timer by endpoint, method and outcome; score
 * histogram.
 */
package dev.quorum.verifier.metrics;
