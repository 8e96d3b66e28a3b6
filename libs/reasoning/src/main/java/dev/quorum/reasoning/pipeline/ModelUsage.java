// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.pipeline;

/**
 * Token usage of one model within a request.
 *
 * @param model the model
 * @param samples candidates it returned
 * @param promptTokens prompt tokens billed
 * @param completionTokens completion tokens generated
 */
public record ModelUsage(String model, int samples, long promptTokens, long completionTokens) {
}
