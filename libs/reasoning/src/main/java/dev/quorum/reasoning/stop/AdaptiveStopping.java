// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.stop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Stopping rules for self-consistency, after Aggarwal et al., "Let's Sample Step by Step:
 * Adaptive-Consistency for Efficient Reasoning and Coding with LLMs" (EMNLP 2023, arXiv
 * 2305.11860).
 * <p>
 * <b>Beta rule.</b> With {@code a} votes for the leader and {@code b} for all other
 * answers, put a uniform prior on the leader's share {@code p} of the answer
 * distribution; the posterior is {@code Beta(a+1, b+1)} and the rule stops when
 * {@code P(p > 1/2) >= threshold}. For integer parameters this is exact:
 * {@code P(p > 1/2) = P(Binomial(a+b+1, 1/2) <= a)}. Unanimity gives
 * {@code 1 - 2^-(a+1)}: 3 identical answers give 0.9375, 4 give 0.96875, so the 0.95
 * default stops after 4. The paper's code sets {@code b} to the runner-up's count; we use
 * all other answers (two-way: leader against the rest), which is more cautious and
 * identical when at most two answers occur.
 * <p>
 * <b>Dirichlet rule.</b> Uniform prior over the shares of the {@code k} observed answers;
 * the posterior is {@code Dirichlet(c_1+1, ..., c_k+1)} and the rule stops when the
 * probability that the leader's share is the largest reaches the threshold. Writing the
 * shares as normalised independent {@code Gamma(c_i+1)} variables gives the
 * one-dimensional integral {@code P = ∫ f_1(x) ∏_{j>1} F_j(x) dx} (gamma density and
 * distribution functions with integer shapes), evaluated by Simpson's rule. The paper
 * integrates by Monte Carlo and falls back to Beta below three answers; with one answer
 * we compare it with an unseen rival of count 0, which gives the Beta value; with two
 * answers both rules coincide exactly.
 * <p>
 * Both rules also stop on an unassailable lead ({@link StopRule#LEAD}), which never
 * changes the answer a full run would give.
 */
public final class AdaptiveStopping {

	private static final int SIMPSON_INTERVALS = 8000;

	private AdaptiveStopping() {
	}

	/**
	 * Decides whether to stop after the samples that have arrived.
	 * @param policy the settings
	 * @param counts vote counts per distinct answer, leader first (unparsed samples
	 * excluded)
	 * @param samplesUsed samples arrived so far, unparsed included
	 * @param maxSamples the budget
	 * @return the decision
	 */
	public static StopDecision decide(EarlyStop policy, int[] counts, int samplesUsed, int maxSamples) {
		if (samplesUsed >= maxSamples) {
			return new StopDecision(true, false, Double.NaN, "max_samples");
		}
		if (policy.rule() == StopRule.NONE || samplesUsed < policy.minSamples() || counts.length == 0) {
			return StopDecision.proceed(Double.NaN);
		}
		int remaining = maxSamples - samplesUsed;
		if (unassailable(counts, remaining)) {
			return new StopDecision(true, true, 1.0, "lead");
		}
		double p = switch (policy.rule()) {
			case BETA -> betaProbability(counts[0], sum(counts) - counts[0]);
			case DIRICHLET -> dirichletProbability(counts);
			default -> Double.NaN;
		};
		if (p >= policy.confidence()) {
			return new StopDecision(true, true, p, policy.rule().wireName());
		}
		return StopDecision.proceed(p);
	}

	/**
	 * Whether the leader keeps the strict lead even if every remaining sample goes to the
	 * runner-up (or to a new answer).
	 * @param counts counts, leader first
	 * @param remaining samples still to come
	 * @return whether the lead is unassailable
	 */
	public static boolean unassailable(int[] counts, int remaining) {
		int runnerUp = (counts.length > 1) ? counts[1] : 0;
		return counts.length > 0 && counts[0] > runnerUp + remaining;
	}

	/**
	 * {@code P(p > 1/2)} for {@code p ~ Beta(leader+1, rest+1)}, exactly.
	 * @param leader the leader's count
	 * @param rest the count of all other parsed answers
	 * @return the probability
	 */
	public static double betaProbability(int leader, int rest) {
		int n = leader + rest + 1;
		BigInteger sum = BigInteger.ZERO;
		BigInteger binomial = BigInteger.ONE;
		for (int j = 0; j <= leader; j++) {
			sum = sum.add(binomial);
			binomial = binomial.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
		}
		return new BigDecimal(sum).divide(new BigDecimal(BigInteger.TWO.pow(n)), MathContext.DECIMAL64).doubleValue();
	}

	/**
	 * The posterior probability that the first answer's share is the largest, under a
	 * {@code Dirichlet(counts + 1)} posterior.
	 * @param counts counts, the answer of interest first; one count means an unseen rival
	 * of 0
	 * @return the probability
	 */
	public static double dirichletProbability(int[] counts) {
		if (counts.length == 1) {
			return betaProbability(counts[0], 0);
		}
		// the integrand is at most the Gamma(shape) density: integrate over its mass,
		// +-10 sd and more
		int shape = counts[0] + 1;
		double lower = Math.max(0, shape - 10 * Math.sqrt(shape) - 10);
		double upper = shape + 10 * Math.sqrt(shape) + 30;
		double h = (upper - lower) / SIMPSON_INTERVALS;
		double sum = 0;
		for (int i = 0; i <= SIMPSON_INTERVALS; i++) {
			double x = lower + i * h;
			double weight = (i == 0 || i == SIMPSON_INTERVALS) ? 1 : ((i % 2 == 1) ? 4 : 2);
			sum += weight * integrand(counts, x);
		}
		return Math.min(1.0, sum * h / 3);
	}

	private static double integrand(int[] counts, double x) {
		if (x == 0) {
			return 0; // every rival's distribution function is 0 at 0
		}
		double logX = Math.log(x);
		double value = Math.exp(counts[0] * logX - x - logFactorial(counts[0]));
		for (int j = 1; j < counts.length && value > 0; j++) {
			value *= gammaCdf(counts[j] + 1, x, logX);
		}
		return value;
	}

	/**
	 * {@code P(Gamma(shape, 1) <= x) = 1 - P(Poisson(x) < shape)} for an integer shape.
	 */
	private static double gammaCdf(int shape, double x, double logX) {
		double logTerm = -x;
		double poisson = 0;
		for (int m = 0; m < shape; m++) {
			poisson += Math.exp(logTerm);
			logTerm += logX - Math.log(m + 1);
		}
		return Math.max(0, 1 - poisson);
	}

	private static double logFactorial(int n) {
		double sum = 0;
		for (int i = 2; i <= n; i++) {
			sum += Math.log(i);
		}
		return sum;
	}

	private static int sum(int[] counts) {
		int s = 0;
		for (int c : counts) {
			s += c;
		}
		return s;
	}

}
