// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.chat;

import java.util.ArrayList;
import java.util.List;

import dev.quorum.ensemble.reason.ReasonResponse;
import dev.quorum.openai.CompletionUsage;
import dev.quorum.openai.OpenAiJson;
import dev.quorum.openai.chat.CreateChatCompletionResponse;
import dev.quorum.openai.chat.CreateChatCompletionStreamResponse;
import dev.quorum.openai.sse.SseFrames;
import dev.quorum.reasoning.pipeline.CandidateResult;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.strategy.StrategySpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chat facade's answers: a normal chat completion whose one choice is the chosen
 * candidate's text, with the vote summary in the {@code quorum} extension field (the
 * {@code /v1/reason} response without its id and with candidates reduced to index, model,
 * answer and scores). Streamed, the role chunk goes out at once, the chosen text follows
 * when the strategy has finished (one chunk per line), and the finishing chunk carries
 * {@code quorum}.
 */
final class ChatReplies {

	private static final SseFrames frames = SseFrames.create();

	private ChatReplies() {
	}

	static CreateChatCompletionResponse completion(String id, long created, String model, StrategySpec spec,
			ReasoningResult result) {
		CandidateResult chosen = result.chosenCandidate();
		String text = (chosen != null) ? chosen.candidate().text() : "";
		String finish = (chosen != null && chosen.candidate().finishReason() != null)
				? chosen.candidate().finishReason() : "stop";
		return CreateChatCompletionResponse
			.of(id, created, model, List.of(CreateChatCompletionResponse.Choice.of(0, text, null, finish)),
					usage(result))
			.withQuorum(summary(spec, result));
	}

	/** Every frame after the role chunk: content, finish (with quorum), usage, done. */
	static List<byte[]> streamTail(String id, long created, String model, StrategySpec spec, ReasoningResult result,
			boolean includeUsage) {
		CreateChatCompletionResponse completion = completion(id, created, model, spec, result);
		CreateChatCompletionResponse.Choice choice = completion.choices().getFirst();
		List<byte[]> out = new ArrayList<>();
		String text = choice.message().content();
		int from = 0;
		while (from < text.length()) {
			int newline = text.indexOf('\n', from);
			int to = (newline < 0) ? text.length() : newline + 1;
			out.add(frames.data(chunk(id, created, model,
					CreateChatCompletionStreamResponse.Choice.content(0, text.substring(from, to), null))));
			from = to;
		}
		ObjectNode finish = OpenAiJson.mapper()
			.valueToTree(chunk(id, created, model,
					CreateChatCompletionStreamResponse.Choice.finish(0, choice.finishReason())));
		finish.set("quorum", completion.quorum());
		out.add(frames.data(finish));
		if (includeUsage) {
			out.add(frames.data(CreateChatCompletionStreamResponse.usage(id, created, model, completion.usage())));
		}
		out.add(SseFrames.done());
		return out;
	}

	static byte[] roleChunk(String id, long created, String model) {
		return frames.data(chunk(id, created, model, CreateChatCompletionStreamResponse.Choice.start(0)));
	}

	private static CreateChatCompletionStreamResponse chunk(String id, long created, String model,
			CreateChatCompletionStreamResponse.Choice choice) {
		return CreateChatCompletionStreamResponse.of(id, created, model, List.of(choice));
	}

	private static CompletionUsage usage(ReasoningResult result) {
		long prompt = result.usage().stream().mapToLong((u) -> u.promptTokens()).sum();
		long completion = result.usage().stream().mapToLong((u) -> u.completionTokens()).sum();
		return CompletionUsage.of((int) Math.min(Integer.MAX_VALUE, prompt),
				(int) Math.min(Integer.MAX_VALUE, completion));
	}

	private static ObjectNode summary(StrategySpec spec, ReasoningResult result) {
		ReasonResponse full = ReasonResponse.of(null, 0, spec, result);
		ObjectNode node = OpenAiJson.mapper().valueToTree(full);
		node.remove(List.of("id", "object", "created"));
		ArrayNode candidates = node.putArray("candidates");
		for (ReasonResponse.CandidateView c : full.candidates()) {
			ObjectNode compact = candidates.addObject();
			compact.put("index", c.index());
			compact.put("model", c.model());
			compact.put("answer", c.canonicalAnswer());
			compact.set("scores", OpenAiJson.mapper().valueToTree(c.scores()));
		}
		return node;
	}

}
