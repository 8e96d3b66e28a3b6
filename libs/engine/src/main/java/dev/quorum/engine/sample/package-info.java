// SPDX-License-Identifier: Apache-2.0
/**
 * Token sampling: parameters, seeded random numbers, the sampler, log-probabilities and
 * stop strings.
 */
package dev.quorum.engine.sample;
