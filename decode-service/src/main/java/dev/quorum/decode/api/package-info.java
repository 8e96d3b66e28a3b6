// SPDX-License-Identifier: Apache-2.0
/**
 * The OpenAI-compatible endpoints of decode-service.
 */
package dev.quorum.decode.api;
