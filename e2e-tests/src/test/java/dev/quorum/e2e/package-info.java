// SPDX-License-Identifier: Apache-2.0
/**
 * End-to-end tests of the real platform: service jars as processes, real Redis, shipped
 * models.
 */
package dev.quorum.e2e;
