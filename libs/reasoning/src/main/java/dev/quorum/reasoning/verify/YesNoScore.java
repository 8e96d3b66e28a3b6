// SPDX-License-Identifier: Apache-2.0
package dev.quorum.reasoning.verify;

/**
 * The Yes and No probability mass found in one next-token distribution.
 *
 * @param pYes the summed probability of the "yes" variants present in the top-k list
 * @param pNo the summed probability of the "no" variants present
 */
public record YesNoScore(double pYes, double pNo) {

	/**
	 * Whether either word appeared in the top-k list. Absent tokens count as 0 mass; with
	 * both absent there is no signal.
	 * @return {@code pYes + pNo > 0}
	 */
	public boolean signal() {
		return this.pYes + this.pNo > 0;
	}

	/**
	 * The GenRM score {@code p(Yes) / (p(Yes) + p(No))}.
	 * @return the normalised score, NaN without signal
	 */
	public double normalized() {
		return signal() ? this.pYes / (this.pYes + this.pNo) : Double.NaN;
	}

}
