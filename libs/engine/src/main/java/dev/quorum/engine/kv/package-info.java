// SPDX-License-Identifier: Apache-2.0
/**
 * The paged KV cache: block storage, the block manager with reference counts,
 * copy-on-write forks and prefix caching, and import/export of full blocks.
 */
package dev.quorum.engine.kv;
