// SPDX-License-Identifier: Apache-2.0
package dev.quorum.openai.models;

import java.util.List;

import dev.quorum.openai.OpenAiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model list in OpenAI's shape, with vLLM's {@code max_model_len}.
 */
class ListModelsResponseTests {

	private final JsonMapper json = OpenAiJson.mapper();

	@Test
	void writesOpenAiShapeWithOptionalContextLength() {
		ListModelsResponse list = ListModelsResponse.of(List.of(Model.of("tiny-reasoner", 1686935002L, "quorum", 512),
				Model.of("gpt-4o", 1686935002L, "openai", null)));
		assertThat(this.json.writeValueAsString(list)).isEqualTo("{\"object\":\"list\",\"data\":["
				+ "{\"id\":\"tiny-reasoner\",\"object\":\"model\",\"created\":1686935002,\"owned_by\":\"quorum\","
				+ "\"max_model_len\":512},"
				+ "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1686935002,\"owned_by\":\"openai\"}]}");
	}

	@Test
	void readsVllmModelList() {
		String vllm = """
				{"object":"list","data":[{"id":"Qwen/Qwen3-0.6B","object":"model","created":1753616032,
				"owned_by":"vllm","root":"Qwen/Qwen3-0.6B","parent":null,"max_model_len":40960,
				"permission":[{"id":"modelperm-1","object":"model_permission","allow_sampling":true}]}]}""";
		ListModelsResponse list = this.json.readValue(vllm, ListModelsResponse.class);
		assertThat(list.data()).containsExactly(Model.of("Qwen/Qwen3-0.6B", 1753616032L, "vllm", 40960));
	}

}
