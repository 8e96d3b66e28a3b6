// SPDX-License-Identifier: Apache-2.0
/**
 * Answer extraction: finds the final answer in a generated text and records where it is.
 */
package dev.quorum.reasoning.extract;
