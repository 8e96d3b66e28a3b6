// SPDX-License-Identifier: Apache-2.0
/**
 * Tensors in their stored GGUF types, Vector API kernels and the compute pool.
 */
package dev.quorum.engine.tensor;
