// SPDX-License-Identifier: Apache-2.0
/**
 * Legacy text completions on the wire: request (text or token-id prompts) and response.
 */
package dev.quorum.openai.completions;
