// SPDX-License-Identifier: Apache-2.0
/**
 * The model list on the wire ({@code GET /v1/models}).
 */
package dev.quorum.openai.models;
