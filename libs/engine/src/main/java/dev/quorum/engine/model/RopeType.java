// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.model;

/**
 * How RoPE pairs the dimensions of a head, as llama.cpp names it.
 */
public enum RopeType {

	/**
	 * Adjacent pairs (2i, 2i+1): arch {@code llama} (HF weights are permuted at
	 * conversion).
	 */
	NORM,
	/** Split halves (i, i + d/2): {@code qwen2}, {@code qwen3}, {@code gptneox}. */
	NEOX

}
