// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

import java.util.List;
import java.util.Locale;

/**
 * GenRM scoring maths (Zhang et al., "Generative Verifiers: Reward Modeling as Next-Token
 * Prediction", ICLR 2025) and the verifier prompt of the shipped tiny verifier.
 * <p>
 * <b>Direct GenRM:</b> {@code score = p(Yes) / (p(Yes) + p(No))} from the next-token top
 * logprobs after the prompt. <b>Word variants:</b> a token counts as "yes" when, after
 * dropping leading whitespace and the tokenizer space markers {@code ▁} (SentencePiece)
 * and {@code Ġ} (GPT-2 byte level), and lower-casing, it is a non-empty prefix of
 * {@code "yes"}: {@code " Yes"}, {@code "Yes"}, {@code "yes"}, {@code "YES"},
 * {@code " yes"}, {@code "▁Yes"}, {@code "Y"}, {@code "Ye"}; likewise "no":
 * {@code " No"}, {@code "No"}, {@code "no"}, {@code "NO"}, {@code "N"}. Prefixes matter
 * for byte-level vocabularies, where the next token after {@code "(Yes/No)? "} is the
 * single byte {@code Y} or {@code N}. The probabilities of all matching entries are
 * summed (they are distinct next tokens). A word absent from the top-k counts as 0 mass;
 * with both absent there is no signal.
 * <p>
 * <b>GenRM-CoT:</b> the verifier writes K rationales; the score is the mean of their
 * Yes/No scores, over the rationales that have a signal.
 */
public final class GenRm {

	private GenRm() {
	}

	/**
	 * The verifier prompt, byte for byte: {@code "Q: {question}\nLet's think step by
	 * step.\n {solution}\nIs the answer correct (Yes/No)? "} (it ends with a space).
	 * Trailing whitespace of the solution is removed so that the verdict line always
	 * follows one newline.
	 * @param question the question
	 * @param solution the solution text, e.g. ending with "The answer is N."
	 * @return the prompt
	 */
	public static String prompt(String question, String solution) {
		return "Q: " + question + "\nLet's think step by step.\n" + solution.stripTrailing()
				+ "\nIs the answer correct (Yes/No)? ";
	}

	/**
	 * The Yes/No mass of one next-token top-logprob list.
	 * @param topLogprobs the top-k entries, any order; duplicates are all counted
	 * @return the Yes and No masses
	 */
	public static YesNoScore yesNo(List<TokenLogprob> topLogprobs) {
		double yes = 0;
		double no = 0;
		for (TokenLogprob entry : topLogprobs) {
			String word = normalise(entry.token());
			if (word.isEmpty()) {
				continue;
			}
			if ("yes".startsWith(word)) {
				yes += Math.exp(entry.logprob());
			}
			else if ("no".startsWith(word)) {
				no += Math.exp(entry.logprob());
			}
		}
		return new YesNoScore(yes, no);
	}

	/**
	 * Direct GenRM: the normalised score of one next-token distribution.
	 * @param topLogprobs the top-k entries after the prompt
	 * @return the score, or {@link VerifierScore#NO_SIGNAL}
	 */
	public static VerifierScore direct(List<TokenLogprob> topLogprobs) {
		YesNoScore s = yesNo(topLogprobs);
		return s.signal() ? VerifierScore.of(s.normalized()) : VerifierScore.NO_SIGNAL;
	}

	/**
	 * GenRM-CoT: the mean normalised score over K rationales' verdict distributions.
	 * @param verdicts one Yes/No score per rationale
	 * @return the mean over those with a signal, or {@link VerifierScore#NO_SIGNAL} when
	 * none has
	 */
	public static VerifierScore average(List<YesNoScore> verdicts) {
		double sum = 0;
		int n = 0;
		for (YesNoScore v : verdicts) {
			if (v.signal()) {
				sum += v.normalized();
				n++;
			}
		}
		return (n == 0) ? VerifierScore.NO_SIGNAL : VerifierScore.of(Math.min(1, sum / n));
	}

	private static String normalise(String token) {
		int i = 0;
		while (i < token.length() && (Character.isWhitespace(token.charAt(i)) || token.charAt(i) == '\u2581'
				|| token.charAt(i) == '\u0120')) {
			i++;
		}
		return token.substring(i).strip().toLowerCase(Locale.ROOT);
	}

}
