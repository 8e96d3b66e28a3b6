// SPDX-License-Identifier: Apache-2.0
/**
 * Server-sent event frames, byte for byte as OpenAI writes them.
 */
package dev.quorum.openai.sse;
