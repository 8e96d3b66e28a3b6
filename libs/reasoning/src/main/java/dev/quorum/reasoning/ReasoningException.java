// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning;

/**
 * The one error type of the reasoning library. {@link #kind()} tells the service which
 * HTTP status and OpenAI error type to answer with; {@link #param()} names the offending
 * request field for invalid requests.
 */
public final class ReasoningException extends RuntimeException {

	/**
	 * What went wrong, with the HTTP status a service should answer.
	 */
	public enum Kind {

		/** Malformed or out-of-range request (400). */
		INVALID_REQUEST(400),

		/** An unknown model (404). */
		NOT_FOUND(404),

		/** Every backend needed failed (503). */
		BACKEND_UNAVAILABLE(503),

		/** The deadline passed before enough samples arrived (504). */
		DEADLINE_EXCEEDED(504);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		/**
		 * The HTTP status for this kind.
		 * @return the status code
		 */
		public int status() {
			return this.status;
		}

	}

	private final Kind kind;

	private final String param;

	/**
	 * A new exception.
	 * @param kind what went wrong
	 * @param param the offending request field (snake_case, e.g. {@code n} or
	 * {@code models[1].n}), or {@code null}
	 * @param message a message for the client that says what is wrong
	 */
	public ReasoningException(Kind kind, String param, String message) {
		super(message);
		this.kind = kind;
		this.param = param;
	}

	/**
	 * An invalid-request error.
	 * @param param the offending field
	 * @param message the message
	 * @return the exception
	 */
	public static ReasoningException invalid(String param, String message) {
		return new ReasoningException(Kind.INVALID_REQUEST, param, message);
	}

	/**
	 * What went wrong.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The offending request field.
	 * @return the field name, or {@code null}
	 */
	public String param() {
		return this.param;
	}

}
