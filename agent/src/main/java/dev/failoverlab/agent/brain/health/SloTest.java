package dev.failoverlab.agent.brain.health;

import dev.failoverlab.agent.analytics.stats.ProportionInterval;
import dev.failoverlab.agent.analytics.stats.Proportions;
import dev.failoverlab.agent.evidence.Evidence;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * One SLO test on a proportion: the share of requests slower than the SLO bound against the allowance
 * ({@code p95 <= L} exactly when at most 5 % of requests are slower than L), or the error rate against the SLO error
 * rate. The score statistic {@code z = (p - limit) / sqrt(limit (1 - limit) / n)} is the one the Wilson interval
 * inverts, so {@code confidenceViolated = Phi(z)} is the highest one-sided level at which the Wilson bound excludes
 * the limit; the 90 % two-sided Wilson interval (one-sided 95 % bounds) is recorded next to it.
 *
 * @param metric             {@code slow_fraction} or {@code error_rate}
 * @param window             {@code config window} or {@code short window} (lengths are in the evidence)
 * @param trials             requests in the window
 * @param events             slow (or failed) requests
 * @param limit              the SLO allowance
 * @param estimate           {@code events / trials}
 * @param lower              one-sided 95 % lower Wilson bound
 * @param upper              one-sided 95 % upper Wilson bound
 * @param confidenceViolated {@code Phi(z)}: confidence that the true proportion exceeds the limit
 * @param verdict            VIOLATED / MET at 95 %, else INCONCLUSIVE; NO_DATA without requests
 * @param modelId            evidence id of the test
 */
public record SloTest(String metric, String window, long trials, long events, double limit, double estimate,
        double lower, double upper, double confidenceViolated, Verdict verdict, String modelId) {

    /** The decision level of every SLO test. */
    public static final double LEVEL = 0.95;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Smallest allowance tested; an SLO of exactly 0 errors is tested as 1 in a million. */
    private static final double MIN_LIMIT = 1e-6;

    public enum Verdict { VIOLATED, MET, INCONCLUSIVE, NO_DATA }

    /** Confidence that the SLO is met: {@code 1 - confidenceViolated}. */
    public double confidenceMet() {
        return 1 - confidenceViolated;
    }

    public boolean hasData() {
        return verdict != Verdict.NO_DATA;
    }

    /** Runs the test and records it (the Wilson interval and the score test) in {@code evidence}. */
    public static SloTest run(String metric, String subject, String window, long trials, long events, double limit,
            Evidence evidence) {
        double lim = Math.min(1 - MIN_LIMIT, Math.max(MIN_LIMIT, limit));
        if (trials <= 0) {
            return new SloTest(metric, window, 0, 0, lim, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Verdict.NO_DATA, null);
        }
        long x = Math.max(0, Math.min(events, trials));
        ProportionInterval wilson = Proportions.wilson(x, trials, 0.90);
        evidence.add(wilson.evidence());
        double p = (double) x / trials;
        double z = (p - lim) / Math.sqrt(lim * (1 - lim) / trials);
        double violated = STANDARD_NORMAL.cumulativeProbability(z);
        Verdict verdict = violated >= LEVEL ? Verdict.VIOLATED
                : 1 - violated >= LEVEL ? Verdict.MET : Verdict.INCONCLUSIVE;
        String id = evidence.model("slo-score-test")
                .parameter("trials", trials).parameter("events", x).parameter("limit", lim)
                .parameter("level", LEVEL)
                .output("estimate", p).output("wilson_lower_one_sided_95", wilson.lower())
                .output("wilson_upper_one_sided_95", wilson.upper()).output("z", z)
                .output("confidence_violated", violated).output("confidence_met", 1 - violated)
                .note(metric + " of " + subject + " over " + window + " against the SLO allowance; confidence = Phi(z),"
                        + " the one-sided level of the Wilson bound that just excludes the limit")
                .add();
        return new SloTest(metric, window, trials, x, lim, p, wilson.lower(), wilson.upper(), violated, verdict, id);
    }
}
