// SPDX-License-Identifier: Apache-2.0
/**
 * Errors mapped in one place into OpenAI's error envelope.
 */
package dev.quorum.web.error;
