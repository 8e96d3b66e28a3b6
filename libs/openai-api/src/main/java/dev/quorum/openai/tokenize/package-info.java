// SPDX-License-Identifier: Apache-2.0
/**
 * vLLM-style tokenization on the wire ({@code POST /v1/tokenize}).
 */
package dev.quorum.openai.tokenize;
