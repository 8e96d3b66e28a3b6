// SPDX-License-Identifier: Apache-2.0
package dev.quorum.ensemble.export;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.reasoning.canon.Canonicalizer;
import dev.quorum.reasoning.extract.AnswerExtractor;
import dev.quorum.reasoning.extract.ExtractionOptions;
import dev.quorum.reasoning.pipeline.ReasoningResult;
import dev.quorum.reasoning.star.StarExport;
import dev.quorum.reasoning.star.StarRecord;
import dev.quorum.reasoning.verify.ReferenceVerifier;

/**
 * One exported record, as a JSONL line for supervised fine-tuning: a rationale the
 * reference verifier accepted (its answer equals the gold answer).
 *
 * @param id the question's id in a batch, or null
 * @param question the question
 * @param rationale the generated reasoning, as generated
 * @param answer the canonical answer it reached
 * @param model the model that wrote it
 * @param verifierScore the GenRM score when a verifier ran, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StarLine(@JsonProperty("id") String id, @JsonProperty("question") String question,
		@JsonProperty("rationale") String rationale, @JsonProperty("answer") String answer,
		@JsonProperty("model") String model, @JsonProperty("verifier_score") Double verifierScore) {

	/**
	 * A line for a record.
	 * @param id the question's id, or null
	 * @param record the record
	 * @return the line
	 */
	public static StarLine of(String id, StarRecord record) {
		return new StarLine(id, record.question(), record.rationale(), record.answer(), record.model(),
				record.verifierScore());
	}

	/**
	 * Rejection sampling: the candidates of a result whose answer equals the gold answer
	 * (the rule-based reference verifier), one line per distinct rationale.
	 * @param id the question's id, or null
	 * @param question the question
	 * @param gold the gold answer
	 * @param format how answers are extracted
	 * @param result the reasoning result
	 * @return the accepted lines, in candidate order
	 */
	public static List<StarLine> accepted(String id, String question, String gold, ExtractionOptions format,
			ReasoningResult result) {
		ReferenceVerifier reference = new ReferenceVerifier(gold, new AnswerExtractor(format),
				Canonicalizer.standard());
		return StarExport.accepted(question, result, reference).stream().map((r) -> of(id, r)).toList();
	}

}
