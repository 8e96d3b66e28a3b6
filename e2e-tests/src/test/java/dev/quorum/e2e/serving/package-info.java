// SPDX-License-Identifier: Apache-2.0
/**
 * Generation end to end: the OpenAI SDK through the gateway, prefill/decode over Redis,
 * faults.
 */
package dev.quorum.e2e.serving;
