package dev.failoverlab.agent.analytics.change;

import dev.failoverlab.agent.analytics.ModelEvidence;
import dev.failoverlab.agent.analytics.Require;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wald's sequential probability ratio test of an error rate, {@code H0: p = p0} against {@code H1: p = p1}, run as a
 * monitor: each cycle accumulates the log-likelihood ratio until it crosses {@code A = ln((1 - beta) / alpha)}
 * (alarm) or {@code B = ln(beta / (1 - alpha))} (accept H0 and restart). It needs the fewest requests on average of
 * any test with those error probabilities (Wald &amp; Wolfowitz 1948), so a 5 % error burst is called after tens of
 * requests rather than a fixed window.
 *
 * <p>Characteristics: Wald's approximations (which ignore the overshoot of the boundaries) are reported next to an
 * exact computation: the LLR after s errors in n requests is {@code s a + (n - s) b}, a lattice walk, so the
 * probabilities of each exit and the expected cycle length follow from propagating the probability mass step by
 * step. With restarts, Wald's identity gives {@code ARL0 = E0[N] / P0(alarm)} and the delay from a fresh start
 * {@code E1[N] / P1(alarm)}.
 */
public final class BernoulliSprt {

    private final double p0;
    private final double p1;
    private final double alpha;
    private final double beta;
    private final double upper;
    private final double lower;
    private final double stepError;
    private final double stepSuccess;

    /**
     * @param p0    acceptable error rate (e.g. 0.01)
     * @param p1    error rate to detect, {@code > p0} (e.g. 0.05)
     * @param alpha designed probability that a cycle raises a false alarm at p0
     * @param beta  designed probability that a cycle misses p1
     */
    public BernoulliSprt(double p0, double p1, double alpha, double beta) {
        this.p0 = Require.openUnit("p0", p0);
        this.p1 = Require.openUnit("p1", p1);
        this.alpha = Require.openUnit("alpha", alpha);
        this.beta = Require.openUnit("beta", beta);
        if (!(p1 > p0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "p1 = %s must exceed p0 = %s: the test detects an increase of the error rate", p1, p0));
        }
        if (alpha + beta >= 1) {
            throw new IllegalArgumentException("alpha + beta = " + (alpha + beta) + " must be below 1");
        }
        this.upper = Math.log((1 - beta) / alpha);
        this.lower = Math.log(beta / (1 - alpha));
        this.stepError = Math.log(p1 / p0);
        this.stepSuccess = Math.log((1 - p1) / (1 - p0));
    }

    /** Monitors individual requests ({@code true} = error). Alarm indices are request indices. */
    public SprtResult scan(boolean[] errors) {
        long[] e = new long[errors.length];
        long[] n = new long[errors.length];
        for (int i = 0; i < errors.length; i++) {
            e[i] = errors[i] ? 1 : 0;
            n[i] = 1;
        }
        return scanBatches(e, n);
    }

    /**
     * Monitors per-interval counts (errors and requests per scrape). The boundaries are checked at interval ends,
     * so the false-alarm rate is at most the per-request design's and the delay at most one interval longer.
     */
    public SprtResult scanBatches(long[] errors, long[] requests) {
        if (errors.length != requests.length) {
            throw new IllegalArgumentException("errors has " + errors.length + " intervals but requests has "
                    + requests.length);
        }
        long[] alarms = new long[4];
        int count = 0;
        long acceptances = 0;
        double llr = 0;
        for (int i = 0; i < errors.length; i++) {
            Require.count("requests[" + i + "]", requests[i]);
            if (errors[i] < 0 || errors[i] > requests[i]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "errors[%d] = %d must lie in [0, requests[%d] = %d]", i, errors[i], i, requests[i]));
            }
            llr += errors[i] * stepError + (requests[i] - errors[i]) * stepSuccess;
            if (llr >= upper) {
                if (count == alarms.length) {
                    alarms = Arrays.copyOf(alarms, count * 2);
                }
                alarms[count++] = i;
                llr = 0;
            } else if (llr <= lower) {
                acceptances++;
                llr = 0;
            }
        }
        Characteristics at0 = characteristics(p0);
        Characteristics at1 = characteristics(p1);
        double arl0 = at0.expectedLength / at0.probabilityAlarm;
        double delay = at1.expectedLength / at1.probabilityAlarm;
        ModelEvidence evidence = ModelEvidence.of("sprt(bernoulli, restarting)")
                .param("p0", p0).param("p1", p1).param("alpha", alpha).param("beta", beta)
                .param("upper_boundary", upper).param("lower_boundary", lower)
                .output("alarms", count).output("h0_acceptances", acceptances).output("llr", llr)
                .output("alpha_exact", at0.probabilityAlarm).output("beta_exact", 1 - at1.probabilityAlarm)
                .output("asn_h0_exact", at0.expectedLength).output("asn_h1_exact", at1.expectedLength)
                .output("asn_h0_wald", waldAsn(p0, 1 - alpha)).output("asn_h1_wald", waldAsn(p1, beta))
                .output("arl0", arl0).output("arl0_wald", waldAsn(p0, 1 - alpha) / alpha)
                .output("detection_delay", delay).output("detection_delay_wald", waldAsn(p1, beta) / (1 - beta))
                .note("ARL0 and delay in requests, per-request checking, from the exact lattice walk; Wald's"
                        + " approximations ignore boundary overshoot")
                .build();
        return new SprtResult(count > 0 ? SprtResult.Decision.ALARM : SprtResult.Decision.NO_ALARM,
                Arrays.copyOf(alarms, count), acceptances, llr, arl0, delay, evidence);
    }

    /** Wald's ASN at rate p, where {@code acceptH0} is the probability of accepting H0 there. */
    private double waldAsn(double p, double acceptH0) {
        double drift = p * stepError + (1 - p) * stepSuccess;
        return (acceptH0 * lower + (1 - acceptH0) * upper) / drift;
    }

    /** Exact exit probability and expected length of one cycle at error rate {@code p}. */
    Characteristics characteristics(double p) {
        // alive states after n requests: s errors with lower < s a + (n - s) b < upper
        double[] mass = {1.0};
        int base = 0; // mass[i] is the probability of s = base + i errors among n requests, still undecided
        double alarm = 0;
        double expected = 0;
        double alive = 1;
        for (long n = 1; alive > 1e-13 && n < 50_000_000L; n++) {
            double[] next = new double[mass.length + 1];
            for (int i = 0; i < mass.length; i++) {
                next[i] += mass[i] * (1 - p);
                next[i + 1] += mass[i] * p;
            }
            int lo = 0;
            int hi = next.length - 1;
            for (int i = 0; i < next.length; i++) {
                double llr = (base + i) * stepError + (n - base - i) * stepSuccess;
                if (llr >= upper) {
                    alarm += next[i];
                    expected += n * next[i];
                    alive -= next[i];
                    next[i] = 0;
                } else if (llr <= lower) {
                    expected += n * next[i];
                    alive -= next[i];
                    next[i] = 0;
                }
            }
            while (lo < hi && next[lo] == 0) {
                lo++;
            }
            while (hi > lo && next[hi] == 0) {
                hi--;
            }
            base += lo;
            mass = Arrays.copyOfRange(next, lo, hi + 1);
        }
        return new Characteristics(alarm, expected);
    }

    /** Exit probability through the upper boundary and expected cycle length, in requests. */
    record Characteristics(double probabilityAlarm, double expectedLength) {
    }
}
