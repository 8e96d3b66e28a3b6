// SPDX-License-Identifier: Apache-2.0
/**
 * GGUF v3 files: a memory-mapped reader, a writer, and the model fingerprint.
 */
package dev.quorum.engine.gguf;
