// SPDX-License-Identifier: Apache-2.0
package dev.quorum.kv.hash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import dev.quorum.kv.chunk.KvDtype;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chunk-hash known-answer vectors ({@code kv-hash-vectors.json} on the test
 * classpath), for the tests of kv-transfer, prefill and decode alike. Other modules get
 * this class and the file from the {@code quorum-kv-transfer} test-jar.
 *
 * <p>
 * The expected values were computed with Python's hashlib, not with this code. For the
 * first vector:
 *
 * <pre>
 * python3 -c "import hashlib,struct,itertools as it;H=lambda b:hashlib.sha256(b).digest()[:16];\
 * fp=hashlib.sha256(b'quorum-kv known-answer model').hexdigest();\
 * ns='quorum-kv;model=%s;dtype=f16;layout=1;chunk_tokens=4'%fp;t=list(range(1,11));c=4;h0=H(ns.encode());\
 * hs=list(it.accumulate([struct.pack('&lt;%dI'%c,*t[i*c:i*c+c]) for i in range((len(t)-1)//c)],\
 * lambda h,b:H(h+b),initial=h0))[1:];print(h0.hex(),['quorum:kv:%s:%s'%(h0.hex(),h.hex()) for h in hs])"
 * </pre>
 */
public final class KvHashVectors {

	/** Classpath location of the vectors. */
	public static final String RESOURCE = "/kv-hash-vectors.json";

	private KvHashVectors() {
	}

	/**
	 * One vector.
	 *
	 * @param name what it exercises
	 * @param modelFingerprint SHA-256 hex of the (imaginary) model file
	 * @param dtype {@code f32}, {@code f16} or {@code q8}
	 * @param layoutVersion blob layout version
	 * @param chunkTokens tokens per chunk
	 * @param namespace the expected canonical namespace string
	 * @param namespaceHash the expected {@code hex(h_0)}
	 * @param tokens the prompt
	 * @param chunkCount the expected number of content-addressed chunks
	 * @param chunkHashes the expected {@code hex(h_i)}, i = 1..chunkCount
	 * @param keys the expected Redis keys
	 */
	public record Vector(String name, String modelFingerprint, String dtype, int layoutVersion, int chunkTokens,
			String namespace, String namespaceHash, int[] tokens, int chunkCount, List<String> chunkHashes,
			List<String> keys) {

		/**
		 * The vector's namespace.
		 * @return the namespace
		 */
		public KvNamespace kvNamespace() {
			return new KvNamespace(this.modelFingerprint, KvDtype.ofWireName(this.dtype), this.layoutVersion,
					this.chunkTokens);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	private record File(String description, List<Vector> vectors) {
	}

	/**
	 * Reads every vector.
	 * @return the vectors, in file order
	 */
	public static List<Vector> all() {
		JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		try (InputStream in = KvHashVectors.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			return json.readValue(in, File.class).vectors();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
