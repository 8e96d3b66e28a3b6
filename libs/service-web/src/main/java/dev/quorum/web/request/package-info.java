// SPDX-License-Identifier: Apache-2.0
/**
 * Request identity: X-Request-Id propagation and the access log.
 */
package dev.quorum.web.request;
