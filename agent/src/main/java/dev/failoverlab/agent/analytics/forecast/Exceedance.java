package dev.failoverlab.agent.analytics.forecast;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.HasEvidence;

/**
 * The probability that a forecast path crosses a threshold within the horizon, and when. This is what "70 %
 * chance of a CPU spike in 5-8 minutes" is made of: {@link #probability()} is the 70 %, and the 25th and 75th
 * percentiles of the first-crossing time (given a crossing) are the 5-8 minutes.
 *
 * @param threshold               the level that counts as a crossing (strictly above)
 * @param probability             Monte Carlo estimate of P(max over the horizon &gt; threshold)
 * @param standardError           binomial standard error of that estimate
 * @param lowerBound              max over steps of the per-step probability (a hard lower bound)
 * @param upperBound              min(1, sum of per-step probabilities) (Bonferroni upper bound)
 * @param stepProbability         P(value at step h &gt; threshold) per step, from the Gaussian marginal
 * @param firstCrossingProbability P(first crossing happens at step h) per step, from the simulated paths
 * @param originSeconds           time of the last observation
 * @param stepSeconds             sampling period of the forecast steps
 * @param evidence                model, inputs and the values above
 */
public record Exceedance(
        double threshold,
        double probability,
        double standardError,
        double lowerBound,
        double upperBound,
        double[] stepProbability,
        double[] firstCrossingProbability,
        double originSeconds,
        double stepSeconds,
        ModelEvidence evidence) implements HasEvidence {

    public Exceedance {
        stepProbability = stepProbability.clone();
        firstCrossingProbability = firstCrossingProbability.clone();
    }

    @Override
    public double[] stepProbability() {
        return stepProbability.clone();
    }

    @Override
    public double[] firstCrossingProbability() {
        return firstCrossingProbability.clone();
    }

    /** Expected seconds from the origin to the first crossing, given that one happens; NaN if none was seen. */
    public double expectedFirstCrossingSeconds() {
        double mass = 0;
        double weighted = 0;
        for (int h = 1; h <= firstCrossingProbability.length; h++) {
            mass += firstCrossingProbability[h - 1];
            weighted += h * firstCrossingProbability[h - 1];
        }
        return mass == 0 ? Double.NaN : weighted / mass * stepSeconds;
    }

    /**
     * Quantile {@code q} of the first-crossing time in seconds from the origin, given a crossing, at the
     * resolution of one step; NaN if no path crossed.
     */
    public double firstCrossingQuantileSeconds(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile q = " + q + " must be in (0, 1]");
        }
        double mass = 0;
        for (double p : firstCrossingProbability) {
            mass += p;
        }
        if (mass == 0) {
            return Double.NaN;
        }
        double cumulative = 0;
        for (int h = 1; h <= firstCrossingProbability.length; h++) {
            cumulative += firstCrossingProbability[h - 1];
            if (cumulative >= q * mass - 1e-12) {
                return h * stepSeconds;
            }
        }
        return firstCrossingProbability.length * stepSeconds;
    }

    /** P(first crossing happens between {@code fromSeconds} and {@code toSeconds} after the origin, inclusive). */
    public double probabilityFirstCrossingBetween(double fromSeconds, double toSeconds) {
        double p = 0;
        for (int h = 1; h <= firstCrossingProbability.length; h++) {
            double t = h * stepSeconds;
            if (t >= fromSeconds - 1e-9 && t <= toSeconds + 1e-9) {
                p += firstCrossingProbability[h - 1];
            }
        }
        return p;
    }
}
