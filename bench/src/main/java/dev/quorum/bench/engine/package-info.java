// SPDX-License-Identifier: Apache-2.0
/**
 * {@code quorum-bench engine}: prompt and generation speed and memory of a GGUF model.
 */
package dev.quorum.bench.engine;
