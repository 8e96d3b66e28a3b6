// SPDX-License-Identifier: Apache-2.0
/**
 * Model families: configuration and weights from GGUF, and the batched forward pass.
 */
package dev.quorum.engine.model;
