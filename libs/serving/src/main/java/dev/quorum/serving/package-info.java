// SPDX-License-Identifier: Apache-2.0
/**
 * What prefill- and decode-service share: configured models, one engine per model, engine
 * metrics.
 */
package dev.quorum.serving;
