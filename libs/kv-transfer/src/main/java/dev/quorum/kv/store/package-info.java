// SPDX-License-Identifier: Apache-2.0
/**
 * The reactive Redis chunk store, its failure policy and metrics, and verified reads.
 */
package dev.quorum.kv.store;
