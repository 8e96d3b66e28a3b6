// SPDX-License-Identifier: Apache-2.0
/**
 * Strategy orchestrators over asynchronous candidate sources and verifiers.
 */
package dev.quorum.reasoning.pipeline;
