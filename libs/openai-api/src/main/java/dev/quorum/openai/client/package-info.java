// SPDX-License-Identifier: Apache-2.0
/**
 * One reactive client for any OpenAI-compatible backend (Quorum's decode service, vLLM,
 * llama.cpp server, Ollama, hosted APIs) and the failures it signals.
 */
package dev.quorum.openai.client;
