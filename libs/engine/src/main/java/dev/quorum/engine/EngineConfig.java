// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine;

/**
 * Engine settings.
 *
 * @param threads compute threads including the engine thread
 * @param kvCacheBytes memory for the KV cache; divided into blocks
 * @param blockSize tokens per KV block (the platform's chunk size, 32)
 * @param maxBatchTokens most tokens in one forward step (decode tokens plus prefill
 * chunks)
 * @param maxSequences most sequences running at once
 * @param prefixCaching whether computed full blocks are reused by later requests
 */
public record EngineConfig(int threads, long kvCacheBytes, int blockSize, int maxBatchTokens, int maxSequences,
		boolean prefixCaching) {

	/**
	 * Validates.
	 * @param threads compute threads
	 * @param kvCacheBytes KV memory
	 * @param blockSize tokens per block
	 * @param maxBatchTokens tokens per step
	 * @param maxSequences running sequences
	 * @param prefixCaching prefix caching
	 */
	public EngineConfig {
		if (threads < 1 || blockSize < 1 || maxBatchTokens < 1 || maxSequences < 1 || kvCacheBytes < 1) {
			throw new IllegalArgumentException(
					"engine settings must be positive: " + threads + " threads, " + kvCacheBytes + " KV bytes, block "
							+ blockSize + ", " + maxBatchTokens + " tokens per step, " + maxSequences + " sequences");
		}
	}

	/**
	 * Defaults: all cores, 256 MiB of KV, blocks of 32, 512 tokens per step, 64
	 * sequences, prefix caching on.
	 * @return the defaults
	 */
	public static EngineConfig defaults() {
		return new EngineConfig(Runtime.getRuntime().availableProcessors(), 256L << 20, 32, 512, 64, true);
	}

	/**
	 * Copy with another thread count.
	 * @param n threads
	 * @return the config
	 */
	public EngineConfig withThreads(int n) {
		return new EngineConfig(n, this.kvCacheBytes, this.blockSize, this.maxBatchTokens, this.maxSequences,
				this.prefixCaching);
	}

	/**
	 * Copy with another KV budget.
	 * @param bytes KV memory
	 * @return the config
	 */
	public EngineConfig withKvCacheBytes(long bytes) {
		return new EngineConfig(this.threads, bytes, this.blockSize, this.maxBatchTokens, this.maxSequences,
				this.prefixCaching);
	}

	/**
	 * Copy with another block size.
	 * @param tokens tokens per block
	 * @return the config
	 */
	public EngineConfig withBlockSize(int tokens) {
		return new EngineConfig(this.threads, this.kvCacheBytes, tokens, this.maxBatchTokens, this.maxSequences,
				this.prefixCaching);
	}

	/**
	 * Copy with another step budget.
	 * @param tokens tokens per step
	 * @return the config
	 */
	public EngineConfig withMaxBatchTokens(int tokens) {
		return new EngineConfig(this.threads, this.kvCacheBytes, this.blockSize, tokens, this.maxSequences,
				this.prefixCaching);
	}

	/**
	 * Copy with another sequence limit.
	 * @param n running sequences
	 * @return the config
	 */
	public EngineConfig withMaxSequences(int n) {
		return new EngineConfig(this.threads, this.kvCacheBytes, this.blockSize, this.maxBatchTokens, n,
				this.prefixCaching);
	}

	/**
	 * Copy with prefix caching on or off.
	 * @param on whether to cache
	 * @return the config
	 */
	public EngineConfig withPrefixCaching(boolean on) {
		return new EngineConfig(this.threads, this.kvCacheBytes, this.blockSize, this.maxBatchTokens, this.maxSequences,
				on);
	}

}
