// SPDX-License-Identifier: Apache-2.0
/**
 * Engine events to OpenAI responses and stream chunks.
 */
package dev.quorum.decode.respond;
