// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

/**
 * Redis failed or did not answer in time, under {@link FailurePolicy#FAIL}. The cause is
 * the Redis exception or a {@link java.util.concurrent.TimeoutException}.
 */
public final class KvStoreException extends RuntimeException {

	private final String op;

	KvStoreException(String op, Throwable cause) {
		super("KV store " + op + " failed: " + cause, cause);
		this.op = op;
	}

	/**
	 * The failed operation.
	 * @return {@code exists}, {@code get}, {@code set} or {@code del}
	 */
	public String op() {
		return this.op;
	}

}
