// SPDX-License-Identifier: Apache-2.0
/**
 * The internal prefill endpoint: compute the KV of a prompt's chunks and store them in
 * Redis.
 */
package dev.quorum.prefill.api;
