// SPDX-License-Identifier: Apache-2.0
/**
 * Adaptive stopping rules for self-consistency sampling.
 */
package dev.quorum.reasoning.stop;
