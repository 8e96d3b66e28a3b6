// SPDX-License-Identifier: Apache-2.0
package dev.quorum.serving;

import dev.quorum.engine.Engine;
import dev.quorum.engine.LoadedModel;
import dev.quorum.engine.chat.ChatTemplate;
import dev.quorum.engine.tokenizer.Tokenizer;
import dev.quorum.kv.chunk.KvDtype;
import dev.quorum.kv.chunk.KvShape;
import dev.quorum.kv.hash.KvNamespace;

/**
 * A model being served: its file, its running engine, how prompts are rendered and
 * tokenised, and the namespace its KV chunks live under in Redis.
 *
 * @param id the name clients use
 * @param model the loaded GGUF file
 * @param engine the engine running it
 * @param tokenizer its tokenizer
 * @param chatTemplate how chat messages become a prompt
 * @param contextLength longest prompt plus completion, in tokens
 * @param kvNamespace namespace of its KV chunks (fingerprint, dtype, layout, chunk size)
 * @param kvShape layers, KV heads and head size of its KV
 * @param created when it was loaded, in Unix seconds (for {@code /v1/models})
 */
public record ServedModel(String id, LoadedModel model, Engine engine, Tokenizer tokenizer, ChatTemplate chatTemplate,
		int contextLength, KvNamespace kvNamespace, KvShape kvShape, long created) {

	/**
	 * The dtype KV chunks of this model are stored in.
	 * @return the dtype
	 */
	public KvDtype kvDtype() {
		return this.kvNamespace.dtype();
	}

}
