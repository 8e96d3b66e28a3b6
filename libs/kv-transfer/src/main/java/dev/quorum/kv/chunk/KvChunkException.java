// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.chunk;

import java.util.Locale;

/**
 * A chunk blob that must not be used: it is not what the reader asked for, or it was
 * damaged. The caller deletes it and recomputes the chunk.
 */
public final class KvChunkException extends RuntimeException {

	/** What was wrong with the blob. */
	public enum Reason {

		/** The blob does not start with {@code QKV1}. */
		BAD_MAGIC,

		/** A format version this reader does not know. */
		UNSUPPORTED_VERSION,

		/** An unknown dtype code or a non-zero reserved byte. */
		BAD_HEADER,

		/** A valid dtype other than the one the reader's namespace uses. */
		DTYPE_MISMATCH,

		/** Layers, KV heads, head size or token count differ from the reader's. */
		SHAPE_MISMATCH,

		/** The blob is shorter or longer than its header says. */
		BAD_LENGTH,

		/** The blob holds other token ids than the ones the reader is looking for. */
		TOKEN_MISMATCH,

		/** The payload's CRC32C differs from the header's. */
		CHECKSUM_MISMATCH;

		/**
		 * The reason as a metric tag value.
		 * @return e.g. {@code checksum_mismatch}
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Reason reason;

	KvChunkException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * What was wrong.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

}
