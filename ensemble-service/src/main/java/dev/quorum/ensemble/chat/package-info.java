// SPDX-License-Identifier: Apache-2.0
/**
 * The OpenAI facade: /v1/chat/completions with a strategy model or a quorum object.
 */
package dev.quorum.ensemble.chat;
