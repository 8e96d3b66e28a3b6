// SPDX-License-Identifier: Apache-2.0
package dev.quorum.engine.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity of a model file: the SHA-256 of all its bytes, as lowercase hex. Part of
 * the KV-chunk namespace, so two services agree on it only if they load the same bytes.
 * Hashing a multi-gigabyte file takes seconds, so results are cached per JVM by (absolute
 * path, size, modification time); a changed file is hashed again.
 */
public final class ModelFingerprint {

	private record Key(Path path, long size, long modifiedMillis) {
	}

	private static final Map<Key, String> CACHE = new ConcurrentHashMap<>();

	private ModelFingerprint() {
	}

	/**
	 * The SHA-256 of a file, from the cache when the file has not changed.
	 * @param file the file
	 * @return 64 lowercase hex digits
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static String of(Path file) {
		try {
			Path path = file.toAbsolutePath().normalize();
			Key key = new Key(path, Files.size(path), Files.getLastModifiedTime(path).toMillis());
			return CACHE.computeIfAbsent(key, (k) -> sha256(k.path()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot fingerprint " + file, ex);
		}
	}

	static String sha256(Path path) {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
			while (channel.read(buffer) >= 0) {
				buffer.flip();
				digest.update(buffer);
				buffer.clear();
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot fingerprint " + path, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
