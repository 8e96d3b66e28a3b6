// SPDX-License-Identifier: Apache-2.0
/**
 * Tokenizers read from GGUF metadata: byte-level BPE ({@code gpt2}) and SentencePiece BPE
 * ({@code llama}).
 */
package dev.quorum.engine.tokenizer;
