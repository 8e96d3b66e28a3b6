// SPDX-License-Identifier: Apache-2.0
/**
 * Request limits applied before anything reads a body.
 */
package dev.quorum.gateway.limit;
