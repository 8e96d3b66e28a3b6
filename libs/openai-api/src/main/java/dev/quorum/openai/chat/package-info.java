// SPDX-License-Identifier: Apache-2.0
/**
 * Chat completions on the wire: request, response, stream chunk and logprob records.
 */
package dev.quorum.openai.chat;
