// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.store;

/**
 * What a store call does when Redis errs or does not answer within the timeout. Either
 * way it ends within the timeout and counts {@code quorum.kv.transfer.failures}.
 */
public enum FailurePolicy {

	/**
	 * Answer as if nothing were cached (prefix 0, no values, not stored, not deleted), so
	 * the caller computes the KV itself. The default.
	 */
	RECOMPUTE,

	/** Signal a {@link KvStoreException}, so the caller can fail the request fast. */
	FAIL

}
