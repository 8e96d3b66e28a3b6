// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving.kv;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.quorum.kv.chunk.KvChunkCodec;
import dev.quorum.kv.store.KvChunkTransfer;
import dev.quorum.kv.store.KvStoreOptions;
import dev.quorum.kv.store.RedisKvChunkStore;
import dev.quorum.serving.ModelRegistry;
import dev.quorum.serving.ServedModel;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * The KV chunks of every served model, over one Redis store.
 */
public final class KvChunks {

	private final RedisKvChunkStore store;

	private final Map<String, ModelKv> byModel = new LinkedHashMap<>();

	/**
	 * Creates the per-model views.
	 * @param models the served models
	 * @param redis the Redis connection factory
	 * @param properties TTL, timeout and failure policy
	 * @param meters where transfer metrics go, or null
	 */
	public KvChunks(ModelRegistry models, ReactiveRedisConnectionFactory redis, KvProperties properties,
			MeterRegistry meters) {
		KvStoreOptions options = new KvStoreOptions(properties.timeout(), properties.ttl(), properties.failurePolicy());
		this.store = new RedisKvChunkStore(redis, options, meters);
		for (ServedModel model : models.all()) {
			KvChunkTransfer transfer = new KvChunkTransfer(this.store, new KvChunkCodec(model.kvDtype()),
					model.kvShape(), properties.ttl(), meters);
			this.byModel.put(model.id(), new ModelKv(model, this.store, transfer));
		}
	}

	/**
	 * The chunks of one served model.
	 * @param model the model id (as served)
	 * @return its view
	 */
	public ModelKv of(String model) {
		ModelKv kv = this.byModel.get(model);
		if (kv == null) {
			throw new IllegalArgumentException("not a served model: " + model);
		}
		return kv;
	}

	/**
	 * Checks that Redis answers (opening the connection off the event loops).
	 * @return true when it does
	 */
	public Mono<Boolean> ping() {
		return this.store.ping();
	}

}
