// SPDX-License-Identifier: Apache-2.0
package dev.quorum.bench.serve;

import java.util.Locale;

import dev.quorum.bench.cli.Args;

/**
 * The OpenAI endpoint a benchmark drives.
 */
public enum Endpoint {

	/** {@code POST /v1/chat/completions}: the prompt is one user message. */
	CHAT("/v1/chat/completions"),
	/** {@code POST /v1/completions}: the prompt is raw text. */
	COMPLETIONS("/v1/completions");

	private final String path;

	Endpoint(String path) {
		this.path = path;
	}

	/**
	 * The request path.
	 * @return e.g. {@code /v1/chat/completions}
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Parses {@code chat} or {@code completions}.
	 * @param name the name
	 * @return the endpoint
	 */
	public static Endpoint parse(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "chat" -> CHAT;
			case "completions" -> COMPLETIONS;
			default -> throw new Args.UsageException("--endpoint is chat or completions, got '" + name + "'");
		};
	}

}
